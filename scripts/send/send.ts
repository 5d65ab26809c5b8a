#!/usr/bin/env node
/**
 * Sends gateway-shaped, gateway-signed webhook deliveries to a running receiver.
 *
 *   npm run send -- <fixture.json | event name> [--url U] [--secret S] [--count N] [--concurrency C] [--device JID]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { burst, deliver, type DeliveryResult } from './deliver.js';
import { DEFAULT_DEVICE, EVENT_NAMES, freshMessageId, generateEvent, isEventName } from './event-templates.js';
import { formatSummary, isSuccess, summarise } from './summary.js';

const USAGE = `usage: npm run send -- <fixture.json | event name> [options]

  <fixture.json>        a JSON file (e.g. a docs example); re-serialised compact and key-sorted, as the gateway sends it
  <event name>          one of: ${EVENT_NAMES.join(', ')}

  --url URL             default http://127.0.0.1:\${PORT:-3001}/webhook
  --secret S            default: first of WHATSAPP_WEBHOOK_SECRET (comma list), else the gateway default "secret"
  --count N             send a burst of N distinct events (fixture: fresh payload.id per copy), then a summary
  --concurrency C       parallel requests in a burst (default 1)
  --device JID          device_id of the envelope (default ${DEFAULT_DEVICE} for generated events)
  -h, --help

Exit code: 0 when every answer is 2xx, 1 otherwise, 2 on bad arguments.`;

type BodyFactory = (index: number) => unknown;

class UsageError extends Error {}

interface Options {
  readonly target: string;
  readonly url: string;
  readonly secret: string;
  readonly count: number | undefined;
  readonly concurrency: number;
  readonly device: string | undefined;
}

function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      secret: { type: 'string' },
      count: { type: 'string' },
      concurrency: { type: 'string' },
      device: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <fixture.json | event name>' : `one target only, got: ${positionals.join(' ')}`);
  const envSecret = process.env.WHATSAPP_WEBHOOK_SECRET?.split(',')[0]?.trim();
  return {
    target: positionals[0]!,
    url: values.url ?? `http://127.0.0.1:${process.env.PORT || 3001}/webhook`,
    secret: values.secret ?? (envSecret || 'secret'),
    count: values.count === undefined ? undefined : positiveInt('--count', values.count),
    concurrency: values.concurrency === undefined ? 1 : positiveInt('--concurrency', values.concurrency),
    device: values.device,
  };
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

/** Builds the body factory: a fixture (fresh ids when `fresh`) or a generated event. */
function bodies(options: Options, fresh: boolean): BodyFactory {
  const { target, device } = options;
  if (target.endsWith('.json') || (!isEventName(target) && existsSync(target))) {
    if (!existsSync(target)) throw new UsageError(`no such file: ${target}`);
    let fixture: unknown;
    try {
      fixture = JSON.parse(readFileSync(target, 'utf8'));
    } catch (error) {
      throw new UsageError(`${target} is not JSON: ${(error as Error).message}`);
    }
    return () => {
      const body = structuredClone(fixture);
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
      const record = body as Record<string, unknown>;
      if (device !== undefined) record.device_id = device;
      const payload = record.payload;
      if (fresh && payload !== null && typeof payload === 'object' && !Array.isArray(payload) && 'id' in payload) {
        (payload as Record<string, unknown>).id = freshMessageId();
      }
      return record;
    };
  }
  if (!isEventName(target)) throw new UsageError(`"${target}" is neither a file nor an event name (${EVENT_NAMES.join(', ')})`);
  return (index) => generateEvent(target, device ?? DEFAULT_DEVICE, index + 1);
}

function describe(result: DeliveryResult): string {
  if (result.status === 0) return `error ${result.error ?? 'request failed'}`;
  return `${result.status} ${typeof result.answer === 'string' ? result.answer : JSON.stringify(result.answer)}`;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }

  if (options.count === undefined) {
    const body = bodies(options, false)(0);
    const result = await deliver(options.url, options.secret, body);
    console.log(describe(result));
    return isSuccess(result) ? 0 : 1;
  }

  const make = bodies(options, true);
  const started = performance.now();
  const results = await burst(options.count, options.concurrency, (index) => deliver(options.url, options.secret, make(index)));
  const summary = summarise(results, performance.now() - started);
  const failures = results.filter((r) => !isSuccess(r)).map(describe);
  console.log(formatSummary(summary, failures));
  return failures.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`send: ${error instanceof Error ? error.message : String(error)}`);
    if (usage) console.error(`\n${USAGE}`);
    process.exitCode = usage ? 2 : 1;
  },
);
