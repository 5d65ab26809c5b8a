import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { InboxModule } from '../inbox/index.js';
import { HealthController } from './health.controller.js';
import { ShutdownState } from './shutdown-state.js';
import { ShutdownHealthIndicator } from './shutdown.health.js';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), InboxModule],
  controllers: [HealthController],
  providers: [ShutdownState, ShutdownHealthIndicator],
  exports: [ShutdownState],
})
export class HealthModule {}
