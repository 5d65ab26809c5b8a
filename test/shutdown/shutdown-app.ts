/**
 * The real app with shutdown hooks (as main.ts starts it) plus one slow handler that writes a
 * file when it finishes. Started as a child process by shutdown.e2e-spec.ts, which sends SIGTERM
 * while a request and a handler are in flight.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { APP_OPTIONS, configureApp } from '../../src/bootstrap/create-app.js';
import { type MessageReceivedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../src/events/index.js';

const effectsDir = process.env.SHUTDOWN_EFFECTS_DIR!;
const handlerDelayMs = Number(process.env.SLOW_HANDLER_MS);

@Injectable()
class SlowHandler {
  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  async onMessage(event: MessageReceivedEvent): Promise<void> {
    writeFileSync(join(effectsDir, `started-${event.messageId}`), '');
    await sleep(handlerDelayMs);
    writeFileSync(join(effectsDir, `finished-${event.messageId}`), '');
  }
}

@Module({ imports: [AppModule], providers: [SlowHandler] })
class ShutdownAppModule {}

const app = await NestFactory.create(ShutdownAppModule, APP_OPTIONS);
configureApp(app);
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT), '127.0.0.1');
