import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { InboxModule } from '../inbox/index.js';
import { HealthController } from './health.controller.js';
import { ShutdownHealthIndicator } from './shutdown.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), InboxModule],
  controllers: [HealthController],
  providers: [ShutdownHealthIndicator],
})
export class HealthModule {}
