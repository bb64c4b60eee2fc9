import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HttpDrain } from '../runtime/http-drain';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly drain: HttpDrain,
  ) {}

  // Liveness: the process answers; no dependency is checked.
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  // Readiness: the database answers within two seconds, and the process is not shutting down.
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.drain.draining) {
      throw new ServiceUnavailableException({
        status: 'error',
        error: { process: { status: 'down', message: 'shutting down' } },
      });
    }
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
  }
}
