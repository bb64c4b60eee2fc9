import { Module } from '@nestjs/common';
import { AbuseBlocklist } from './abuse-blocklist';

@Module({ providers: [AbuseBlocklist], exports: [AbuseBlocklist] })
export class AbuseModule {}
