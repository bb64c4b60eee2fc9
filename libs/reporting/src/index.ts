import './graphql/reporting.enums';

export * from './reporting.module';
export * from './reporting-graphql.module';
export * from './reporting.exception';
export * from './reporting.policy';
export * from './facts/request-report-fact.entity';
export * from './facts/report-facts.audit';
export * from './reports/report-dimensions';
export * from './reports/report-row';
export * from './reports/report-sql';
export * from './reports/reports.service';
export * from './csv/report-csv';
export * from './simulation/sla-simulation.service';
export * from './csv/requests-csv.service';
