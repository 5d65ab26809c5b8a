/** A `/command` at the start of a text message, with the rest of the text. */
export interface ChatCommand {
  /** Lower-cased, so `/HELP` and `/help` are the same command. */
  readonly name: string;
  /** The text after the command, trimmed; may be empty. */
  readonly argument: string;
}

/** `/Translate es hola` → `{name: '/translate', argument: 'es hola'}`; anything else → undefined. */
export function parseChatCommand(text: string | undefined): ChatCommand | undefined {
  const match = /^\s*(\/\S+)(?:\s+([\s\S]*))?$/.exec(text ?? '');
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), argument: (match[2] ?? '').trim() };
}
