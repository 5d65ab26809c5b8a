import { OnEvent } from '@nestjs/event-emitter';
import { HandlerRun } from './handler-run.js';
import type { WhatsAppEventName } from './whatsapp-event.names.js';

/**
 * Subscribes a provider method to a domain event. Errors are not suppressed, so a failing
 * handler is seen by the dispatcher, recorded, and retried with backoff. The handler's name
 * (`Class.method`) is its identity in the inbox's per-handler outcome records: renaming a
 * handler makes it run again for events still being retried.
 */
export function OnWhatsAppEvent(name: WhatsAppEventName): MethodDecorator {
  return (target, key, descriptor: PropertyDescriptor) => {
    const handlerName = `${target.constructor.name}.${String(key)}`;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = function (this: unknown, event: unknown, run?: unknown) {
      if (!(run instanceof HandlerRun)) return original.call(this, event);
      return run.invoke(handlerName, () => original.call(this, event));
    };
    Object.defineProperty(descriptor.value, 'name', { value: original.name });
    return OnEvent(name, { suppressErrors: false })(target, key, descriptor);
  };
}
