import './graphql/catalog.enums';

export * from './catalog.module';
export * from './catalog-graphql.module';
export * from './catalog.exception';
export * from './catalog.policy';
export * from './services/priority.enum';
export * from './services/service.entity';
export * from './services/catalog.service';
export * from './graphql/service.model';
export * from './graphql/catalog.loaders';
