import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, validateEnvironment } from './environment.js';
import { DEFAULT_REPLY_COMMANDS, loadReplyCommands } from './reply-commands.js';

function problemsOf(env: Record<string, string>): string {
  try {
    validateEnvironment(env);
    return '';
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.join('\n');
    throw error;
  }
}

describe('feature environment', () => {
  it('keeps every feature off by default and points at a local gateway', () => {
    const env = validateEnvironment({});
    expect([env.REPLY_BOT_ENABLED, env.GROUP_WELCOME_ENABLED, env.TRANSLATION_ENABLED]).toEqual(['false', 'false', 'false']);
    expect(env.GOWA_BASE_URL).toBe('http://localhost:3000');
  });

  it.each(['localhost:3000', 'ftp://gateway', 'http://gateway:3000?x=1', 'http://'])('refuses GOWA_BASE_URL %p', (url) => {
    expect(problemsOf({ GOWA_BASE_URL: url })).toMatch(/GOWA_BASE_URL must be an http\(s\) URL/);
  });

  it.each(['admin', ':secret', 'admin:', 'ad min:secret'])('refuses GOWA_BASIC_AUTH without user:pass, never printing it', (auth) => {
    const problems = problemsOf({ GOWA_BASIC_AUTH: auth });
    expect(problems).toMatch(/GOWA_BASIC_AUTH must be user:pass/);
    expect(problems).not.toContain(auth);
  });

  it('accepts a password containing ":"', () => {
    expect(problemsOf({ GOWA_BASIC_AUTH: 'admin:pa:ss', GOWA_BASE_PATH: '/gowa', GOWA_BASE_URL: 'https://gw.example.com/' })).toBe('');
  });

  it('refuses a translation retry budget larger than the inbox allows', () => {
    expect(problemsOf({ TRANSLATION_ENABLED: 'true', TRANSLATION_MAX_ATTEMPTS: '9', DISPATCH_MAX_ATTEMPTS: '8' })).toMatch(/TRANSLATION_MAX_ATTEMPTS/);
  });

  it('refuses a broken command table only when the bot is on', () => {
    expect(problemsOf({ REPLY_BOT_ENABLED: 'true', REPLY_BOT_COMMANDS: '{"help": "x"}' })).toMatch(/starting with \//);
    expect(problemsOf({ REPLY_BOT_ENABLED: 'false', REPLY_BOT_COMMANDS: 'not json' })).toBe('');
  });
});

describe('loadReplyCommands', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'commands-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the defaults without configuration', () => {
    const table = loadReplyCommands(undefined, undefined);
    expect(table.ok && Object.fromEntries(table.commands)).toEqual(DEFAULT_REPLY_COMMANDS);
  });

  it('reads a YAML file and lower-cases its commands', () => {
    const file = join(dir, 'commands.yaml');
    writeFileSync(file, '/Price: "10 EUR"\n/hours: |\n  9 to 17\n');
    const table = loadReplyCommands(undefined, file);
    expect(table.ok && Object.fromEntries(table.commands)).toEqual({ '/price': '10 EUR', '/hours': '9 to 17\n' });
  });

  it('prefers inline JSON over the file', () => {
    const file = join(dir, 'commands.json');
    writeFileSync(file, '{"/a": "file"}');
    const table = loadReplyCommands('{"/b": "inline"}', file);
    expect(table.ok && [...table.commands.keys()]).toEqual(['/b']);
  });

  it('reports a missing file or non-text answers without their content', () => {
    expect(loadReplyCommands(undefined, join(dir, 'missing.yaml'))).toEqual({ ok: false, problem: 'REPLY_BOT_COMMANDS_FILE: file not found' });
    expect(loadReplyCommands('{"/a": 1}', undefined)).toMatchObject({ ok: false, problem: expect.stringMatching(/non-empty text/) });
    expect(loadReplyCommands('[]', undefined)).toMatchObject({ ok: false });
  });
});
