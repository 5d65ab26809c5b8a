import { Global, Module } from '@nestjs/common';
import { ShutdownState } from './shutdown-state.js';

/** The shutdown clock, shared by readiness, the listener and the dispatcher. */
@Global()
@Module({ providers: [ShutdownState], exports: [ShutdownState] })
export class LifecycleModule {}
