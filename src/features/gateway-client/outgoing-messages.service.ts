import { Injectable, Logger } from '@nestjs/common';
import { GatewayClient, type TextMessage } from './gateway.client.js';
import { GatewayError } from './gateway.errors.js';
import { type OutgoingRef, OutgoingMessageStore } from './outgoing-message.store.js';

export type SendOnceResult =
  | { readonly status: 'sent'; readonly messageId: string }
  | { readonly status: 'already-sent' }
  /** An earlier try may have reached the gateway (crash or timeout mid-send): not sent again. */
  | { readonly status: 'unconfirmed' };

/**
 * Sends a text at most once per `OutgoingRef`, however often the inbox retries or replays the
 * event. The row is committed as `sending` before the HTTP call and marked `sent` after it:
 * - the gateway refused or was never reached: the row becomes `failed`, the error is thrown, and
 *   the inbox retry sends again;
 * - a timeout, a broken connection, or a crash between the send and the `sent` write leaves the
 *   row `sending`. The gateway's send has no idempotency key, so a retry cannot tell whether the
 *   message went out; it does NOT resend (at most once): a possibly lost reply is preferred to a
 *   duplicate in someone's chat. Such rows keep their `last_error` for operators.
 */
@Injectable()
export class OutgoingMessages {
  private readonly logger = new Logger(OutgoingMessages.name);

  constructor(
    private readonly client: GatewayClient,
    private readonly store: OutgoingMessageStore,
  ) {}

  async sendOnce(ref: OutgoingRef, text: TextMessage): Promise<SendOnceResult> {
    const claim = await this.store.claim(ref);
    if (claim.state === 'sent') return { status: 'already-sent' };
    if (claim.state === 'sending') {
      this.logger.warn(`${ref.purpose} message for delivery ${ref.deliveryId} may already be sent; not sending it again`);
      return { status: 'unconfirmed' };
    }
    let messageId: string;
    try {
      ({ messageId } = await this.client.sendText(text));
    } catch (error) {
      const reason = error instanceof GatewayError ? error.message : 'unexpected error';
      if (error instanceof GatewayError && !error.mayHaveBeenSent) await this.store.recordFailure(ref, reason);
      else await this.store.recordUnconfirmed(ref, reason);
      throw error;
    }
    await this.store.markSent(ref, messageId);
    return { status: 'sent', messageId };
  }

  /** The recorded state of a message, e.g. to skip work whose answer already went out. */
  async state(ref: OutgoingRef): Promise<'none' | 'failed' | 'sending' | 'sent'> {
    return (await this.store.find(ref))?.status ?? 'none';
  }

  /** Counts a failed preparation (e.g. an upstream API down) without sending; returns the failures so far. */
  recordFailure(ref: OutgoingRef, reason: string): Promise<number> {
    return this.store.recordFailure(ref, reason);
  }

  countSince(purpose: string, chatId: string, since: number): Promise<number> {
    return this.store.countSince(purpose, chatId, since);
  }
}
