import { Injectable, Logger } from '@nestjs/common';
import { type GroupJoinedEvent, type GroupParticipantsChangedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../events/index.js';

@Injectable()
export class GroupActivityHandler {
  private readonly logger = new Logger(GroupActivityHandler.name);

  @OnWhatsAppEvent(WhatsAppEvent.GroupParticipantsChanged)
  onParticipants(event: GroupParticipantsChangedEvent): void {
    this.logger.debug(`${event.participants.length} participant(s) ${event.action} in ${event.groupId}`);
  }

  @OnWhatsAppEvent(WhatsAppEvent.GroupJoined)
  onJoined(event: GroupJoinedEvent): void {
    this.logger.log(`This account was added to group ${event.groupId}`);
  }
}
