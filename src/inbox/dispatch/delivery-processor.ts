import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { inboxConfig } from '../../config/index.js';
import { HandlerRun, type HandlerOutcome } from '../../events/index.js';
import { decodeJsonBody } from '../../common/index.js';
import { type ParsedDelivery, parseGatewayPayload } from '../../gateway-payload/index.js';
import { InboxObserver } from '../inbox-observer.js';
import type { ClaimedDelivery, InboxRecord, Settlement } from '../storage/inbox-record.js';
import { InboxRepository } from '../storage/inbox.repository.js';
import { RetryPolicy } from './retry-policy.js';

export type ProcessResult = 'done' | 'retry' | 'dead' | 'unrecognized';

/**
 * Runs one leased delivery through the handlers: rebuilds its domain event from the stored raw
 * body, emits it (skipping handlers that already succeeded on an earlier attempt), records each
 * handler's outcome, then marks the delivery done, schedules a retry, or dead-letters it.
 */
@Injectable()
export class DeliveryProcessor {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly repository: InboxRepository,
    private readonly emitter: EventEmitter2,
    private readonly observer: InboxObserver,
    @Inject(inboxConfig.KEY) private readonly config: ConfigType<typeof inboxConfig>,
  ) {
    this.retryPolicy = new RetryPolicy(config.dispatch);
  }

  async process(record: ClaimedDelivery, workerId: string): Promise<ProcessResult> {
    const result = await this.settle(record, workerId);
    this.observer.dispatched(result);
    return result;
  }

  private async settle(record: ClaimedDelivery, workerId: string): Promise<ProcessResult> {
    const parsed = parseStored(record.rawBody);
    if (parsed.kind === 'unrecognized') {
      // The ack path checked only the envelope and identity fields: the rest of a payload is first
      // validated here. JSON-quoted: the name is whatever the body claims.
      this.logger.warn(`Kept unrecognised ${JSON.stringify(parsed.gatewayEvent)} delivery ${record.deliveryId}: ${parsed.reason}`);
      await this.repository.markUnrecognized(record.id, workerId, parsed.reason);
      return 'unrecognized';
    }
    const event = parsed.toDomainEvent({
      deliveryId: record.deliveryId,
      receivedAt: record.receivedAt,
      deviceId: parsed.deviceId,
      sessionId: parsed.sessionId,
    });
    const succeeded = record.succeededHandlers ?? (await this.repository.succeededHandlers(record.deliveryId));
    const run = new HandlerRun(record.attempts, succeeded, this.config.dispatch.handlerTimeoutMs);
    const outcomes = await this.emit(parsed.eventName, event, run);
    const failures = outcomes.filter((outcome) => !outcome.ok);
    const [result, settlement] = this.settlementFor(record, failures);
    await this.repository.settle(record.id, record.deliveryId, workerId, outcomes, settlement);
    this.observer.handlerOutcomes(outcomes);
    return result;
  }

  private settlementFor(record: InboxRecord, failures: readonly HandlerOutcome[]): [ProcessResult, Settlement] {
    if (failures.length === 0) return ['done', { status: 'done' }];
    const error = failures.map((failure) => `${failure.handler}: ${failure.error}`).join('; ');
    if (this.retryPolicy.exhausted(record.attempts)) {
      this.logger.error(`Dead-lettered ${record.gatewayEvent} delivery ${record.deliveryId} after ${record.attempts} attempt(s): ${failures.map((f) => f.handler).join(', ')}`);
      return ['dead', { status: 'dead', error }];
    }
    const delay = this.retryPolicy.delayAfter(record.attempts);
    this.logger.warn(`Delivery ${record.deliveryId} attempt ${record.attempts} failed in ${failures.map((f) => f.handler).join(', ')}; retrying in ${delay} ms`);
    return ['retry', { status: 'pending', availableAt: Date.now() + delay, error }];
  }

  private async emit(eventName: string, event: object, run: HandlerRun): Promise<readonly HandlerOutcome[]> {
    let listenerError: unknown;
    try {
      await this.emitter.emitAsync(eventName, event, run);
    } catch (error) {
      listenerError = error;
    }
    const outcomes = await run.settled();
    // A plain @OnEvent listener (not @OnWhatsAppEvent) has no outcome of its own: still never swallow its error.
    if (listenerError !== undefined && outcomes.every((outcome) => outcome.ok)) {
      const error = listenerError instanceof Error ? `${listenerError.name}: ${listenerError.message}` : String(listenerError);
      return [...outcomes, { handler: 'unnamed-listener', ok: false, error, durationMs: 0 }];
    }
    return outcomes;
  }
}

/** Stored bodies were valid JSON at intake; re-parsing uses the current parser, so a replay after an upgrade benefits. */
function parseStored(rawBody: Buffer): ParsedDelivery {
  const body = decodeJsonBody(rawBody);
  if (!body.ok) return { kind: 'unrecognized', gatewayEvent: 'unknown', reason: 'stored body is not valid JSON' };
  return parseGatewayPayload(body.value);
}
