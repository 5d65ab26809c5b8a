/**
 * A small Dockerfile reader, enough to assert on its structure: logical lines (backslash
 * continuations joined, comment lines dropped), instructions, and build stages.
 */
export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, … */
  readonly keyword: string;
  /** Everything after the keyword, continuations joined with a space. */
  readonly args: string;
  /** 1-based line of the keyword in the file. */
  readonly line: number;
}

export interface Stage {
  /** Image reference as written (ARGs not expanded), e.g. `${NODE_IMAGE}`. */
  readonly from: string;
  /** Image reference with global ARG defaults substituted. */
  readonly image: string;
  readonly name?: string;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  readonly instructions: readonly Instruction[];
  /** Global ARGs (before the first FROM) and their defaults. */
  readonly globalArgs: ReadonlyMap<string, string | undefined>;
  readonly stages: readonly Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  let current: { start: number; parts: string[] } | undefined;

  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    // Comment lines (also inside a continuation) and blank lines carry no instruction text.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = /\\\s*$/.test(raw);
    const content = continues ? raw.replace(/\\\s*$/, '') : raw;
    if (!current) current = { start: index + 1, parts: [] };
    current.parts.push(content.trim());
    if (!continues) {
      const joined = current.parts.filter(Boolean).join(' ');
      const match = /^(\S+)\s*([\s\S]*)$/.exec(joined);
      if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim(), line: current.start });
      current = undefined;
    }
  });
  if (current) throw new Error(`Dockerfile ends inside a line continuation (from line ${current.start})`);

  const globalArgs = new Map<string, string | undefined>();
  const stages: { from: string; image: string; name?: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const from = words[0] ?? '';
      const name = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ from, image: expandArgs(from, globalArgs), name, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [key, value] = splitAssignment(instruction.args);
        globalArgs.set(key, value);
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { instructions, globalArgs, stages };
}

function splitAssignment(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq === -1 ? [text.trim(), undefined] : [text.slice(0, eq).trim(), unquote(text.slice(eq + 1).trim())];
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` with the given values. */
export function expandArgs(text: string, values: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (_all, braced: string, fallback: string | undefined, bare: string) => {
    const value = values.get(braced ?? bare);
    return value !== undefined && value !== '' ? value : (fallback ?? '');
  });
}

/** ENV in both forms: `ENV A=1 B="two words"` and the legacy `ENV A 1`. */
export function parseEnv(args: string): Map<string, string> {
  const env = new Map<string, string>();
  if (!/^[^\s=]+=/.test(args)) {
    const match = /^(\S+)\s+([\s\S]*)$/.exec(args);
    if (match) env.set(match[1], match[2]);
    return env;
  }
  const pair = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const match of args.matchAll(pair)) env.set(match[1], unquote(match[2]));
  return env;
}

/** The JSON array of an exec-form CMD/ENTRYPOINT/RUN, or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Error(`Not a JSON array of strings: ${args}`);
  }
  return parsed;
}

/** Splits leading `--flag` / `--flag=value` options (e.g. HEALTHCHECK's) from the rest. */
export function stripFlags(args: string): { flags: Map<string, string>; rest: string } {
  const flags = new Map<string, string>();
  let rest = args.trim();
  for (let match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest); match; match = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)) {
    flags.set(match[1], match[2] ?? '');
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

/** Environment of a stage: ENV instructions in order (later ones win). */
export function stageEnv(stage: Stage): Map<string, string> {
  const env = new Map<string, string>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'ENV') for (const [key, value] of parseEnv(instruction.args)) env.set(key, value);
  }
  return env;
}

/** The last instruction of a kind in a stage (Docker lets the last USER/CMD/… win). */
export function last(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
}

/** Non-comment, non-blank lines of a .dockerignore file. */
export function parseDockerignore(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
