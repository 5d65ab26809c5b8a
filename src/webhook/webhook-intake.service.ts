import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { decodeJsonBody, InvalidJsonError } from '../common/index.js';
import { parseGatewayPayload } from '../gateway-payload/index.js';
import { InboxIntakeService, type IntakeResult } from '../inbox/index.js';
import { MissingBodyError } from './webhook.errors.js';

/** Verified bytes → parsed delivery → inbox. Unrecognised payloads are kept too, never refused. */
@Injectable()
export class WebhookIntakeService {
  constructor(
    private readonly inbox: InboxIntakeService,
    private readonly requestLog: PinoLogger,
  ) {}

  async receive(rawBody: Buffer): Promise<IntakeResult> {
    if (rawBody.length === 0) throw new MissingBodyError();
    const body = decodeJsonBody(rawBody);
    if (!body.ok) throw new InvalidJsonError();
    const delivery = parseGatewayPayload(body.value);
    // The request's log line names what came in and where it went, never what it said.
    this.requestLog.assign({ event: delivery.kind === 'recognized' ? delivery.gatewayEvent : 'unrecognized' });
    const result = await this.inbox.accept(rawBody, delivery);
    this.requestLog.assign({ inboxId: result.id, outcome: result.status });
    return result;
  }
}
