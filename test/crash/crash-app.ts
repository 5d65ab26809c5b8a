/**
 * The real app plus one handler that writes each processed message's effect to a folder,
 * idempotently by message id (the pattern the README recommends). Started as a child process
 * by crash.e2e-spec.ts, which kills it with SIGKILL mid-stream.
 */
import 'reflect-metadata';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { APP_OPTIONS, configureApp } from '../../src/bootstrap/create-app.js';
import { type MessageReceivedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../src/events/index.js';

const effectsDir = process.env.CRASH_EFFECTS_DIR!;

@Injectable()
class EffectWriter {
  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  onMessage(event: MessageReceivedEvent): void {
    appendFileSync(join(effectsDir, 'invocations.log'), `${event.messageId}\n`);
    try {
      writeFileSync(join(effectsDir, `effect-${event.messageId}`), event.deliveryId, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

@Module({ imports: [AppModule], providers: [EffectWriter] })
class CrashAppModule {}

const app = await NestFactory.create(CrashAppModule, { ...APP_OPTIONS, logger: ['error', 'warn'] });
configureApp(app);
await app.listen(Number(process.env.PORT));
