/** The answer to an accepted webhook: `duplicate` carries the first delivery's id. */
export interface WebhookAck {
  readonly status: 'accepted' | 'duplicate';
  readonly id: string;
}
