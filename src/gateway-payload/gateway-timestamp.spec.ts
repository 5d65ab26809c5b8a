import { isGatewayTimestamp, toDate } from './gateway-timestamp.js';

describe('isGatewayTimestamp', () => {
  it.each(['2025-07-18T22:44:20Z', '2025-07-18T22:44:20+07:00', '2025-07-18T22:44:20.123456789-03:30', '2024-02-29T00:00:00Z'])(
    'accepts %s',
    (value) => {
      expect(isGatewayTimestamp(value)).toBe(true);
    },
  );

  it.each(['2025-07-18', '2025-07-18 22:44:20Z', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-07-18T24:00:00Z', '1752404751', 'yesterday', ''])(
    'rejects %j',
    (value) => {
      expect(isGatewayTimestamp(value)).toBe(false);
    },
  );

  it.each([1752404751, null, {}, []])('rejects the non-string %j', (value) => {
    expect(isGatewayTimestamp(value)).toBe(false);
  });
});

describe('toDate', () => {
  it('converts an offset timestamp to the same instant', () => {
    expect(toDate('2026-01-22T19:00:00+07:00')?.toISOString()).toBe('2026-01-22T12:00:00.000Z');
  });

  it('keeps an absent timestamp absent', () => {
    expect(toDate(undefined)).toBeUndefined();
  });
});
