import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { groupWelcomeConfig } from '../../config/index.js';
import { type GroupParticipantsChangedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../events/index.js';
import { deviceOf, OutgoingMessages } from '../gateway-client/index.js';
import { jidUser, renderGroupNotice } from './group-notice.template.js';

export const GROUP_NOTICE_PURPOSE = 'group-notice';

/**
 * One message per member who joins a group, mentioning them; leave, promote and demote send
 * nothing unless their template is configured. Each member's message is recorded on its own
 * (delivery id + member), so a retry after a partial failure sends only the missing ones.
 */
@Injectable()
export class GroupWelcomeHandler {
  constructor(
    @Inject(groupWelcomeConfig.KEY) private readonly config: ConfigType<typeof groupWelcomeConfig>,
    private readonly outgoing: OutgoingMessages,
  ) {}

  @OnWhatsAppEvent(WhatsAppEvent.GroupParticipantsChanged)
  async onParticipants(event: GroupParticipantsChangedEvent): Promise<void> {
    const template = this.config.templates[event.action];
    if (!template) return;
    const self = event.deviceId ? jidUser(event.deviceId) : undefined;
    // A member listed twice still gets one message.
    for (const member of new Set(event.participants)) {
      if (jidUser(member) === self) continue;
      await this.outgoing.sendOnce(
        { purpose: GROUP_NOTICE_PURPOSE, key: `${event.deliveryId}/${event.action}/${member}`, deliveryId: event.deliveryId, chatId: event.groupId },
        { device: deviceOf(event), phone: event.groupId, message: renderGroupNotice(template, member), mentions: [member] },
      );
    }
  }
}
