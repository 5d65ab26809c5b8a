import { DomainEvent } from './whatsapp-domain.event.js';

export interface LabelAssociationChangedData {
  readonly labelId: string;
  /** True when the label was put on the chat, false when taken off. */
  readonly labeled: boolean;
  readonly chatId: string;
  readonly chatLid?: string;
  readonly timestamp?: Date;
}

/** A label was put on or taken off a chat. */
export class LabelAssociationChangedEvent extends DomainEvent<LabelAssociationChangedData>() {}
