import { Injectable } from '@nestjs/common';
import { decodeJsonBody, InvalidJsonError } from '../common/index.js';
import { parseGatewayPayload } from '../gateway-payload/index.js';
import { InboxIntakeService, type IntakeResult } from '../inbox/index.js';
import { MissingBodyError } from './webhook.errors.js';

/** Verified bytes → parsed delivery → inbox. Unrecognised payloads are kept too, never refused. */
@Injectable()
export class WebhookIntakeService {
  constructor(private readonly inbox: InboxIntakeService) {}

  async receive(rawBody: Buffer): Promise<IntakeResult> {
    if (rawBody.length === 0) throw new MissingBodyError();
    const body = decodeJsonBody(rawBody);
    if (!body.ok) throw new InvalidJsonError();
    return this.inbox.accept(rawBody, parseGatewayPayload(body.value));
  }
}
