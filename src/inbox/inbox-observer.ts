import { Injectable, Logger } from '@nestjs/common';
import { ListenerSet } from '../common/listener-set.js';
import type { HandlerOutcome } from '../events/index.js';
import type { ProcessResult } from './dispatch/delivery-processor.js';

/** How a signed, parsed webhook ended in the inbox. */
export type ReceivedOutcome = 'accepted' | 'duplicate' | 'unrecognized';

/**
 * What the ingress and dispatch paths report. Arguments are already free of secrets and message
 * text: event names, error codes, handler names, durations. Listeners bound label values themselves.
 */
export interface InboxListener {
  /** A signed webhook was stored (or recognised as a duplicate); `gatewayEvent` is as the payload claims it. */
  received?(gatewayEvent: string, outcome: ReceivedOutcome): void;
  /** A POST /webhook was answered 2xx, `seconds` after the request arrived. */
  acknowledged?(seconds: number): void;
  /** A POST /webhook was refused with this error code (401, 400, 413, 503, …). */
  rejected?(code: string): void;
  handlerOutcomes?(outcomes: readonly HandlerOutcome[]): void;
  dispatched?(result: ProcessResult): void;
}

/**
 * A small multicast hub, so the inbox and webhook code report what happens without depending on
 * a metrics library: with no listener every call is a no-op; MetricsModule subscribes at init.
 * A failing listener is logged and never breaks the ack or dispatch path.
 */
@Injectable()
export class InboxObserver {
  private readonly listeners = new ListenerSet<InboxListener>(new Logger(InboxObserver.name), 'An inbox');

  /** Returns the unsubscribe function. */
  subscribe(listener: InboxListener): () => void {
    return this.listeners.subscribe(listener);
  }

  received(gatewayEvent: string, outcome: ReceivedOutcome): void {
    this.listeners.notify((l) => l.received?.(gatewayEvent, outcome));
  }

  acknowledged(seconds: number): void {
    this.listeners.notify((l) => l.acknowledged?.(seconds));
  }

  rejected(code: string): void {
    this.listeners.notify((l) => l.rejected?.(code));
  }

  handlerOutcomes(outcomes: readonly HandlerOutcome[]): void {
    this.listeners.notify((l) => l.handlerOutcomes?.(outcomes));
  }

  dispatched(result: ProcessResult): void {
    this.listeners.notify((l) => l.dispatched?.(result));
  }
}
