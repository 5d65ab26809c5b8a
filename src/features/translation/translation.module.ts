import { Module } from '@nestjs/common';
import { translationConfig } from '../../config/index.js';
import { featureHandler } from '../feature-handler.js';
import { GatewayClientModule } from '../gateway-client/index.js';
import { TranslationApiClient } from './translation-api.client.js';
import { TranslationHandler } from './translation.handler.js';

/** `/translate [language] <text>` through a LibreTranslate-compatible API; on with `TRANSLATION_ENABLED=true`. */
@Module({
  imports: [GatewayClientModule],
  providers: [TranslationApiClient, featureHandler(TranslationHandler, translationConfig)],
})
export class TranslationModule {}
