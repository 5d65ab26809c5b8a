import { eventLabel, reasonLabel } from './metric-labels.js';

describe('metric labels', () => {
  it.each(['message', 'message.ack', 'call.offer', 'newsletter.mute'])('keeps the known gateway event %s', (name) => {
    expect(eventLabel(name)).toBe(name);
  });

  it.each(['poll.vote', 'unknown', '', 'toString', '__proto__', 'Hello, how are you?'])('turns the claimed event %p into other', (name) => {
    expect(eventLabel(name)).toBe('other');
  });

  it('keeps known refusal codes and bounds the rest', () => {
    expect(reasonLabel('SIGNATURE_MISMATCH')).toBe('SIGNATURE_MISMATCH');
    expect(reasonLabel('INBOX_UNAVAILABLE')).toBe('INBOX_UNAVAILABLE');
    expect(reasonLabel('REQUEST_ABORTED')).toBe('other');
    expect(reasonLabel('HTTP_500')).toBe('other');
  });
});
