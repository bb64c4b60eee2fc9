import './graphql/requests.enums';

export * from './requests.module';
export * from './requests-graphql.module';
export * from './requests.exception';
export * from './requests/request.entity';
export * from './requests/request-status.enum';
export * from './requests/requests.service';
export * from './requests/requests-query.service';
export * from './comments/comment.entity';
export * from './history/history-entry.entity';
export * from './history/history-kind.enum';
export * from './lifecycle/request-state-machine';
export * from './access/request-access';
export * from './events/request-events';
export * from './jobs/auto-close.job';
export * from './demo/demo-requests.seeder';
export * from './sla-worker/breach-scan.job';
export * from './import/request-import.service';
