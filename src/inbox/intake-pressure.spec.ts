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
    const pressure = pressureWith(2, 200);
    for (let i = 0; i < 3; i++) pressure.enter();
    expect(pressure.waitingRequests).toBe(3);
    expect(pressure.arrivalRate).toBeLessThan(200); // 3 over the 25 ms floor at most: 120/s
    expect(pressure.inBurst).toBe(false);

    // Half a second later the arrivals have left the window: still waiting, still no burst.
    await sleep(700);
    expect(pressure.arrivalRate).toBe(0);
    expect(pressure.inBurst).toBe(false);
  });

  it('recognises a burst on a quiet app by the rate since requests resumed, not over a half second of silence', () => {
    const pressure = pressureWith(16, 1200);
    for (let i = 0; i < 70; i++) pressure.enter();
    // 70 in the first instant: 2,800/s over the 25 ms floor (over the whole half second: 140/s).
    expect(pressure.arrivalRate).toBeGreaterThanOrEqual(1200);
    expect(pressure.inBurst).toBe(true);
  });

  it('takes neither a few requests arriving together after a quiet spell nor a slow trickle for a burst', async () => {
    const together = pressureWith(2, 1200);
    for (let i = 0; i < 20; i++) together.enter();
    expect(together.arrivalRate).toBeLessThanOrEqual(800); // 20 over the 25 ms floor at most
    expect(together.inBurst).toBe(false);

    const trickle = pressureWith(2, 1200);
    for (let i = 0; i < 20; i++) {
      trickle.enter();
      await sleep(5);
    }
    expect(trickle.waitingRequests).toBe(20);
    expect(trickle.arrivalRate).toBeLessThan(400); // 20 over 100 ms or more since the first
    expect(trickle.inBurst).toBe(false);
  });

  it('keeps a burst it recognised until its pile-up is answered, however slowly requests arrive meanwhile', async () => {
    const recognised = pressureWith(16, 1000);
    const waiting = Array.from({ length: 60 }, () => recognised.enter()); // 60 at once: 2,400/s
    expect(recognised.inBurst).toBe(true);
    // The same pile-up, but built at ~140/s: more than 16 wait from the third round (21 in 100 ms or more).
    const never = pressureWith(16, 1000);

    // Late answers, so closed-loop clients send slowly: the burst stays; the pile-up never recognised is none.
    for (let round = 0; round < 10; round++) {
      waiting.push(recognised.enter());
      for (let i = 0; i < 7; i++) never.enter();
      await sleep(50);
    }
    expect(recognised.arrivalRate).toBeLessThan(1000);
    expect(recognised.inBurst).toBe(true);
    expect(never.waitingRequests).toBe(70);
    expect(never.inBurst).toBe(false);

    // Answered, and the hold over: no burst.
    for (const leave of waiting) leave();
    await sleep(250);
    expect(recognised.inBurst).toBe(false);
  });

  it('recognises a new pile-up afresh, at the full burst rate', async () => {
    const pressure = pressureWith(2, 1000);
    const first = Array.from({ length: 40 }, () => pressure.enter());
    expect(pressure.inBurst).toBe(true);
    for (const leave of first) leave();
    await sleep(250); // the pile-up and its hold are over
    // A second pile-up at ~500/s (30 over 40 ms or more): enough had the first still counted, not to start one.
    await sleep(300);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 10; j++) pressure.enter();
      await sleep(20);
    }
    expect(pressure.waitingRequests).toBeGreaterThan(2);
    expect(pressure.inBurst).toBe(false);
  });

  it('never reports a burst with threshold 0 (yielding switched off)', () => {
    const pressure = pressureWith(0);
    for (let i = 0; i < 100; i++) pressure.enter();
    expect(pressure.inBurst).toBe(false);
  });
});
