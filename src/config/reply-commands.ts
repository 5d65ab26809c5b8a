import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The answers the reply bot gives when no table is configured. */
export const DEFAULT_REPLY_COMMANDS: Readonly<Record<string, string>> = {
  '/help': 'Commands: /help, /status, /info',
  '/status': 'The assistant is up and answering.',
  '/info': 'An automated assistant: send /help for what it can do.',
};

export type ReplyCommandsResult = { ok: true; commands: ReadonlyMap<string, string> } | { ok: false; problem: string };

/**
 * The command → answer table: `REPLY_BOT_COMMANDS` (JSON) wins over `REPLY_BOT_COMMANDS_FILE`
 * (JSON or YAML, YAML being a superset), else the defaults. Keys are matched case-insensitively,
 * so they are stored lower-cased. Problems name the variable, never the content.
 */
export function loadReplyCommands(inline: string | undefined, file: string | undefined): ReplyCommandsResult {
  let raw: unknown = DEFAULT_REPLY_COMMANDS;
  let source = 'default';
  try {
    if (inline !== undefined) {
      source = 'REPLY_BOT_COMMANDS';
      raw = JSON.parse(inline);
    } else if (file !== undefined) {
      source = 'REPLY_BOT_COMMANDS_FILE';
      raw = parse(readFileSync(file, 'utf8'));
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'not valid JSON/YAML';
    return { ok: false, problem: `${source}: ${reason}` };
  }
  return toTable(raw, source);
}

function toTable(raw: unknown, source: string): ReplyCommandsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: `${source} must map commands to answers, e.g. {"/help": "…"}` };
  }
  const commands = new Map<string, string>();
  for (const [command, answer] of Object.entries(raw)) {
    if (!/^\/\S+$/.test(command)) return { ok: false, problem: `${source}: every command must be one word starting with /` };
    if (typeof answer !== 'string' || answer.trim() === '') return { ok: false, problem: `${source}: every answer must be non-empty text` };
    commands.set(command.toLowerCase(), answer);
  }
  if (commands.size === 0) return { ok: false, problem: `${source} defines no command` };
  return { ok: true, commands };
}
