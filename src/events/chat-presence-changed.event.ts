import { DomainEvent } from './whatsapp-domain.event.js';

export interface ChatPresenceChangedData {
  readonly chatId: string;
  readonly senderId: string;
  readonly senderLid?: string;
  readonly senderName?: string;
  /** `composing` while typing or recording, `paused` when stopped. */
  readonly state: 'composing' | 'paused' | (string & {});
  /** `audio` while recording a voice note, empty for text. */
  readonly media: string;
  readonly isGroup: boolean;
  readonly timestamp?: Date;
}

/** Someone started or stopped typing or recording in a chat. */
export class ChatPresenceChangedEvent extends DomainEvent<ChatPresenceChangedData>() {}
