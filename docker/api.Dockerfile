# syntax=docker/dockerfile:1
# The Intradesk API and the web app it serves at /. Build from the repository root:
#   docker build -f docker/api.Dockerfile -t intradesk-api .
# Runs against the PostgreSQL named by DATABASE_URL (no embedded server in the image). The session
# cookie is Secure in production: serve it over HTTPS (TLS at the load balancer, TRUST_PROXY set).

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY nest-cli.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
# The web app: dist/web (WEB_DIR's default, relative to /app), hashed assets and index.html.
RUN npx vite build --config apps/web/vite.config.mts
RUN npx nest build api \
  # Development dependencies go, the embedded PostgreSQL among them: the image uses DATABASE_URL.
  && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: node is PID 1's only child of tini-less images, so SIGTERM reaches it directly.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
