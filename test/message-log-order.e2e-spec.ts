import fc from 'fast-check';
import { closeDatabase } from '../src/database/create-database.js';
import { type AppDatabase, createDatabaseWriter } from '../src/database/index.js';
import type { WhatsAppDomainEvent } from '../src/events/index.js';
import { MessageLogHandler } from '../src/features/message-log/message-log.handler.js';
import { MessageLogRepository } from '../src/features/message-log/message-log.repository.js';
import { createTestDatabase, DATABASE_KINDS, type DatabaseKind, type TestDatabase } from './support/databases.js';
import { openMigratedDatabase } from './support/message-log-database.js';
import { arrivalArbitrary, MESSAGE_ID, type MessageScenario, OTHER_MESSAGE_ID, scenarioEvents } from './support/message-log-scenario.js';

/** Property-based: the message log's final state does not depend on arrival order or repeats. */
const RUNS: Record<DatabaseKind, number> = { sqlite: 100, postgres: 25 };

describe.each(DATABASE_KINDS)('message log order independence on %s', (kind) => {
  let testDatabase: TestDatabase;
  let database: AppDatabase;
  let handler: MessageLogHandler;
  let run = 0;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    database = await openMigratedDatabase(testDatabase.url);
    handler = new MessageLogHandler(new MessageLogRepository(createDatabaseWriter(database)));
  });

  afterAll(async () => {
    // Undefined when beforeAll failed: let its error be the one reported.
    if (database as AppDatabase | undefined) await closeDatabase(database);
    await testDatabase.drop();
  });

  /** Hands an event to the handler method the dispatcher would call for it. */
  async function apply(event: WhatsAppDomainEvent): Promise<void> {
    const method = ({
      MessageReceivedEvent: 'onMessage', ReceiptReceivedEvent: 'onReceipt', MessageEditedEvent: 'onEdited',
      MessageRevokedEvent: 'onRevoked', MessageDeletedEvent: 'onDeleted', MessageReactionEvent: 'onReaction',
    } as const)[event.constructor.name];
    if (!method) throw new Error(`no handler method for ${event.constructor.name}`);
    await (handler[method] as (e: WhatsAppDomainEvent) => Promise<void>).call(handler, event);
  }

  /** Everything stored for one device, without the device column, in a stable order. */
  async function stateOf(deviceId: string) {
    const messages = await database.db.selectFrom('message_log').selectAll().where('device_id', '=', deviceId).orderBy('message_id').execute();
    const reactions = await database.db.selectFrom('message_log_reactions').selectAll().where('device_id', '=', deviceId).orderBy('reactor_id').execute();
    const strip = <T extends { device_id: string }>({ device_id: _, ...rest }: T) => rest;
    return { messages: messages.map(strip), reactions: reactions.map(strip) };
  }

  it('stores the same rows for any arrival order, with duplicates, as for the canonical order', async () => {
    await fc.assert(
      fc.asyncProperty(arrivalArbitrary, async ([scenario, order]) => {
        run += 1;
        const canonical = `canonical-${run}@s.whatsapp.net`;
        const shuffled = `shuffled-${run}@s.whatsapp.net`;
        for (const event of scenarioEvents(scenario, canonical)) await apply(event);
        const events = scenarioEvents(scenario, shuffled);
        for (const index of order) await apply(events[index]!);

        const expected = await stateOf(canonical);
        expect(await stateOf(shuffled)).toEqual(expected);
        expectMeaning(scenario, expected);
      }),
      { numRuns: RUNS[kind] },
    );
  }, 240_000);

  it('stores the same rows when the events are applied concurrently (replicas sharing the database)', async () => {
    await fc.assert(
      fc.asyncProperty(arrivalArbitrary, async ([scenario, order]) => {
        run += 1;
        const canonical = `canonical-${run}@s.whatsapp.net`;
        const concurrent = `concurrent-${run}@s.whatsapp.net`;
        for (const event of scenarioEvents(scenario, canonical)) await apply(event);
        const events = scenarioEvents(scenario, concurrent);
        await Promise.all(order.map((index) => apply(events[index]!)));
        expect(await stateOf(concurrent)).toEqual(await stateOf(canonical));
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});

/** The canonical row says what the events mean (so "identical" is not identical nonsense). */
function expectMeaning(scenario: MessageScenario, state: { messages: Record<string, unknown>[]; reactions: Record<string, unknown>[] }) {
  const message = state.messages.find((row) => row.message_id === MESSAGE_ID)!;
  const rank = Math.max(0, ...scenario.receipts.map((r) => ({ delivered: 1, read: 2, played: 3 })[r.type] ?? 0));
  expect(message).toMatchObject({ has_message: 1, text: scenario.text, sent_at: scenario.sentAt, status_rank: rank });
  expect(message.read_by_me).toBe(scenario.receipts.some((r) => r.type === 'read-self') ? 1 : 0);
  expect(message.revoked).toBe(scenario.removal === 'delete' ? 0 : 1);
  expect(message.deleted).toBe(scenario.removal === 'revoke' ? 0 : 1);
  const latestEdit = scenario.edits
    .map((edit, i) => ({ ...edit, id: `EDIT${i}` }))
    .sort((a, b) => (a.at ?? -1) - (b.at ?? -1) || (a.id < b.id ? -1 : 1))
    .at(-1);
  expect(message.edited_text).toBe(latestEdit?.text ?? null);
  const other = state.messages.find((row) => row.message_id === OTHER_MESSAGE_ID);
  expect(other?.has_message ?? 0).toBe(0);
  expect(other?.status_rank ?? 0).toBe(rank);
  for (const reactor of new Set(scenario.reactions.map((r) => r.reactor))) {
    const latest = scenario.reactions
      .map((reaction, i) => ({ ...reaction, id: `REACT${i}` }))
      .filter((reaction) => reaction.reactor === reactor)
      .sort((a, b) => (a.at ?? -1) - (b.at ?? -1) || (a.id < b.id ? -1 : 1))
      .at(-1)!;
    expect(state.reactions.find((row) => row.reactor_id === reactor)?.emoji).toBe(latest.emoji);
  }
}
