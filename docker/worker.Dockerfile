# syntax=docker/dockerfile:1
# The Intradesk SLA worker (warnings, breaches, escalations). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t intradesk-worker .
# Several may run side by side on one database (clocks are claimed with FOR UPDATE SKIP LOCKED).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY nest-cli.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
RUN npx nest build worker \
  # Development dependencies go, the embedded PostgreSQL among them: the image uses DATABASE_URL.
  && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
CMD ["node", "dist/apps/worker/apps/worker/src/main.js"]
