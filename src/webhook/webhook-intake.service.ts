import { Injectable } from '@nestjs/common';
import { decodeJsonBody, InvalidJsonError } from '../common/index.js';
import type { RequestLineFields } from '../logging/index.js';
import { identifyGatewayPayload } from '../gateway-payload/index.js';
import { InboxIntakeService, type IntakeResult } from '../inbox/index.js';
import { MissingBodyError } from './webhook.errors.js';

/** Verified bytes → identified delivery → inbox. Unrecognised payloads are kept too, never refused. */
@Injectable()
export class WebhookIntakeService {
  constructor(private readonly inbox: InboxIntakeService) {}

  async receive(rawBody: Buffer, requestLog: RequestLineFields): Promise<IntakeResult> {
    if (rawBody.length === 0) throw new MissingBodyError();
    const body = decodeJsonBody(rawBody);
    if (!body.ok) throw new InvalidJsonError();
    // Identity only: the payload is validated in full when it is dispatched.
    const delivery = identifyGatewayPayload(body.value);
    // The request's log line names what came in and where it went, never what it said.
    requestLog({ event: delivery.kind === 'identified' ? delivery.gatewayEvent : 'unrecognized' });
    const result = await this.inbox.accept(rawBody, delivery);
    requestLog({ inboxId: result.id, outcome: result.status });
    return result;
  }
}
