import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';

export interface SinkMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
  // The session had been upgraded with STARTTLS (or was TLS from the start).
  secure: boolean;
}

export interface SmtpSink {
  url: string;
  port: number;
  messages: SinkMessage[];
  // The next n messages are refused with this reply (e.g. 451 or 550) at the end of DATA.
  refuseNext(n: number, code: number, text?: string): void;
  close(): Promise<void>;
}

// A real SMTP server on a random port of 127.0.0.1 (smtp-server), keeping every message it
// accepts, parsed by mailparser. No TLS (pass disabledCommands: [] and a key and cert to offer
// STARTTLS), any or no credentials.
export async function startSmtpSink(options: Partial<SMTPServerOptions> = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  let refusals: { left: number; code: number; text: string } = { left: 0, code: 0, text: '' };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      // A client that went away mid-message: dropped, as a real server drops it.
      stream.on('error', () => undefined);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // 'end' comes only with the final dot: a client that goes away before it delivers nothing.
      stream.on('end', () => {
        if (refusals.left > 0) {
          refusals.left--;
          const error = new Error(refusals.text) as Error & { responseCode: number };
          error.responseCode = refusals.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        simpleParser(raw).then(
          (parsed) => {
            messages.push({ envelope, raw, parsed, secure: session.secure });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
    ...options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refuseNext(n, code, text = 'refused by the test') {
      refusals = { left: n, code, text };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
