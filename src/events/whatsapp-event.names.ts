/**
 * Every domain event name, defined once. Handlers subscribe through these constants
 * (never through string literals) so a rename is a compile error, not a silent miss.
 */
export const WhatsAppEvent = {
  MessageReceived: 'whatsapp.message.received',
  MessageReaction: 'whatsapp.message.reaction',
  MessageEdited: 'whatsapp.message.edited',
  MessageRevoked: 'whatsapp.message.revoked',
  MessageDeleted: 'whatsapp.message.deleted',
  ReceiptReceived: 'whatsapp.receipt.received',
  ChatPresenceChanged: 'whatsapp.chat.presence',
  GroupParticipantsChanged: 'whatsapp.group.participants',
  GroupJoined: 'whatsapp.group.joined',
  LabelEdited: 'whatsapp.label.edited',
  LabelAssociationChanged: 'whatsapp.label.association',
  NewsletterJoined: 'whatsapp.newsletter.joined',
  NewsletterLeft: 'whatsapp.newsletter.left',
  NewsletterMessagesReceived: 'whatsapp.newsletter.messages',
  NewsletterMuteChanged: 'whatsapp.newsletter.mute',
  CallOffered: 'whatsapp.call.offered',
} as const;

export type WhatsAppEventName = (typeof WhatsAppEvent)[keyof typeof WhatsAppEvent];
