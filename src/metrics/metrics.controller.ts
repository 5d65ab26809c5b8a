import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';

export const METRICS_PATH = 'metrics';

/** Prometheus scrape endpoint: this app's registry in the text exposition format. */
@Controller(METRICS_PATH)
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.registry.metrics();
    response.type(this.registry.contentType);
    return body;
  }
}
