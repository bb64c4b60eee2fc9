import { PassThrough } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

// One SMTP session over nodemailer's SMTPConnection (STARTTLS when the server offers it, unless
// the URL asks for ?requireTLS=true or ignoreTLS=true), sending messages one after another.
// send() streams the whole message but holds back the final "." until `beforeCommit` resolves:
// a server takes a message only at that dot, so whatever happens before it (a crash, a lapsed
// claim) leaves nothing delivered, and once `beforeCommit` has recorded the message as sent, the
// dot is the next thing written.

export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
  timeoutMs: number;
  // The EHLO name.
  name?: string;
}

export function smtpOptions(url: string, timeoutMs: number, name?: string): SmtpOptions {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const flag = (key: string) => parsed.searchParams.get(key) === 'true';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    requireTLS: flag('requireTLS'),
    ignoreTLS: flag('ignoreTLS'),
    auth: parsed.username
      ? {
          user: decodeURIComponent(parsed.username),
          pass: decodeURIComponent(parsed.password),
        }
      : undefined,
    timeoutMs,
    name,
  };
}

// Why a send failed, and whether trying again may help (4xx, network) or not (5xx).
export class SmtpSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    // The final dot was written: with a reply code the server refused the message; without one
    // (the session broke) the outcome is unknown.
    readonly afterData: boolean,
    readonly replied = false,
  ) {
    super(message);
  }
}

// The caller's verdict before the final dot: false aborts the message (nothing is delivered).
export type BeforeCommit = () => Promise<boolean>;

interface SmtpError extends Error {
  responseCode?: number;
  code?: string;
}

function describe(error: SmtpError, afterData: boolean): SmtpSendError {
  const code = error.responseCode;
  return new SmtpSendError(
    (error.message || String(error)).replace(/\s+/g, ' ').slice(0, 480),
    code !== undefined && code >= 500 && code < 600,
    afterData,
    code !== undefined,
  );
}

export class SmtpClient {
  private connection: SMTPConnection | null = null;
  private broken = false;

  constructor(private readonly options: SmtpOptions) {}

  async open(): Promise<void> {
    const o = this.options;
    const connection = new SMTPConnection({
      host: o.host,
      port: o.port,
      secure: o.secure,
      requireTLS: o.requireTLS,
      ignoreTLS: o.ignoreTLS,
      name: o.name,
      connectionTimeout: o.timeoutMs,
      greetingTimeout: o.timeoutMs,
      socketTimeout: o.timeoutMs,
    });
    connection.on('error', () => (this.broken = true));
    connection.on('end', () => (this.broken = true));
    await new Promise<void>((resolve, reject) => {
      connection.connect((error?: Error) => (error ? reject(error) : resolve()));
    }).catch((error: SmtpError) => {
      connection.close();
      throw describe(error, false);
    });
    if (o.auth) {
      await new Promise<void>((resolve, reject) =>
        connection.login(o.auth!, (error?: Error | null) => (error ? reject(error) : resolve())),
      ).catch((error: SmtpError) => {
        connection.close();
        throw describe(error, false);
      });
    }
    this.connection = connection;
  }

  get usable(): boolean {
    return this.connection !== null && !this.broken;
  }

  // Sends one message; resolves with the server's reply, or rejects with an SmtpSendError.
  // Resolves null when beforeCommit said no (the session is then closed). beforeCommit runs
  // only once the server has taken the envelope and is reading the body.
  async send(
    envelope: { from: string; to: string[] },
    message: Buffer,
    beforeCommit: BeforeCommit,
  ): Promise<string | null> {
    const connection = this.connection;
    if (!connection || this.broken)
      throw new SmtpSendError('the SMTP session is closed', false, false);
    const body = new PassThrough();
    let dotSent = false;
    let aborted = false;
    // nodemailer pipes the body only after the server's 354.
    const reading = new Promise<void>((resolve) => body.once('resume', () => resolve()));
    const result = new Promise<string>((resolve, reject) => {
      connection.send(envelope, body, (error, info) => {
        if (error) reject(describe(error as SmtpError, dotSent));
        else resolve(info.response ?? '');
      });
    });
    result.catch(() => undefined);
    body.write(message);
    const verdict = (async () => {
      const started = await Promise.race([
        reading.then(() => true),
        result.then(
          () => false,
          () => false,
        ),
      ]);
      if (!started) return;
      const go = await beforeCommit();
      if (!go) {
        aborted = true;
        // Without the dot the server drops what it has of the message.
        this.broken = true;
        connection.close();
        return;
      }
      dotSent = true;
      body.end();
    })();
    try {
      await verdict;
      const reply = await result;
      return aborted ? null : reply;
    } catch (error) {
      if (aborted) return null;
      this.broken ||= !dotSent;
      if (error instanceof SmtpSendError) throw error;
      throw describe(error as SmtpError, dotSent);
    }
  }

  close(): void {
    if (!this.connection) return;
    if (this.broken) this.connection.close();
    else this.connection.quit();
    this.connection = null;
  }
}
