import { Module } from '@nestjs/common';
import { GroupActivityHandler } from './group-activity.handler.js';

@Module({ providers: [GroupActivityHandler] })
export class GroupsModule {}
