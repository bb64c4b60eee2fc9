import { EventEmitter, once } from 'node:events';
import { Socket } from 'node:net';
import { Duplex, Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

// One SMTP session over nodemailer's SMTPConnection (STARTTLS when the server offers it, unless
// the URL asks for ?requireTLS=true or ignoreTLS=true), sending messages one after another.
// send() streams the whole message but holds back the final "." until `beforeCommit` has
// answered: a server takes a message only at that dot, so whatever happens before it (a crash, a
// lapsed claim) leaves nothing delivered. `beforeCommit` answers with a commit to start in the
// same tick as the dot (the caller's COMMIT goes out on its socket as the dot goes out on this
// one), so that no crash can fall between the record "sent" and the dot.

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
  // PEM certificates trusted besides the system's CAs (SMTP_TLS_CA_FILE).
  ca?: string;
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

// The caller's verdict before the final dot: null aborts the message (nothing is delivered);
// otherwise a function called synchronously just before the dot is written.
export type BeforeCommit = () => Promise<(() => void) | null>;

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

// The message as nodemailer reads it: instead of a stream to pull from, it is given the DATA
// stream nodemailer pipes a message into, so that the body and the final dot are written when
// the sender says.
class HeldMessage extends EventEmitter {
  private handOver!: (target: Duplex) => void;
  readonly target = new Promise<Duplex>((resolve) => (this.handOver = resolve));

  pipe(target: Duplex): Duplex {
    this.handOver(target);
    return target;
  }

  // nodemailer releases a message it gives up on (a timeout, a refused envelope): nothing to
  // release here, and without it that teardown throws out of a timer.
  destroy(): void {}
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
      // Node's ca replaces the default trust store: keep the system's CAs beside the extra ones.
      ...(o.ca ? { tls: { ca: [...rootCertificates, o.ca] } } : {}),
    });
    connection.on('error', () => (this.broken = true));
    connection.on('end', () => (this.broken = true));
    await new Promise<void>((resolve, reject) => {
      // A failure after the greeting (STARTTLS refused or missing under requireTLS, a certificate
      // not trusted) comes only as an 'error' event, never to connect's callback.
      connection.once('error', reject);
      connection.once('end', () => reject(new Error('the SMTP server closed the connection')));
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
  // only once the server has taken the envelope and every byte of the message but the final dot
  // has left this process.
  async send(
    envelope: { from: string; to: string[] },
    message: Buffer,
    beforeCommit: BeforeCommit,
  ): Promise<string | null> {
    const connection = this.connection;
    if (!connection || this.broken)
      throw new SmtpSendError('the SMTP session is closed', false, false);
    const source = new HeldMessage();
    let dotSent = false;
    let aborted = false;
    const result = new Promise<string>((resolve, reject) => {
      connection.send(envelope, source as unknown as Readable, (error, info) => {
        if (error) reject(describe(error as SmtpError, dotSent));
        else resolve(info.response ?? '');
      });
    });
    result.catch(() => undefined);
    const ended = result.then(
      () => null,
      () => null,
    );
    try {
      // nodemailer hands over its DATA stream (dot-stuffing; the final dot when it ends) after
      // the server's 354.
      const data = await Promise.race([source.target, ended]);
      if (data) {
        data.write(message);
        await Promise.race([this.flushed(connection, data), ended]);
        // A session that broke meanwhile: the result says how.
        const commit = this.broken ? undefined : await beforeCommit();
        if (commit === null) {
          aborted = true;
          // Without the dot the server drops what it has of the message.
          this.broken = true;
          connection.close();
        } else if (commit) {
          // Together, with no await between them: the caller's commit and the dot (DataStream
          // writes it to the socket synchronously as it ends).
          dotSent = true;
          commit();
          data.end();
        }
      }
      const reply = await result;
      return aborted ? null : reply;
    } catch (error) {
      if (aborted) return null;
      this.broken ||= !dotSent;
      if (error instanceof SmtpSendError) throw error;
      throw describe(error as SmtpError, dotSent);
    }
  }

  // Until nothing of the message waits in this process (neither in nodemailer's DATA stream nor
  // in the socket's buffer): a crash then cannot cut it short after the dot is recorded.
  private async flushed(connection: SMTPConnection, data: Duplex): Promise<void> {
    const socket = (connection as unknown as { _socket?: Socket | null | false })._socket || null;
    while (
      !this.broken &&
      (data.writableLength > 0 || data.readableLength > 0 || (socket?.writableLength ?? 0) > 0)
    ) {
      // 'drain' comes only after a write that filled the buffer: a TLS socket (after STARTTLS)
      // often holds a few bytes without, until its encrypted side has taken them.
      await (socket?.writableNeedDrain
        ? once(socket, 'drain')
        : socket && socket.writableLength > 0
          ? new Promise<void>((resolve) => setTimeout(resolve, 1))
          : new Promise<void>((resolve) => setImmediate(resolve)));
    }
  }

  close(): void {
    if (!this.connection) return;
    if (this.broken) this.connection.close();
    else this.connection.quit();
    this.connection = null;
  }
}
