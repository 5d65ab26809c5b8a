/** Where and when a delivery entered the inbox; every domain event carries it. */
export interface DeliveryMeta {
  /** The inbox delivery id (the `id` of the webhook ack): stable across retries and replays. */
  readonly deliveryId: string;
  readonly receivedAt: Date;
  /** The gateway account (device JID); absent on gateways older than v8. */
  readonly deviceId?: string;
  /** The gateway's session slot (v8.8+), used to address the device when replying. */
  readonly sessionId?: string;
}

/**
 * Base of every domain event: immutable data, no logic, not injectable.
 * The payload is copied in and the instance frozen, so a handler cannot change
 * what the next handler sees.
 */
export abstract class WhatsAppDomainEvent implements DeliveryMeta {
  readonly deliveryId!: string;
  readonly receivedAt!: Date;
  readonly deviceId?: string;
  readonly sessionId?: string;

  protected constructor(meta: DeliveryMeta, data: object) {
    Object.assign(this, data, {
      deliveryId: meta.deliveryId,
      receivedAt: meta.receivedAt,
      deviceId: meta.deviceId,
      sessionId: meta.sessionId,
    });
    Object.freeze(this);
  }
}

type DomainEventClass<TData> = abstract new (meta: DeliveryMeta, data: TData) => WhatsAppDomainEvent & Readonly<TData>;

/**
 * Base class for one domain event whose fields are `TData`: the fields are declared once,
 * on the data interface, and the class gets them typed and read-only.
 *
 *   export class CallOfferedEvent extends DomainEvent<CallOfferedData>() {}
 */
export function DomainEvent<TData extends object>(): DomainEventClass<TData> {
  abstract class TypedDomainEvent extends WhatsAppDomainEvent {
    constructor(meta: DeliveryMeta, data: TData) {
      super(meta, data);
    }
  }
  return TypedDomainEvent as unknown as DomainEventClass<TData>;
}
