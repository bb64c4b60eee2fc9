import { DynamicModule, Global, Module } from '@nestjs/common';
import { TimeSource, SystemTimeSource } from './time/time-source';
import { AppConfig } from './config/app-config';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, time: TimeSource = new SystemTimeSource()): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: TimeSource, useValue: time },
      ],
      exports: [AppConfig, TimeSource],
    };
  }
}
