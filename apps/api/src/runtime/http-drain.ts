import { Injectable } from '@nestjs/common';
import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

// Graceful shutdown: on SIGTERM the API stops accepting connections, reports not-ready (so a
// load balancer stops sending), lets the requests already in flight finish, and only then closes
// the database pool.
@Injectable()
export class HttpDrain {
  private inFlight = 0;
  private idle: (() => void) | null = null;
  draining = false;

  // Counts requests from their start until their response is finished (or the client went away).
  track() {
    return (req: Request, res: Response, next: NextFunction): void => {
      this.inFlight++;
      // While draining, keep-alive connections are closed after their current response.
      if (this.draining) res.setHeader('Connection', 'close');
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        this.inFlight--;
        if (this.inFlight === 0) this.idle?.();
      };
      res.once('finish', finished);
      res.once('close', finished);
      next();
    };
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  // Resolves when every in-flight request has finished, or after timeoutMs; returns how many
  // were still running then.
  async drain(server: Server, timeoutMs: number): Promise<number> {
    this.draining = true;
    if (server.listening) server.close();
    server.closeIdleConnections();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const left = this.inFlight;
    // WebSocket subscriptions and idle keep-alive sockets do not hold the shutdown.
    server.closeAllConnections();
    return left;
  }
}
