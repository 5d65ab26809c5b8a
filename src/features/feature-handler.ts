import type { Provider, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * Registers a handler only while its feature is enabled in config. A disabled feature has no
 * listener at all (no runs, no outcome rows, no metrics), rather than a listener that returns
 * early. The event emitter skips providers whose instance is null.
 */
export function featureHandler(handler: Type<unknown>, config: { readonly KEY: string | symbol }): Provider {
  return {
    provide: handler,
    inject: [config.KEY, ModuleRef],
    useFactory: (settings: { readonly enabled: boolean }, moduleRef: ModuleRef) => (settings.enabled ? moduleRef.create(handler) : null),
  };
}
