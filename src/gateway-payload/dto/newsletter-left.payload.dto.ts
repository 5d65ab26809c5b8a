import { OptionalString, RequiredString } from './payload-field.decorators.js';

export class NewsletterLeftPayloadDto {
  @RequiredString() newsletter_id!: string;
  @OptionalString() role?: string;
}
