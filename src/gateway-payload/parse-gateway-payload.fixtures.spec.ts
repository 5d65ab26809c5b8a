import { fixtureNames, loadFixture, META, recognize, type FixtureExpectation } from './testing/gateway-fixtures.js';
import { LEGACY_FIXTURES } from './testing/legacy-fixture.expectations.js';
import { MESSAGE_FIXTURES } from './testing/message-fixture.expectations.js';
import { OTHER_FIXTURES } from './testing/other-fixture.expectations.js';

const EXPECTATIONS: Readonly<Record<string, FixtureExpectation>> = {
  ...MESSAGE_FIXTURES,
  ...OTHER_FIXTURES,
  ...LEGACY_FIXTURES,
};

function expectationFor(name: string): FixtureExpectation {
  const expected = EXPECTATIONS[name];
  if (expected === undefined) throw new Error(`no expectation written for fixture ${name}: add one to testing/*.expectations.ts`);
  return expected;
}

describe('parseGatewayPayload on the gateway documentation fixtures', () => {
  const names = fixtureNames();

  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(46);
  });

  it.each(names)('%s is recognized', (name) => {
    expect(recognize(loadFixture(name)).kind).toBe('recognized');
  });

  it.each(names)('%s has an explicit expectation', (name) => {
    expect(() => expectationFor(name)).not.toThrow();
  });

  it.each(names)('%s names its gateway event and device', (name) => {
    const expected = expectationFor(name);
    const parsed = recognize(loadFixture(name));
    expect({ gatewayEvent: parsed.gatewayEvent, deviceId: parsed.deviceId }).toEqual({
      gatewayEvent: expected.gatewayEvent,
      deviceId: expected.deviceId,
    });
  });

  it.each(names)('%s is ordered under the expected chat', (name) => {
    expect(recognize(loadFixture(name)).chatId).toBe(expectationFor(name).chatId);
  });

  it.each(names)('%s has the expected dedupe identity', (name) => {
    expect(recognize(loadFixture(name)).dedupe).toEqual(expectationFor(name).dedupe);
  });

  it.each(names)('%s builds the expected domain event class', (name) => {
    expect(recognize(loadFixture(name)).toDomainEvent(META)).toBeInstanceOf(expectationFor(name).eventClass);
  });

  it.each(names)('%s carries the expected domain data', (name) => {
    expect(recognize(loadFixture(name)).toDomainEvent(META)).toMatchObject(expectationFor(name).data);
  });

  it.each(names)('%s carries the delivery meta', (name) => {
    expect(recognize(loadFixture(name)).toDomainEvent(META)).toMatchObject(META);
  });
});
