import { DomainEvent } from './whatsapp-domain.event.js';

export interface CallOfferedData {
  readonly callId: string;
  readonly callerId: string;
  readonly callerLid?: string;
  readonly callerName?: string;
  /** True when the gateway already rejected the call (its auto-reject setting). */
  readonly autoRejected: boolean;
  readonly remotePlatform?: string;
  readonly remoteVersion?: string;
  readonly groupId?: string;
  readonly timestamp?: Date;
}

/** Someone is calling this account. */
export class CallOfferedEvent extends DomainEvent<CallOfferedData>() {}
