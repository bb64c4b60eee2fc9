import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

// Counts the SQL statements a data source sends; tests use it to prove there is no N+1.
export class StatementCounter extends AbstractLogger {
  private count = 0;
  private readonly statements: string[] = [];

  override logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    this.count++;
    if (this.statements.length < 500) this.statements.push(query);
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | string | number | (LogMessage | string | number)[],
  ): void {
    // only counting
  }

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }

  get total(): number {
    return this.count;
  }

  get recent(): readonly string[] {
    return this.statements;
  }
}
