import type { ClassConstructor } from 'class-transformer';
import type { DeliveryMeta, WhatsAppDomainEvent, WhatsAppEventName } from '../events/index.js';
import type { GatewayEnvelope } from './gateway-envelope.js';
import type { DedupeIdentity } from './parsed-delivery.js';
import type { JsonRecord } from './plain-json.js';
import { validatePayload } from './validate-payload.js';

/**
 * The routing facts of a payload: the conversation it belongs to (events of one chat are
 * dispatched in arrival order) and what makes a redelivery of it a duplicate.
 */
export interface PayloadIdentity {
  readonly chatId?: string;
  readonly dedupe: DedupeIdentity;
}

/**
 * Reads a payload's identity straight from the JSON, checking only the fields it reads, the way
 * the event's DTO checks them; `undefined` when one of them is missing or mistyped. The ack path
 * needs nothing else (see `identifyGatewayPayload`), and a full parse takes its identity from
 * here too, so the two can never disagree about a delivery's key.
 */
export type IdentityReader = (payload: JsonRecord, envelope: GatewayEnvelope) => PayloadIdentity | undefined;

/** What a mapper makes of one valid payload: the domain event name and its factory. */
export interface MappedContent {
  readonly eventName: WhatsAppEventName;
  readonly toDomainEvent: (meta: DeliveryMeta) => WhatsAppDomainEvent;
}

export type MappedEvent = MappedContent & PayloadIdentity;

export type PayloadMapper<T> = (payload: T, envelope: GatewayEnvelope) => MappedContent;

export type RouteResult = { readonly ok: true; readonly mapped: MappedEvent } | { readonly ok: false; readonly problems: readonly string[] };

/** One gateway event: its identity reader, its DTO and its mapper, bound so the DTO type never escapes. */
export interface PayloadRoute {
  readonly identify: (envelope: GatewayEnvelope) => PayloadIdentity | undefined;
  /** Validates the whole payload against the DTO, then maps it. */
  readonly parse: (envelope: GatewayEnvelope) => RouteResult;
}

export function route<T extends object>(dto: ClassConstructor<T>, identify: IdentityReader, map: PayloadMapper<T>): PayloadRoute {
  const identifyEnvelope = (envelope: GatewayEnvelope) => identify(envelope.payload, envelope);
  return {
    identify: identifyEnvelope,
    parse: (envelope) => {
      const result = validatePayload(dto, envelope.payload);
      if (!result.ok) return result;
      const identity = identifyEnvelope(envelope);
      // Unreachable while each DTO requires what its reader reads; a route test checks every fixture.
      if (identity === undefined) return { ok: false, problems: ['identity fields unreadable'] };
      return { ok: true, mapped: { ...map(result.value, envelope), ...identity } };
    },
  };
}

type DomainEventClass<TData> = new (meta: DeliveryMeta, data: TData) => WhatsAppDomainEvent;

/**
 * The factory of `MappedEvent`. The data is built (and deep-frozen) once at parse time, so a
 * mapping mistake shows while parsing, and no handler can change what the next one sees.
 */
export function domainEvent<TData extends object>(
  eventClass: DomainEventClass<TData>,
  data: TData,
): (meta: DeliveryMeta) => WhatsAppDomainEvent {
  const frozen = freezeDeep(data);
  return (meta) => new eventClass(meta, frozen);
}

function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || value instanceof Date) return value;
  for (const item of Object.values(value)) freezeDeep(item);
  return Object.freeze(value);
}
