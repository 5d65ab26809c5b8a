import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import type { HandlerOutcome } from '../events/index.js';
import { type InboxListener, InboxObserver, type ProcessResult, type ReceivedOutcome } from '../inbox/index.js';
import { eventLabel, REJECTION_REASONS, reasonLabel } from './metric-labels.js';

const DISPATCH_RESULTS: readonly ProcessResult[] = ['done', 'retry', 'dead', 'unrecognized'];

/**
 * Counts what the ingress and dispatch paths report through `InboxObserver`, which keeps those
 * paths free of prom-client. Subscribes at init and unsubscribes when the app closes.
 */
@Injectable()
export class InboxMetrics implements InboxListener, OnModuleInit, OnModuleDestroy {
  private readonly receivedTotal: Counter<'event' | 'outcome'>;
  private readonly rejectedTotal: Counter<'reason'>;
  private readonly ackSeconds: Histogram;
  private readonly handlerRuns: Counter<'handler' | 'outcome'>;
  private readonly handlerSeconds: Histogram<'handler'>;
  private readonly dispatchResults: Counter<'result'>;
  private unsubscribe?: () => void;

  constructor(
    private readonly observer: InboxObserver,
    registry: Registry,
  ) {
    const registers = [registry];
    this.receivedTotal = new Counter({
      name: 'whatsapp_webhooks_received_total',
      help: 'Signed webhooks stored in the inbox, by gateway event (or "other") and outcome.',
      labelNames: ['event', 'outcome'],
      registers,
    });
    this.rejectedTotal = new Counter({
      name: 'whatsapp_webhooks_rejected_total',
      help: 'POST /webhook requests refused, by error code (or "other").',
      labelNames: ['reason'],
      registers,
    });
    this.ackSeconds = new Histogram({
      name: 'whatsapp_webhook_ack_seconds',
      help: 'Time from the request arriving to its 2xx acknowledgement (accepted or duplicate).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.handlerRuns = new Counter({
      name: 'whatsapp_handler_runs_total',
      help: 'Handler runs by handler and outcome (succeeded or failed).',
      labelNames: ['handler', 'outcome'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'whatsapp_handler_duration_seconds',
      help: 'How long each handler run took.',
      labelNames: ['handler'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.dispatchResults = new Counter({
      name: 'whatsapp_dispatch_results_total',
      help: 'Dispatch attempts by result: done, retry (scheduled again), dead (dead-lettered) or unrecognized.',
      labelNames: ['result'],
      registers,
    });
    // Known series start at 0, so rate() and alerts work before the first occurrence.
    for (const reason of REJECTION_REASONS) this.rejectedTotal.inc({ reason }, 0);
    for (const result of DISPATCH_RESULTS) this.dispatchResults.inc({ result }, 0);
  }

  onModuleInit(): void {
    this.unsubscribe = this.observer.subscribe(this);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  received(gatewayEvent: string, outcome: ReceivedOutcome): void {
    this.receivedTotal.inc({ event: eventLabel(gatewayEvent), outcome });
  }

  acknowledged(seconds: number): void {
    this.ackSeconds.observe(seconds);
  }

  rejected(code: string): void {
    this.rejectedTotal.inc({ reason: reasonLabel(code) });
  }

  handlerOutcomes(outcomes: readonly HandlerOutcome[]): void {
    for (const { handler, ok, durationMs } of outcomes) {
      this.handlerRuns.inc({ handler, outcome: ok ? 'succeeded' : 'failed' });
      this.handlerSeconds.observe({ handler }, durationMs / 1000);
    }
  }

  dispatched(result: ProcessResult): void {
    this.dispatchResults.inc({ result });
  }
}
