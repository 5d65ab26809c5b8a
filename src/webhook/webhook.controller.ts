import { All, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import type { WebhookAck } from './webhook-ack.dto.js';
import { WebhookIntakeService } from './webhook-intake.service.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';
import { MethodNotAllowedError } from './webhook.errors.js';

export const WEBHOOK_PATH = 'webhook';

@Controller(WEBHOOK_PATH)
export class WebhookController {
  constructor(private readonly intake: WebhookIntakeService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(WebhookSignatureGuard)
  receive(@Req() request: Request & { rawBody?: Buffer }): Promise<WebhookAck> {
    return this.intake.receive(request.rawBody ?? Buffer.alloc(0));
  }

  @All()
  otherMethods(): never {
    throw new MethodNotAllowedError();
  }
}
