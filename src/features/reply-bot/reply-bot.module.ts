import { Module } from '@nestjs/common';
import { replyBotConfig } from '../../config/index.js';
import { featureHandler } from '../feature-handler.js';
import { GatewayClientModule } from '../gateway-client/index.js';
import { ReplyBotHandler } from './reply-bot.handler.js';

/** `/help`, `/status`, `/info` (or your table) answered in the chat; on with `REPLY_BOT_ENABLED=true`. */
@Module({
  imports: [GatewayClientModule],
  providers: [featureHandler(ReplyBotHandler, replyBotConfig)],
})
export class ReplyBotModule {}
