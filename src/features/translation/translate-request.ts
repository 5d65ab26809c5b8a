export interface TranslateRequest {
  readonly target: string;
  readonly text: string;
}

/**
 * `es hola` → Spanish; `hello world` → the default target. The first word is a language only
 * when it is in the accepted list, so `/translate is this ok` translates the whole sentence.
 * Undefined when there is nothing to translate.
 */
export function parseTranslateRequest(argument: string, languages: ReadonlySet<string>, defaultTarget: string): TranslateRequest | undefined {
  const match = /^(\S+)\s+([\s\S]+)$/.exec(argument);
  const first = match?.[1]?.toLowerCase();
  if (match && first && languages.has(first)) return { target: first, text: match[2]!.trim() };
  return argument === '' ? undefined : { target: defaultTarget, text: argument };
}
