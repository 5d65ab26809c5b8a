import { InboxSignal } from './inbox-signal.js';

describe('InboxSignal', () => {
  it('wakes a waiter on notify, long before the timeout', async () => {
    const signal = new InboxSignal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps a notification nobody was waiting for, for the next wait only', async () => {
    const signal = new InboxSignal();
    signal.notify();
    await signal.wait(10_000);
    let woke = false;
    const next = signal.wait(50).then(() => (woke = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(woke).toBe(false);
    await next;
  });
});
