import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { replyBotConfig } from '../../config/index.js';
import { type MessageReceivedEvent, OnWhatsAppEvent, WhatsAppEvent } from '../../events/index.js';
import { deviceOf, type OutgoingRef, OutgoingMessages } from '../gateway-client/index.js';
import { parseChatCommand } from '../chat-command.js';

export const REPLY_BOT_PURPOSE = 'reply-bot';

/**
 * Answers configured `/commands` in the same chat, quoting the command. Idempotent per WhatsApp
 * message (chat + message id), so retries, duplicates and replays answer once; never answers this
 * account's own messages; at most `REPLY_BOT_RATE_LIMIT` answers per chat per window.
 */
@Injectable()
export class ReplyBotHandler {
  private readonly logger = new Logger(ReplyBotHandler.name);

  constructor(
    @Inject(replyBotConfig.KEY) private readonly config: ConfigType<typeof replyBotConfig>,
    private readonly outgoing: OutgoingMessages,
  ) {}

  @OnWhatsAppEvent(WhatsAppEvent.MessageReceived)
  async onMessage(event: MessageReceivedEvent): Promise<void> {
    // Our own answers come back as messages too: answering them would loop.
    if (event.isFromMe) return;
    const command = parseChatCommand(event.text);
    const answer = command && this.config.commands.get(command.name);
    if (!answer) return;

    const ref: OutgoingRef = { purpose: REPLY_BOT_PURPOSE, key: `${event.chatId}/${event.messageId}`, deliveryId: event.deliveryId, chatId: event.chatId };
    // Already answered (or possibly answered): checked before the rate limit, which counts that answer.
    const state = await this.outgoing.state(ref);
    if (state === 'sent' || state === 'sending') return;
    if (await this.rateLimited(event.chatId)) {
      this.logger.log(`Rate limit reached in ${event.chatId}; not answering ${command.name}`);
      return;
    }
    await this.outgoing.sendOnce(ref, {
      device: deviceOf(event),
      phone: event.chatId,
      message: answer,
      replyToMessageId: event.messageId,
    });
  }

  private async rateLimited(chatId: string): Promise<boolean> {
    const { max, windowMs } = this.config.rateLimit;
    return (await this.outgoing.countSince(REPLY_BOT_PURPOSE, chatId, Date.now() - windowMs)) >= max;
  }
}
