import { DomainEvent } from './whatsapp-domain.event.js';

export interface LabelEditedData {
  readonly labelId: string;
  readonly name?: string;
  readonly color?: number;
  readonly predefinedId?: string;
  readonly deleted?: boolean;
  readonly orderIndex?: number;
  readonly isActive?: boolean;
  readonly type?: string;
  readonly isImmutable?: boolean;
  readonly muteEndTimeMs?: number;
  readonly timestamp?: Date;
}

/** A WhatsApp Business label was created, changed or deleted. */
export class LabelEditedEvent extends DomainEvent<LabelEditedData>() {}
