import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

type Handler = (payload: unknown) => void;

// One dedicated connection per process LISTENs to PostgreSQL notifications and hands them to
// local handlers: events raised by any process reach the subscribers of every process.
// Notifications sent with pg_notify inside a transaction are delivered only if it commits.
export class PgNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(PgNotifications.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  async subscribe(channel: string, handler: Handler): Promise<() => void> {
    assertChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.ensureConnected();
      await this.client?.query(`LISTEN ${channel}`);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: 'intradesk-listener',
    });
    client.on('notification', (message) => {
      const handlers = this.handlers.get(message.channel);
      if (!handlers || !message.payload) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload);
      } catch {
        return;
      }
      for (const handler of handlers) handler(payload);
    });
    client.on('error', (error) => {
      this.logger.warn(`notification connection lost: ${error.message}; reconnecting`);
      this.client = null;
      client.end().catch(() => undefined);
      this.reconnectSoon();
    });
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
  }

  private reconnectSoon(): void {
    if (this.closed) return;
    setTimeout(() => {
      this.ensureConnected().catch(() => this.reconnectSoon());
    }, 1_000).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
}
