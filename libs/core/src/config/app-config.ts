import { createHmac } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import { parseS3Url } from './s3-url';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

// Every environment variable the processes read, validated once at boot.
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  // When unset, an embedded PostgreSQL is started with its data in DATA_DIR.
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DATABASE_POOL_SIZE = 10;

  // Read replicas (comma-separated postgres:// URLs) for reports; writes never go there.
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^,\s]+(,\s*postgres(ql)?:\/\/[^,\s]+)*$/, {
    message: 'DATABASE_REPLICA_URLS must be postgres:// URLs separated by commas',
  })
  DATABASE_REPLICA_URLS?: string;

  get databaseReplicaUrls(): string[] {
    return (this.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean);
  }

  @IsString()
  DATA_DIR = '.data';

  // The built web app (npm run build:web), served at /.
  @IsString()
  WEB_DIR = 'dist/web';

  // Required with an external database; in embedded mode one is generated and kept in DATA_DIR.
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production')
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters in production' })
  JWT_SECRET?: string;

  // Keys the pulse-survey respondent keys (HMAC). Required in production; elsewhere, when unset,
  // derived from JWT_SECRET (so every process of one desk agrees). See surveySecret.
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @ValidateIf((config: AppConfig) => config.NODE_ENV === 'production')
  @MinLength(32, { message: 'SURVEY_SECRET must be at least 32 characters in production' })
  SURVEY_SECRET?: string;

  @Matches(/^\d+[smhd]?$/, {
    message: 'JWT_EXPIRES_IN is a number of seconds or e.g. 15m, 12h, 7d',
  })
  JWT_EXPIRES_IN = '12h';

  @Transform(emptyToUndefined)
  @ValidateIf(
    (config: AppConfig) => config.ADMIN_EMAIL !== undefined || config.ADMIN_PASSWORD !== undefined,
  )
  @IsEmail(
    {},
    { message: 'ADMIN_EMAIL must be an email address (set it together with ADMIN_PASSWORD)' },
  )
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf(
    (config: AppConfig) => config.ADMIN_EMAIL !== undefined || config.ADMIN_PASSWORD !== undefined,
  )
  @IsString()
  @MinLength(8, {
    message: 'ADMIN_PASSWORD must be at least 8 characters (set it together with ADMIN_EMAIL)',
  })
  ADMIN_PASSWORD?: string;

  @IsIn(['auto', 'true', 'false'])
  SEED_DEMO: 'auto' | 'true' | 'false' = 'auto';

  @IsString()
  DEFAULT_TIME_ZONE = 'UTC';

  // How long after resolution the customer side may still reopen a request.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REQUEST_REOPEN_WINDOW_HOURS = 168;

  // Resolved requests close by themselves after this long.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REQUEST_AUTO_CLOSE_HOURS = 72;

  // How long after resolution the customer may rate a request (and change the rating).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATING_WINDOW_DAYS = 14;

  // Pulse surveys: no group result is shown for fewer answers than this (k-anonymity).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SURVEY_MIN_ANSWERS = 3;

  // How often the worker (or the API running the worker) closes resolved requests, as a job on
  // the job queue; 0 turns it off.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  AUTO_CLOSE_INTERVAL_SECONDS = 60;

  // Between escalation rungs after a breach: the assignee, then the supplier's lead, then the
  // lead of the lowest department above both sides.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ESCALATION_DELAY_MINUTES = 60;

  // How often the worker's recurring jobs run (the SLA scan for due warnings, breaches and
  // escalations; webhook delivery; survey sealing): one run per interval across all workers.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_POLL_SECONDS = 5;

  // Webhook deliveries are given up (FAILED) after this many attempts.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  WEBHOOK_TIMEOUT_SECONDS = 5;

  // true: webhooks may reach loopback, private and link-local addresses and plain http: in
  // production (development and tests only: it opens the worker to server-side request forgery).
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' | 'false' = 'false';

  // auto: the API runs the SLA worker in its own process in embedded mode only.
  @IsIn(['auto', 'true', 'false'])
  RUN_WORKER_IN_API: 'auto' | 'true' | 'false' = 'auto';

  // GraphQL abuse limits: refused with a 4xx before any resolver runs.
  @Transform(toInt)
  @IsInt()
  @Min(2)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  GRAPHQL_MAX_ALIASES = 15;

  // Each field costs 1 plus its selection times the rows it may return (`first`, or 10 for
  // other lists); a 100-request queue page with its parties and clocks costs about 3,200.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 20000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  GRAPHQL_MAX_DOCUMENT_BYTES = 20000;

  // Lexical tokens in one document (the full queue page has 68; the standard introspection
  // query under 200): checked in linear time before any parsing.
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS = 2000;

  // Request bodies, GraphQL variables included. Files travel to the upload endpoints
  // (POST /imports/org-chart, /imports/requests), which have their own limit below.
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  MAX_BODY_BYTES = 1024 * 1024;

  // Largest file the import upload endpoints take (streamed to a temporary file, never held in
  // memory).
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BODY_BYTES = 50 * 1024 * 1024;

  // Attachments (POST /requests/:id/attachments, files of inbound mail): the largest file, and
  // the most all files of one request may add up to (PAYLOAD_TOO_LARGE, 413, past either).
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  ATTACHMENTS_MAX_BYTES_PER_REQUEST = 50 * 1024 * 1024;

  // Uploads never sent (pending: for a comment never written, or for a request never filed)
  // are deleted with their bytes once this old, by a job of the worker.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  ATTACHMENT_PENDING_HOURS = 24;

  // Where attachment bytes live: unset, in PostgreSQL (attachment_blobs); set, in an
  // S3-compatible bucket, s3://KEY:SECRET@HOST[:PORT]/BUCKET[/PREFIX]?region=…&forcePathStyle=true.
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^s3:\/\//, { message: 'ATTACHMENTS_S3_URL must be an s3:// URL' })
  ATTACHMENTS_S3_URL?: string;

  // Operations (root fields) per window per signed-in user and per client address; 0 turns
  // one off. Counted in PostgreSQL (rate_limit_counters), so all API processes together allow
  // each budget once; a caller's window starts at its first operation.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_USER = 600;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_PER_ADDRESS = 1200;

  // Refused operations (query limits, oversized or malformed bodies) an address may send per
  // rate-limit window before it is cut off for the rest of it; 0 turns this off.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  ABUSE_REFUSALS_PER_WINDOW = 20;

  // Express's "trust proxy": behind a load balancer, which X-Forwarded-For hops to believe for the
  // client address (false, true, a hop count, or addresses/subnets such as "loopback,uniquelocal").
  @IsString()
  TRUST_PROXY = 'false';

  get trustProxy(): boolean | number | string {
    if (this.TRUST_PROXY === 'true') return true;
    if (this.TRUST_PROXY === 'false') return false;
    return /^\d+$/.test(this.TRUST_PROXY) ? Number(this.TRUST_PROXY) : this.TRUST_PROXY;
  }

  // On SIGTERM the API waits this long for requests in flight, and the job queue (worker) for its
  // runs in flight, before closing (keep it below the orchestrator's kill timeout, e.g. Docker's
  // 10 s default: see stop_grace_period).
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_SECONDS = 8;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  // Where people open the web app: the base of every link in an e-mail.
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'PUBLIC_URL must be an http(s) URL, e.g. https://desk.example.org',
  })
  PUBLIC_URL = 'http://localhost:3000';

  // The desk's mail domain: reply+<token>@MAIL_DOMAIN for replies, <department code>@MAIL_DOMAIN
  // for new requests.
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, {
    message: 'MAIL_DOMAIN must be a domain name, e.g. desk.example.org',
  })
  MAIL_DOMAIN = 'intradesk.localhost';

  // Outgoing mail: smtp://user:pass@host:587 (STARTTLS when the server offers it; add
  // ?requireTLS=true to refuse a server that does not) or smtps://…:465. Unset: nothing is sent,
  // administrators read the outgoing messages in the web app (Settings, Outgoing mail).
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+(\/?(\?[^\s]*)?)?$/, {
    message:
      'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.org:587',
  })
  SMTP_URL?: string;

  // The From of outgoing mail (an address, or "Name <address>"); default Intradesk
  // <no-reply@MAIL_DOMAIN>.
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
    message: 'MAIL_FROM must be an e-mail address, or "Name <address>"',
  })
  MAIL_FROM?: string;

  // An outgoing message is given up (FAILED, shown to administrators) after this many attempts
  // (a permanent 5xx refusal at once); retries back off from 30 s, doubling, up to 6 h.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  // A sender's claim on a batch of messages: a worker that died holding one leaves its messages to
  // the others after this long (never sent twice either way: see the README).
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_CLAIM_SECONDS = 60;

  // Connection and reply timeout of the SMTP server.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  MAIL_TIMEOUT_SECONDS = 30;

  // A request's reply and status-change mails wait this long before they are due, so that a
  // question and "waiting on you" (asking for information) go out as one mail; 0: at once.
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  MAIL_GATHER_SECONDS = 10;

  // A PEM file of certificates the SMTP client trusts besides the system's CAs (an internal CA,
  // or the relay's own self-signed certificate), for STARTTLS and smtps://. Verification itself
  // is never turned off.
  @IsString()
  SMTP_TLS_CA_FILE = '';

  // The built-in SMTP receiver for MAIL_DOMAIN (replies to notifications, new requests to
  // <code>@MAIL_DOMAIN), run by the worker (and by the API when it runs the worker); 0 is off.
  // Feed it from the organisation's mail server only: it takes no AUTH (see README).
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  INBOUND_SMTP_PORT = 0;

  @IsString()
  INBOUND_SMTP_HOST = '0.0.0.0';

  // Client addresses or subnets allowed to connect (comma-separated, e.g. "10.0.0.5,10.1.0.0/16");
  // empty allows any (keep the port reachable from the mail server only).
  @IsString()
  @Matches(/^\s*$|^[0-9a-f.:/\s,]+$/i, {
    message: 'INBOUND_SMTP_ALLOWED_NETWORKS must be addresses or CIDR subnets separated by commas',
  })
  INBOUND_SMTP_ALLOWED_NETWORKS = '';

  // PEM files for STARTTLS on the receiver; without both, STARTTLS is not offered.
  @IsString()
  INBOUND_SMTP_TLS_KEY_FILE = '';

  @IsString()
  INBOUND_SMTP_TLS_CERT_FILE = '';

  // Largest message the receiver takes (announced with SIZE, enforced while it streams).
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  INBOUND_MAIL_MAX_BYTES = 25 * 1024 * 1024;

  // A reply to a notification older than this (from when it was written) is refused.
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_REPLY_TOKEN_DAYS = 90;

  get inboundSmtpAllowedNetworks(): string[] {
    return this.INBOUND_SMTP_ALLOWED_NETWORKS.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  // The survey HMAC secret: SURVEY_SECRET, or outside production one derived from JWT_SECRET
  // (read late: in embedded mode JWT_SECRET is generated after loadConfig).
  get surveySecret(): string {
    if (this.SURVEY_SECRET) return this.SURVEY_SECRET;
    if (this.isProduction || !this.JWT_SECRET) {
      throw new ConfigValidationError('SURVEY_SECRET is not set');
    }
    return createHmac('sha256', this.JWT_SECRET).update('intradesk survey secret').digest('hex');
  }

  // Signs the reply+<token> addresses of outgoing mail; derived, so that no process needs another
  // secret and rotating JWT_SECRET also retires old reply addresses.
  get mailReplySecret(): string {
    if (!this.JWT_SECRET) throw new ConfigValidationError('JWT_SECRET is not set');
    return createHmac('sha256', this.JWT_SECRET)
      .update('intradesk mail reply tokens')
      .digest('hex');
  }

  get mailFrom(): string {
    return this.MAIL_FROM ?? `Intradesk <no-reply@${this.MAIL_DOMAIN}>`;
  }

  get publicUrl(): string {
    return this.PUBLIC_URL.replace(/\/+$/, '');
  }

  get webhooksMayReachPrivateNetworks(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.DATABASE_URL === undefined;
  }
}

export class ConfigValidationError extends Error {}

// Builds the config from an environment, throwing one message that lists every bad variable.
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const picked: Record<string, unknown> = {};
  const optional = [
    'DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'JWT_SECRET',
    'SURVEY_SECRET',
    'SMTP_URL',
    'MAIL_FROM',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'ATTACHMENTS_S3_URL',
  ];
  for (const key of [...known, ...optional]) {
    if (env[key] !== undefined) picked[key] = env[key];
  }
  const config = plainToInstance(AppConfig, picked);
  const problems = validateSync(config).flatMap((e) => Object.values(e.constraints ?? {}));
  // The embedded server is a development dependency, absent from the production images.
  if (config.isProduction && config.usesEmbeddedDatabase) {
    problems.push(
      'DATABASE_URL is required in production (the embedded PostgreSQL is for development and tests)',
    );
  }
  if (!config.usesEmbeddedDatabase && !config.JWT_SECRET) {
    problems.push('JWT_SECRET is required when DATABASE_URL is set');
  }
  // Long but guessable ("aaaa…", "changemechangeme…") is not strong either.
  if (config.isProduction && config.JWT_SECRET && new Set(config.JWT_SECRET).size < 12) {
    problems.push(
      'JWT_SECRET is too predictable for production: use a random string, e.g. openssl rand -base64 48',
    );
  }
  if (config.isProduction && !config.SURVEY_SECRET) {
    problems.push(
      'SURVEY_SECRET is required in production (a random string of at least 32 characters, e.g. openssl rand -base64 48)',
    );
  }
  if (config.isProduction && config.SURVEY_SECRET && new Set(config.SURVEY_SECRET).size < 12) {
    problems.push(
      'SURVEY_SECRET is too predictable for production: use a random string, e.g. openssl rand -base64 48',
    );
  }
  if (config.isProduction && config.SURVEY_SECRET && config.SURVEY_SECRET === config.JWT_SECRET) {
    problems.push('SURVEY_SECRET must differ from JWT_SECRET');
  }
  if (config.ATTACHMENTS_S3_URL?.startsWith('s3://')) {
    try {
      parseS3Url(config.ATTACHMENTS_S3_URL);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) {
    throw new ConfigValidationError(
      `Invalid configuration:\n${problems.map((m) => `  - ${m}`).join('\n')}`,
    );
  }
  return config;
}
