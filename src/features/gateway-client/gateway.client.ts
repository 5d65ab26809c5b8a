import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { gatewayConfig } from '../../config/index.js';
import { type GatewayRequest, GatewayHttp } from './gateway-http.js';
import { GatewayBadResponseError, GatewayError, GatewayHttpError } from './gateway.errors.js';

/** Which gateway account acts: `X-Device-Id`, from `deviceOf(event)`. */
export interface GatewayTarget {
  readonly device?: string;
  /** Chat JID (`…@s.whatsapp.net`, `…@g.us`) or digits. */
  readonly phone: string;
}

export interface TextMessage extends GatewayTarget {
  readonly message: string;
  /** Quote this message in the reply. */
  readonly replyToMessageId?: string;
  /** JIDs mentioned in the text (the text carries `@<number>` for each). */
  readonly mentions?: readonly string[];
}

export interface SentMessage {
  readonly messageId: string;
}

const RETRY_BASE_DELAY_MS = 200;

/**
 * The gateway's REST API (CONTRACT.md "Calling the gateway back"). Errors are typed
 * (`GatewayError`). Reactions, read receipts and presence are idempotent and retried up to
 * `GOWA_RETRIES` times; a text send is retried only when the gateway was certainly not reached.
 * Use `OutgoingMessages.sendOnce` for sends that must survive inbox retries without duplicating.
 */
@Injectable()
export class GatewayClient {
  private readonly logger = new Logger(GatewayClient.name);

  constructor(
    private readonly http: GatewayHttp,
    @Inject(gatewayConfig.KEY) private readonly config: ConfigType<typeof gatewayConfig>,
  ) {}

  async sendText(text: TextMessage): Promise<SentMessage> {
    const body = {
      phone: text.phone,
      message: text.message,
      ...(text.replyToMessageId ? { reply_message_id: text.replyToMessageId } : {}),
      ...(text.mentions?.length ? { mentions: text.mentions } : {}),
    };
    const request: GatewayRequest = { endpoint: 'send_message', path: '/send/message', body, device: text.device };
    const reply = await this.withRetries(request, (error) => !error.mayHaveBeenSent && !(error instanceof GatewayHttpError));
    const messageId = reply.results?.message_id;
    if (typeof messageId !== 'string' || messageId === '') throw new GatewayBadResponseError('send_message', 'no message_id');
    return { messageId };
  }

  /** Reacts to a message; an empty emoji removes the reaction. */
  async react(target: GatewayTarget & { readonly messageId: string; readonly emoji: string }): Promise<void> {
    const path = `/message/${encodeURIComponent(target.messageId)}/reaction`;
    await this.withRetries({ endpoint: 'reaction', path, body: { phone: target.phone, emoji: target.emoji }, device: target.device }, isRetryable);
  }

  async markRead(target: GatewayTarget & { readonly messageId: string }): Promise<void> {
    const path = `/message/${encodeURIComponent(target.messageId)}/read`;
    await this.withRetries({ endpoint: 'read', path, body: { phone: target.phone }, device: target.device }, isRetryable);
  }

  /** Shows (`start`) or clears (`stop`) "typing…" in the chat. */
  async chatPresence(target: GatewayTarget & { readonly action: 'start' | 'stop' }): Promise<void> {
    const body = { phone: target.phone, action: target.action };
    await this.withRetries({ endpoint: 'chat_presence', path: '/send/chat-presence', body, device: target.device }, isRetryable);
  }

  private async withRetries(request: GatewayRequest, mayRetry: (error: GatewayError) => boolean) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.post(request);
      } catch (error) {
        if (!(error instanceof GatewayError) || attempt >= this.config.retries || !mayRetry(error)) throw error;
        this.logger.warn(`${request.endpoint} failed (${error.code}); try ${attempt + 2} of ${this.config.retries + 1}`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_DELAY_MS * 2 ** attempt));
      }
    }
  }
}

/** For idempotent calls: anything but a 4xx refusal may succeed on another try. */
function isRetryable(error: GatewayError): boolean {
  return !(error instanceof GatewayHttpError) || error.retryable;
}
