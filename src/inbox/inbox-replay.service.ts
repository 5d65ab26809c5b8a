import { Injectable, Logger } from '@nestjs/common';
import { InboxSignal } from './inbox-signal.js';
import { InboxRepository } from './storage/inbox.repository.js';

export interface ReplayOptions {
  /**
   * Run handlers again that already succeeded for these deliveries. Default: false, so replaying
   * a dead letter re-runs only the handlers that failed; set it to re-run a processed event fully.
   */
  readonly rerunSucceededHandlers?: boolean;
}

/** Makes dead, processed or unrecognised deliveries due again (the admin API calls this). */
@Injectable()
export class InboxReplayService {
  private readonly logger = new Logger(InboxReplayService.name);

  constructor(
    private readonly repository: InboxRepository,
    private readonly signal: InboxSignal,
  ) {}

  async replay(deliveryIds: readonly string[], options: ReplayOptions = {}): Promise<number> {
    const replayed = await this.repository.replay(deliveryIds, { rerunSucceededHandlers: options.rerunSucceededHandlers ?? false });
    if (replayed > 0) {
      this.logger.log(`Replaying ${replayed} delivery(ies)`);
      this.signal.notify();
    }
    return replayed;
  }
}
