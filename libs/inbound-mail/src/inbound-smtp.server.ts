import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@intradesk/core';
import * as ipaddr from 'ipaddr.js';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { DropReason } from './inbound-outcome';
import { InboundMailService } from './inbound-mail.service';

type SmtpError = Error & { responseCode: number };

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

// Refusals at RCPT TO and what the sending server is told.
const RCPT_REPLIES: Partial<Record<DropReason, [number, string]>> = {
  [DropReason.RELAY_DENIED]: [
    550,
    '5.7.1 Relaying denied: this server takes mail for its own domain only',
  ],
  [DropReason.UNKNOWN_RECIPIENT]: [550, '5.1.1 No such desk address'],
  [DropReason.FORGED_TOKEN]: [550, '5.1.1 No such reply address'],
};

// The built-in SMTP receiver (smtp-server): takes mail for MAIL_DOMAIN from the organisation's
// mail server and hands each message to InboundMailService. No AUTH (it is fed by a relay on
// the organisation's network); STARTTLS when a key and certificate are configured.
@Injectable()
export class InboundSmtpServer implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InboundSmtpServer.name);
  private server: SMTPServer | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
  ) {}

  // Listens on INBOUND_SMTP_PORT (nothing when it is 0); returns the port.
  async start(): Promise<number | null> {
    const port = this.config.INBOUND_SMTP_PORT;
    if (!port || this.server) return this.port;
    const maxBytes = this.config.INBOUND_MAIL_MAX_BYTES;
    const tls =
      this.config.INBOUND_SMTP_TLS_KEY_FILE && this.config.INBOUND_SMTP_TLS_CERT_FILE
        ? {
            key: readFileSync(this.config.INBOUND_SMTP_TLS_KEY_FILE),
            cert: readFileSync(this.config.INBOUND_SMTP_TLS_CERT_FILE),
          }
        : null;
    const allowed = this.config.inboundSmtpAllowedNetworks.map((entry) =>
      entry.includes('/')
        ? ipaddr.parseCIDR(entry)
        : ipaddr.parseCIDR(`${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`),
    );
    const server = new SMTPServer({
      name: this.config.MAIL_DOMAIN,
      banner: 'Intradesk mail receiver',
      size: maxBytes,
      authOptional: true,
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...(tls ?? {}),
      logger: false,
      closeTimeout: this.config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
      onConnect: (session, callback) => {
        if (allowed.length === 0 || isAllowed(session.remoteAddress, allowed)) return callback();
        void this.inbound
          .refused(DropReason.NETWORK_DENIED, { ip: session.remoteAddress })
          .finally(() => callback(smtpError(554, '5.7.1 Not accepted from your network')));
      },
      onRcptTo: (address, session, callback) => {
        this.inbound
          .classifyRecipient(address.address)
          .then(async (target) => {
            if (typeof target !== 'string') return callback();
            await this.inbound.refused(target, {
              recipient: address.address,
              mailFrom: mailFromOf(session),
              ip: session.remoteAddress,
            });
            const [code, text] = RCPT_REPLIES[target] ?? [550, '5.1.1 Not accepted'];
            callback(smtpError(code, text));
          })
          .catch((error: unknown) => {
            this.logger.error(`RCPT TO failed: ${String(error)}`);
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          });
      },
      onData: (stream, session, callback) => this.receive(stream, session, maxBytes, callback),
    });
    server.on('error', (error) => this.logger.error(`SMTP receiver: ${String(error)}`));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.config.INBOUND_SMTP_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`SMTP receiver for ${this.config.MAIL_DOMAIN} listening on port ${this.port}`);
    return this.port;
  }

  get port(): number | null {
    const address = (
      this.server as unknown as { server?: { address(): AddressInfo | null } }
    )?.server?.address();
    return address ? address.port : null;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // Before TypeORM closes: the messages in flight finish (or the sender retries).
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    maxBytes: number,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit nothing more is kept; smtp-server reads on to the final dot.
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('end', () => {
      const recipients = session.envelope.rcptTo.map((r) => r.address);
      const context = { mailFrom: mailFromOf(session), ip: session.remoteAddress };
      if (stream.sizeExceeded || size > maxBytes) {
        void this.inbound
          .refused(DropReason.OVERSIZED, {
            ...context,
            bytes: size,
            recipients: recipients.join(','),
          })
          .finally(() =>
            callback(smtpError(552, `5.3.4 Message too big (at most ${maxBytes} bytes)`)),
          );
        return;
      }
      this.inbound
        .deliver(Buffer.concat(chunks), {
          mailFrom: mailFromOf(session),
          recipients,
          remoteAddress: session.remoteAddress,
        })
        // The same answer whatever became of it: a client must not learn which addresses are
        // users (the outcome is in the log and the counts).
        .then(() => callback(null, '2.0.0 Accepted'))
        .catch((error: unknown) => {
          this.logger.error(`incoming mail not processed, the sender will retry: ${String(error)}`);
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    });
  }
}

function mailFromOf(session: SMTPServerSession): string | null {
  const from = session.envelope.mailFrom;
  return from ? from.address : null;
}

function isAllowed(remote: string, allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.process(remote);
  } catch {
    return false;
  }
  return allowed.some(
    ([range, bits]) => range.kind() === address.kind() && address.match(range, bits),
  );
}
