import { Injectable, Module, type Type } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { OnWhatsAppEvent, WhatsAppEvent } from '../src/events/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { textMessage } from './support/events.js';
import { eventually, postSigned, startApp } from './support/test-app.js';

const HANDLERS = 12;
const seen = new Map<string, number>();

/** `count` handler modules, each with one handler of the same event (class names differ: a handler's identity is `Class.method`). */
function messageHandlerModules(count: number): Type[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `MessageCounter${index + 1}`;
    const handler = {
      [name]: class {
        onMessage(): void {
          seen.set(name, (seen.get(name) ?? 0) + 1);
        }
      },
    }[name] as Type;
    const descriptor = Object.getOwnPropertyDescriptor(handler.prototype, 'onMessage')!;
    OnWhatsAppEvent(WhatsAppEvent.MessageReceived)(handler.prototype as object, 'onMessage', descriptor);
    Object.defineProperty(handler.prototype, 'onMessage', descriptor);
    Injectable()(handler);
    const module = { [`${name}Module`]: class {} }[`${name}Module`] as Type;
    Module({ providers: [handler] })(module);
    return module;
  });
}

describe('many handler modules on one event', () => {
  let database: TestDatabase;
  let app: INestApplication | undefined;
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    process.on('warning', onWarning);
  });

  afterAll(async () => {
    process.off('warning', onWarning);
    await app?.close();
    await database.drop();
  });

  it('runs every one of them, with no memory-leak warning at boot', async () => {
    app = await startApp({ DATABASE_URL: database.url }, messageHandlerModules(HANDLERS));
    expect((await postSigned(app, textMessage(1))).status).toBe(200);
    await eventually(() => seen.size === HANDLERS, 10_000, `all ${HANDLERS} handlers to run`);
    expect([...seen.values()]).toEqual(Array(HANDLERS).fill(1));
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  }, 30_000);
});
