import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { translationConfig } from '../../config/index.js';
import { type MessageReceivedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../events/index.js';
import { parseChatCommand } from '../chat-command.js';
import { deviceOf, GatewayClient, GatewayError, type OutgoingRef, OutgoingMessages } from '../gateway-client/index.js';
import { parseTranslateRequest } from './translate-request.js';
import { TranslationApiClient } from './translation-api.client.js';
import { TranslationFailedError } from './translation.errors.js';

export const TRANSLATION_PURPOSE = 'translation';
export const TRANSLATE_COMMAND = '/translate';

/**
 * `/translate [language] <text>` → one quoted reply with the translation. When the API fails, the
 * handler throws and the inbox retries with backoff; the failures are counted durably, and the
 * `TRANSLATION_MAX_ATTEMPTS`-th failure (or a refusal that no retry can fix, such as an unknown
 * language) sends the apology instead. Either way the user gets exactly one reply.
 */
@Injectable()
export class TranslationHandler {
  private readonly logger = new Logger(TranslationHandler.name);

  constructor(
    @Inject(translationConfig.KEY) private readonly config: ConfigType<typeof translationConfig>,
    private readonly api: TranslationApiClient,
    private readonly gateway: GatewayClient,
    private readonly outgoing: OutgoingMessages,
  ) {}

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  async onMessage(event: MessageReceivedEvent): Promise<void> {
    if (event.isFromMe) return;
    const command = parseChatCommand(event.text);
    if (command?.name !== TRANSLATE_COMMAND) return;
    const ref: OutgoingRef = { purpose: TRANSLATION_PURPOSE, key: `${event.chatId}/${event.messageId}`, deliveryId: event.deliveryId, chatId: event.chatId };
    const state = await this.outgoing.state(ref);
    if (state === 'sent' || state === 'sending') return;

    const request = parseTranslateRequest(command.argument, this.config.languages, this.config.defaultTarget);
    const reply = request ? await this.translateOrApologise(ref, event, request.text, request.target) : `Usage: ${TRANSLATE_COMMAND} [language] <text>`;
    await this.outgoing.sendOnce(ref, { device: deviceOf(event), phone: event.chatId, message: reply, replyToMessageId: event.messageId });
  }

  private async translateOrApologise(ref: OutgoingRef, event: MessageReceivedEvent, text: string, target: string): Promise<string> {
    await this.showTyping(event);
    try {
      return await this.api.translate(text, target);
    } catch (error) {
      if (!(error instanceof TranslationFailedError)) throw error;
      const failures = await this.outgoing.recordFailure(ref, error.message);
      if (error.retryable && failures < this.config.maxAttempts) throw error;
      this.logger.warn(`Translation for delivery ${event.deliveryId} failed ${failures} time(s) (${error.message}); sending the apology`);
      return this.config.apology;
    }
  }

  /** "typing…" while the API works; cosmetic, so a gateway failure here is not the handler's failure. */
  private async showTyping(event: MessageReceivedEvent): Promise<void> {
    try {
      await this.gateway.chatPresence({ device: deviceOf(event), phone: event.chatId, action: 'start' });
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      this.logger.debug(`Typing indicator not shown in ${event.chatId}: ${error.code}`);
    }
  }
}
