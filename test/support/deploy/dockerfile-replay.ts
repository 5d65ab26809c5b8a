import { execSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execForm, stripFlags, type Stage } from './dockerfile.js';

/** Where the image keeps the app; the replay maps it onto a temporary folder. */
export const IMAGE_WORKDIR = '/app';

/**
 * RUN steps that prepare the image's operating system rather than the app. The machine running
 * the replay already has them: Debian's toolchain for node-gyp, and npm 11.
 */
const SYSTEM_STEPS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^apt-get\b/, why: 'the toolchain (python3, make, g++) is installed on this machine' },
  { pattern: /^npm install -g npm@/, why: 'this machine already runs npm 11' },
  { pattern: /^mkdir -p \/data && chown\b/, why: 'the /data volume is a temporary folder here' },
];

export interface ReplayLog {
  readonly ran: string[];
  readonly skipped: string[];
}

/**
 * Replays one stage's WORKDIR, COPY and RUN instructions into `root` (standing for /app):
 * sources come from the build context or from an earlier stage's root, RUN commands run in a
 * shell there. Anything else in the stage (ENV, USER, CMD…) is the caller's to apply.
 */
export function replayStage(stage: Stage, root: string, sources: { context: string; stages: ReadonlyMap<string, string> }, log: ReplayLog): void {
  mkdirSync(root, { recursive: true });
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'WORKDIR' && instruction.args.trim() !== IMAGE_WORKDIR) {
      throw new Error(`The replay maps only WORKDIR ${IMAGE_WORKDIR}, not ${instruction.args}`);
    }
    if (instruction.keyword === 'COPY') copy(instruction.args, root, sources);
    if (instruction.keyword === 'RUN') run(instruction.args, root, log);
  }
}

function copy(args: string, root: string, sources: { context: string; stages: ReadonlyMap<string, string> }): void {
  const { flags, rest } = stripFlags(args);
  const parts = execForm(rest) ?? rest.split(/\s+/);
  const destination = parts.at(-1)!;
  const from = flags.get('from');
  const sourceRoot = from ? sources.stages.get(from) : sources.context;
  if (!sourceRoot) throw new Error(`COPY --from=${from}: no such stage was replayed`);
  for (const source of parts.slice(0, -1)) {
    const sourcePath = from ? join(sourceRoot, source.replace(new RegExp(`^${IMAGE_WORKDIR}/?`), '')) : join(sourceRoot, source);
    const name = source.split('/').filter(Boolean).at(-1)!;
    const target = destination.endsWith('/') ? join(root, destination, name) : join(root, destination);
    cpSync(sourcePath, target, { recursive: true });
  }
}

function run(args: string, root: string, log: ReplayLog): void {
  const command = execForm(args)?.join(' ') ?? args.trim();
  const system = SYSTEM_STEPS.find((step) => step.pattern.test(command));
  if (system) {
    log.skipped.push(`${command} (${system.why})`);
    return;
  }
  // Offline-friendly: the same command, taking packages from npm's cache when it has them.
  execSync(command, { cwd: root, stdio: 'inherit', shell: '/bin/sh', env: { ...process.env, npm_config_prefer_offline: 'true', NODE_OPTIONS: '' } });
  log.ran.push(command);
}
