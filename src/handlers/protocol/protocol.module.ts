import { Module } from '@nestjs/common';
import { ProtocolActivityHandler } from './protocol-activity.handler.js';

@Module({ providers: [ProtocolActivityHandler] })
export class ProtocolModule {}
