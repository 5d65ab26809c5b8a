import { MemoryDedupeStore } from './memory-dedupe.store.js';

describe('MemoryDedupeStore', () => {
  it('returns the first delivery id for a key seen within the window', async () => {
    const store = new MemoryDedupeStore(10);
    expect(await store.remember('k', 'first', 60_000)).toBeUndefined();
    expect(await store.remember('k', 'second', 60_000)).toBe('first');
  });

  it('forgets a key once its window has passed', async () => {
    const store = new MemoryDedupeStore(10);
    await store.remember('k', 'first', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await store.remember('k', 'second', 60_000)).toBeUndefined();
  });

  it('evicts the least recently used key past its bound', async () => {
    const store = new MemoryDedupeStore(2);
    await store.remember('a', '1', 60_000);
    await store.remember('b', '2', 60_000);
    await store.remember('a', 'x', 60_000); // touches a
    await store.remember('c', '3', 60_000); // evicts b
    expect(store.size).toBe(2);
    expect(await store.remember('a', 'y', 60_000)).toBe('1');
    expect(await store.remember('b', 'z', 60_000)).toBeUndefined();
  });

  it('forgets a key only for the delivery that remembered it', async () => {
    const store = new MemoryDedupeStore(10);
    await store.remember('k', 'first', 60_000);
    await store.forget('k', 'other');
    expect(await store.remember('k', 'again', 60_000)).toBe('first');
    await store.forget('k', 'first');
    expect(await store.remember('k', 'again', 60_000)).toBeUndefined();
  });
});
