import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { v7 as uuidv7 } from 'uuid';
import { inboxConfig } from '../config/index.js';
import type { IntakeDelivery } from '../gateway-payload/index.js';
import { DedupeStore } from './dedupe/dedupe.store.js';
import { idempotencyKey } from './idempotency-key.js';
import { InboxUnavailableError } from './inbox.errors.js';
import { InboxObserver } from './inbox-observer.js';
import { InboxSignal } from './inbox-signal.js';
import { InboxRepository } from './storage/inbox.repository.js';

export interface IntakeResult {
  readonly status: 'accepted' | 'duplicate';
  /** The delivery id: this delivery's, or for a duplicate the first delivery's. */
  readonly id: string;
}

/**
 * The ack path: dedupe, then commit, then answer. Nothing is acknowledged before it is
 * committed; a failed commit becomes a 503 so the gateway retries.
 */
@Injectable()
export class InboxIntakeService {
  private readonly logger = new Logger(InboxIntakeService.name);
  private frontStoreFailing = false;

  constructor(
    private readonly repository: InboxRepository,
    private readonly dedupe: DedupeStore,
    private readonly signal: InboxSignal,
    private readonly observer: InboxObserver,
    @Inject(inboxConfig.KEY) private readonly config: ConfigType<typeof inboxConfig>,
  ) {}

  async accept(rawBody: Buffer, parsed: IntakeDelivery): Promise<IntakeResult> {
    const result = await this.commit(rawBody, parsed);
    const unrecognized = result.status === 'accepted' && parsed.kind === 'unrecognized';
    this.observer.received(parsed.gatewayEvent, unrecognized ? 'unrecognized' : result.status);
    return result;
  }

  private async commit(rawBody: Buffer, parsed: IntakeDelivery): Promise<IntakeResult> {
    // Time-ordered (UUIDv7): the delivery id indexes (and the handler outcomes' key) then grow at
    // their end, so a commit rewrites one leaf page for its whole batch instead of one per event.
    const deliveryId = uuidv7();
    const key = idempotencyKey(parsed, rawBody);
    const windowMs = this.config.dedupe.windowMs;

    const seen = await this.rememberInFrontStore(key, deliveryId, windowMs);
    // The front store may remember a delivery whose commit never happened (a crash between the
    // two); only a committed first delivery makes this one a duplicate.
    if (seen && (await this.isCommitted(seen))) return { status: 'duplicate', id: seen };

    let result;
    try {
      result = await this.repository.insert(
        {
          deliveryId,
          idempotencyKey: key,
          gatewayEvent: parsed.gatewayEvent,
          deviceId: parsed.deviceId,
          chatId: parsed.kind === 'identified' ? parsed.chatId : undefined,
          rawBody,
          status: parsed.kind === 'identified' ? 'pending' : 'unrecognized',
          lastError: parsed.kind === 'unrecognized' ? parsed.reason : undefined,
          receivedAt: Date.now(),
        },
        windowMs,
      );
    } catch (error) {
      this.logger.error(`Inbox commit failed, answering 503: ${(error as Error).name}: ${(error as Error).message}`);
      await this.forgetInFrontStore(key, deliveryId);
      throw new InboxUnavailableError();
    }
    if (!result.inserted) {
      await this.forgetInFrontStore(key, deliveryId);
      return { status: 'duplicate', id: result.existingDeliveryId };
    }
    if (parsed.kind === 'unrecognized') {
      // JSON-quoted: the name is whatever the body claims, and a raw newline would forge a log line.
      this.logger.warn(`Kept unrecognised ${JSON.stringify(parsed.gatewayEvent)} delivery ${deliveryId}: ${parsed.reason}`);
    } else {
      this.signal.notify();
    }
    return { status: 'accepted', id: deliveryId };
  }

  private async isCommitted(deliveryId: string): Promise<boolean> {
    try {
      return await this.repository.hasDelivery(deliveryId);
    } catch {
      throw new InboxUnavailableError();
    }
  }

  private async rememberInFrontStore(key: string, deliveryId: string, windowMs: number): Promise<string | undefined> {
    try {
      const seen = await this.dedupe.remember(key, deliveryId, windowMs);
      this.noteFrontStore(true);
      return seen;
    } catch (error) {
      // The database check still runs inside the commit; a failing front store only costs speed.
      this.noteFrontStore(false, error);
      return undefined;
    }
  }

  private async forgetInFrontStore(key: string, deliveryId: string): Promise<void> {
    try {
      await this.dedupe.forget(key, deliveryId);
    } catch (error) {
      this.noteFrontStore(false, error);
    }
  }

  private noteFrontStore(ok: boolean, error?: unknown): void {
    if (ok && this.frontStoreFailing) this.logger.log(`${this.dedupe.kind} dedupe store is back`);
    if (!ok && !this.frontStoreFailing) {
      this.logger.warn(`${this.dedupe.kind} dedupe store failed (${(error as Error).message}); the database dedupes alone until it is back`);
    }
    this.frontStoreFailing = !ok;
  }
}
