import { OptionalString, RequiredString } from './payload-field.decorators.js';

export class NewsletterJoinedPayloadDto {
  @RequiredString() newsletter_id!: string;
  @OptionalString() name?: string;
  @OptionalString() description?: string;
}
