import { Module } from '@nestjs/common';
import { MessageActivityHandler } from './message-activity.handler.js';

@Module({ providers: [MessageActivityHandler] })
export class MessagesModule {}
