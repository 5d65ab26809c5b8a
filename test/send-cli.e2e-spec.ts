import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { InboxRepository } from '../src/inbox/index.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { startApp, TEST_SECRET } from './support/test-app.js';

const run = promisify(execFile);
const ROOT = process.cwd();
const CLI = join(ROOT, '.scripts-build', 'send', 'send.js');
const FIXTURE = join(ROOT, '..', 'shared', 'gowa', 'fixtures', '01-message--text-message.json');
const EVENT_NAMES = [
  'message',
  'message.reaction',
  'message.revoked',
  'message.edited',
  'message.deleted',
  'message.ack',
  'chat_presence',
  'group.participants',
  'group.joined',
  'label.edit',
  'label.association',
  'newsletter.joined',
  'newsletter.left',
  'newsletter.message',
  'newsletter.mute',
  'call.offer',
];

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('send CLI (npm run send) against the real app', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let url: string;

  beforeAll(async () => {
    // Compile the scripts once, as `npm run send` does before every run.
    await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'scripts', 'tsconfig.json')], { cwd: ROOT });
    database = await createTestDatabase('sqlite');
    app = await startApp({ DATABASE_URL: database.url });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    url = `http://127.0.0.1:${port}/webhook`;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Runs the CLI asynchronously (the app answers from this same process). */
  async function cli(...args: string[]): Promise<CliResult> {
    const env = { ...process.env };
    delete env.WHATSAPP_WEBHOOK_SECRET;
    delete env.NODE_OPTIONS;
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, ...args, '--url', url], { cwd: ROOT, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  /** A single send prints `<status> <json answer>`. */
  function single(result: CliResult): { status: number; answer: { status?: string; id?: string; code?: string } } {
    const match = /^(\d{3}) (.*)$/m.exec(result.stdout);
    if (!match) throw new Error(`unexpected output: ${result.stdout} ${result.stderr}`);
    return { status: Number(match[1]), answer: JSON.parse(match[2]!) };
  }

  it('re-serialises and signs a pretty-printed fixture the gateway way, then answers duplicate for the same again', async () => {
    const first = await cli(FIXTURE, '--secret', TEST_SECRET);
    expect(first.code).toBe(0);
    const sent = single(first);
    expect(sent).toEqual({ status: 200, answer: { status: 'accepted', id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });

    const again = await cli(FIXTURE, '--secret', TEST_SECRET);
    expect(again.code).toBe(0);
    expect(single(again)).toEqual({ status: 200, answer: { status: 'duplicate', id: sent.answer.id } });
  });

  it('prints 401 and exits non-zero with a wrong secret', async () => {
    const result = await cli('message', '--secret', 'wrong');
    expect(result.code).not.toBe(0);
    const sent = single(result);
    expect(sent.status).toBe(401);
    expect(sent.answer.code).toBe('SIGNATURE_MISMATCH');
  });

  it.each(EVENT_NAMES)('generates a %s event the parser recognises', async (name) => {
    const result = await cli(name, '--secret', TEST_SECRET);
    expect(result.code).toBe(0);
    const sent = single(result);
    expect(sent.status).toBe(200);
    expect(sent.answer.status).toBe('accepted');
    const stored = await app.get(InboxRepository).findByDeliveryId(sent.answer.id!);
    expect(stored).toBeDefined();
    expect(stored!.status).not.toBe('unrecognized');
    expect(stored!.gatewayEvent).toBe(name);
  });

  it('sends a burst of distinct events and summarises it', async () => {
    const result = await cli('message', '--count', '50', '--concurrency', '5', '--secret', TEST_SECRET);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sent: 50\b/m);
    expect(result.stdout).toMatch(/^status: 200=50$/m);
    expect(result.stdout).toMatch(/^accepted: 50$/m);
    expect(result.stdout).toMatch(/^duplicate: 0$/m);
    expect(result.stdout).toMatch(/^latency ms: p50=\d+\.\d p99=\d+\.\d max=\d+\.\d$/m);
  });

  it.each(EVENT_NAMES)('generates distinct %s events in a burst (no duplicates)', async (name) => {
    const result = await cli(name, '--count', '5', '--concurrency', '5', '--secret', TEST_SECRET);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^accepted: 5$/m);
    expect(result.stdout).toMatch(/^duplicate: 0$/m);
  });

  it('sends fresh ids for every copy of a fixture in a burst', async () => {
    const result = await cli(FIXTURE, '--count', '10', '--concurrency', '3', '--secret', TEST_SECRET);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^accepted: 10$/m);
  });
});
