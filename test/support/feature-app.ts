import type { INestApplication } from '@nestjs/common';
import { InboxRepository } from '../../src/inbox/index.js';
import { eventually } from './test-app.js';

/** Waits until the inbox has finished a delivery (done or dead), and returns its final status. */
export async function settled(app: INestApplication, deliveryId: string): Promise<string> {
  let status = '';
  await eventually(
    async () => {
      status = (await app.get(InboxRepository).findByDeliveryId(deliveryId))?.status ?? '';
      return status === 'done' || status === 'dead';
    },
    20_000,
    `delivery ${deliveryId} to settle`,
  );
  return status;
}
