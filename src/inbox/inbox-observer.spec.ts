import { jest } from '@jest/globals';
import { InboxObserver } from './inbox-observer.js';

describe('InboxObserver', () => {
  it('is a no-op without listeners', () => {
    expect(() => new InboxObserver().rejected('SIGNATURE_MISMATCH')).not.toThrow();
  });

  it('passes each report to every listener', () => {
    const observer = new InboxObserver();
    const first = { received: jest.fn() };
    const second = { received: jest.fn(), dispatched: jest.fn() };
    observer.subscribe(first);
    observer.subscribe(second);
    observer.received('message', 'duplicate');
    expect(first.received).toHaveBeenCalledWith('message', 'duplicate');
    expect(second.received).toHaveBeenCalledWith('message', 'duplicate');
    expect(second.dispatched).not.toHaveBeenCalled();
  });

  it('keeps going when a listener throws, so metrics never break the ack path', () => {
    const observer = new InboxObserver();
    const after = { acknowledged: jest.fn() };
    observer.subscribe({ acknowledged: () => { throw new Error('broken metric'); } });
    observer.subscribe(after);
    expect(() => observer.acknowledged(0.01)).not.toThrow();
    expect(after.acknowledged).toHaveBeenCalledWith(0.01);
  });

  it('stops reporting to a listener that unsubscribed', () => {
    const observer = new InboxObserver();
    const listener = { dispatched: jest.fn() };
    observer.subscribe(listener)();
    observer.dispatched('done');
    expect(listener.dispatched).not.toHaveBeenCalled();
  });
});
