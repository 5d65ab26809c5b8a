import { Injectable, Module } from '@nestjs/common';
import { OnWhatsAppEvent, WhatsAppEvent, type WhatsAppDomainEvent, type WhatsAppEventName } from '../../src/events/index.js';

export interface Received {
  readonly name: WhatsAppEventName;
  readonly event: WhatsAppDomainEvent;
}

/** Records every domain event it receives; a test can make it fail on purpose. */
@Injectable()
export class RecordingHandler {
  readonly received: Received[] = [];
  /** Called before recording; throw from it to make this handler fail. */
  behaviour: (event: WhatsAppDomainEvent) => void | Promise<void> = () => undefined;

  private async record(name: WhatsAppEventName, event: WhatsAppDomainEvent): Promise<void> {
    await this.behaviour(event);
    this.received.push({ name, event });
  }

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived) onMessage(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.MessageReceived, e); }
  @OnWhatsAppEvent(WhatsAppEvent.MessageReaction) onReaction(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.MessageReaction, e); }
  @OnWhatsAppEvent(WhatsAppEvent.MessageEdited) onEdited(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.MessageEdited, e); }
  @OnWhatsAppEvent(WhatsAppEvent.MessageRevoked) onRevoked(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.MessageRevoked, e); }
  @OnWhatsAppEvent(WhatsAppEvent.MessageDeleted) onDeleted(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.MessageDeleted, e); }
  @OnWhatsAppEvent(WhatsAppEvent.ReceiptReceived) onReceipt(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.ReceiptReceived, e); }
  @OnWhatsAppEvent(WhatsAppEvent.ChatPresenceChanged) onPresence(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.ChatPresenceChanged, e); }
  @OnWhatsAppEvent(WhatsAppEvent.GroupParticipantsChanged) onParticipants(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.GroupParticipantsChanged, e); }
  @OnWhatsAppEvent(WhatsAppEvent.GroupJoined) onGroupJoined(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.GroupJoined, e); }
  @OnWhatsAppEvent(WhatsAppEvent.LabelEdited) onLabelEdited(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.LabelEdited, e); }
  @OnWhatsAppEvent(WhatsAppEvent.LabelAssociationChanged) onLabelAssociation(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.LabelAssociationChanged, e); }
  @OnWhatsAppEvent(WhatsAppEvent.NewsletterJoined) onNewsletterJoined(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.NewsletterJoined, e); }
  @OnWhatsAppEvent(WhatsAppEvent.NewsletterLeft) onNewsletterLeft(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.NewsletterLeft, e); }
  @OnWhatsAppEvent(WhatsAppEvent.NewsletterMessagesReceived) onNewsletterMessages(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.NewsletterMessagesReceived, e); }
  @OnWhatsAppEvent(WhatsAppEvent.NewsletterMuteChanged) onNewsletterMute(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.NewsletterMuteChanged, e); }
  @OnWhatsAppEvent(WhatsAppEvent.CallOffered) onCall(e: WhatsAppDomainEvent) { return this.record(WhatsAppEvent.CallOffered, e); }
}

/** A second, independent handler of messages, to show that handlers' outcomes are recorded separately. */
@Injectable()
export class SecondMessageHandler {
  readonly received: WhatsAppDomainEvent[] = [];
  behaviour: (event: WhatsAppDomainEvent) => void | Promise<void> = () => undefined;

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  async onMessage(event: WhatsAppDomainEvent): Promise<void> {
    await this.behaviour(event);
    this.received.push(event);
  }
}

@Module({ providers: [RecordingHandler, SecondMessageHandler] })
export class RecordingModule {}
