import type { ClassConstructor } from 'class-transformer';
import type { DeliveryMeta, WhatsAppDomainEvent, WhatsAppEventName } from '../events/index.js';
import type { GatewayEnvelope } from './gateway-envelope.js';
import type { DedupeIdentity } from './parsed-delivery.js';
import { validatePayload } from './validate-payload.js';

/** What a mapper makes of one valid payload: the routing facts plus the domain event factory. */
export interface MappedEvent {
  readonly eventName: WhatsAppEventName;
  readonly chatId?: string;
  readonly dedupe: DedupeIdentity;
  readonly toDomainEvent: (meta: DeliveryMeta) => WhatsAppDomainEvent;
}

export type PayloadMapper<T> = (payload: T, envelope: GatewayEnvelope) => MappedEvent;

export type RouteResult = { readonly ok: true; readonly mapped: MappedEvent } | { readonly ok: false; readonly problems: readonly string[] };

/** One gateway event: its DTO and its mapper, bound together so the DTO type never escapes. */
export type PayloadRoute = (envelope: GatewayEnvelope) => RouteResult;

export function route<T extends object>(dto: ClassConstructor<T>, map: PayloadMapper<T>): PayloadRoute {
  return (envelope) => {
    const result = validatePayload(dto, envelope.payload);
    return result.ok ? { ok: true, mapped: map(result.value, envelope) } : result;
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
