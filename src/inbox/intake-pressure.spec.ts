import { IntakePressure } from './intake-pressure.js';

const pressureWith = (burstThreshold: number, burstMinRate = 0) => new IntakePressure({ dispatch: { burstThreshold, burstMinRate } } as never);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('IntakePressure', () => {
  it('is in a burst once more requests than the threshold wait, and for a moment after they are answered', async () => {
    const pressure = pressureWith(2);
    const leaves = [pressure.enter(), pressure.enter()];
    expect(pressure.inBurst).toBe(false); // 2 waiting: not more than the threshold
    leaves.push(pressure.enter());
    expect(pressure.waitingRequests).toBe(3);
    expect(pressure.inBurst).toBe(true);

    for (const leave of leaves) leave();
    expect(pressure.waitingRequests).toBe(0);
    // Answers leave in batches: an empty instant inside a burst is still the burst.
    expect(pressure.inBurst).toBe(true);
    await sleep(250);
    expect(pressure.inBurst).toBe(false);
  });

  it('counts a request once, however often its answer is reported', () => {
    const pressure = pressureWith(2);
    const leave = pressure.enter();
    leave();
    leave();
    expect(pressure.waitingRequests).toBe(0);
  });

  it('is no burst while requests arrive slower than the burst rate, however many wait', async () => {
    const pressure = pressureWith(2, 100);
    for (let i = 0; i < 3; i++) pressure.enter();
    expect(pressure.waitingRequests).toBe(3);
    expect(pressure.arrivalRate).toBeLessThan(100); // 3 in the last half second at most
    expect(pressure.inBurst).toBe(false);

    for (let i = 0; i < 60; i++) pressure.enter();
    expect(pressure.arrivalRate).toBeGreaterThanOrEqual(100); // 63 within half a second
    expect(pressure.inBurst).toBe(true);

    // Half a second later the arrivals have left the window: still waiting, but no burst.
    await sleep(700);
    expect(pressure.arrivalRate).toBe(0);
    expect(pressure.inBurst).toBe(false);
  });

  it('never reports a burst with threshold 0 (yielding switched off)', () => {
    const pressure = pressureWith(0);
    for (let i = 0; i < 100; i++) pressure.enter();
    expect(pressure.inBurst).toBe(false);
  });
});
