import {
  OptionalCountMap,
  OptionalNestedList,
  OptionalNumber,
  OptionalString,
  OptionalTimestamp,
  RequiredIdLike,
  RequiredString,
} from './payload-field.decorators.js';

export class NewsletterPostDto {
  /** whatsmeow's `MessageServerID` is an int; accepted as a string too. */
  @RequiredIdLike() server_id!: string | number;
  @RequiredString() message_id!: string;
  @OptionalString() type?: string;
  @OptionalTimestamp() timestamp?: string;
  @OptionalNumber() views_count?: number;
  @OptionalCountMap() reaction_counts?: Record<string, number>;
}

/** `newsletter.message`: new posts, or new view/reaction counts, in a followed channel. */
export class NewsletterMessagePayloadDto {
  @RequiredString() newsletter_id!: string;
  @OptionalNestedList(() => NewsletterPostDto) messages?: NewsletterPostDto[];
}
