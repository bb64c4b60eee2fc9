export * from './data-source-options';
export * from './snake-naming.strategy';
export * from './migrate';
export * from './embedded/embedded-postgres';
export * from './database.module';
export * from './statement-counter';
export * from './testing/test-databases';
export * from './pg-notifications';
