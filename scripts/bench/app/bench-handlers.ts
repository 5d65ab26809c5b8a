import { Injectable, Module, type Type } from '@nestjs/common';
import { OnWhatsAppEvent, WhatsAppEvent, type WhatsAppDomainEvent } from '../../../src/events/index.js';

/**
 * `count` handler modules, each subscribed to all 16 domain events with a trivial body, so the
 * growth figure measures what the framework costs per subscribed handler (emit, outcome record),
 * not what a handler does. Class names differ because a handler's identity is `Class.method`.
 */
export function benchHandlerModules(count: number): Type[] {
  return Array.from({ length: count }, (_, index) => handlerModule(index + 1));
}

function handlerModule(index: number): Type {
  const name = `BenchHandler${index}`;
  const handler = { [name]: class { seen = 0; } }[name] as Type;
  for (const [key, eventName] of Object.entries(WhatsAppEvent)) {
    const method = `on${key}`;
    const descriptor: PropertyDescriptor = {
      value(this: { seen: number }, event: WhatsAppDomainEvent) {
        if (event.deliveryId) this.seen += 1;
      },
      writable: true,
      configurable: true,
    };
    OnWhatsAppEvent(eventName)(handler.prototype as object, method, descriptor);
    Object.defineProperty(handler.prototype, method, descriptor);
  }
  Injectable()(handler);
  const moduleName = `BenchHandlers${index}Module`;
  const module = { [moduleName]: class {} }[moduleName] as Type;
  Module({ providers: [handler] })(module);
  return module;
}
