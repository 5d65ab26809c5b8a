/**
 * Structure of the Dockerfile and .dockerignore (no Docker engine needed): a multi-stage build
 * whose final stage runs `node dist/main.js` directly as a non-root user, in production mode, on
 * port 3001, with the SQLite volume and a node-based HEALTHCHECK.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  execForm,
  last,
  parseDockerfile,
  parseDockerignore,
  stageEnv,
  stripFlags,
  type Dockerfile,
  type Stage,
} from './support/deploy/dockerfile.js';
import { REPO_ROOT } from './support/deploy/kustomize.js';
import { PRODUCTION_NODE_OPTIONS } from '../scripts/bench/targets.js';

const dockerfile: Dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const finalStage: Stage = dockerfile.stages.at(-1)!;
const runs = (stage: Stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

describe('Dockerfile', () => {
  it('is multi-stage, every stage on the same Node major (native addon ABI)', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    const majors = dockerfile.stages.map((stage) => /^node:(\d+)/.exec(stage.image)?.[1]);
    expect(majors.every((major) => major !== undefined)).toBe(true);
    expect(new Set(majors).size).toBe(1);
  });

  it('builds in a stage with the native toolchain and dev dependencies, then drops dev dependencies', () => {
    const builders = dockerfile.stages.slice(0, -1);
    const buildRuns = builders.flatMap(runs).join('\n');
    for (const tool of ['python3', 'make', 'g++']) expect(buildRuns).toContain(tool);
    expect(buildRuns).toMatch(/\bnpm ci\b(?![^\n&;]*--omit=dev)/);
    expect(buildRuns).toMatch(/\bnpm run build\b/);
    // Production dependencies only reach the runtime: pruned in the builder or installed so.
    expect([buildRuns, ...runs(finalStage)].join('\n')).toMatch(/npm (prune|ci) [^\n&;]*--omit=dev/);
  });

  it('does not install dev dependencies or a toolchain in the runtime stage', () => {
    for (const run of runs(finalStage)) {
      expect(run).not.toMatch(/\bnpm (ci|install|i)\b(?![^&;]*--omit=dev)/);
      expect(run).not.toMatch(/\b(g\+\+|build-essential)\b/);
    }
  });

  it('copies the compiled app, production node_modules and package.json ("type": "module") into the runtime', () => {
    const copies = finalStage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    for (const path of ['dist', 'node_modules', 'package.json']) {
      expect(copies.some((copy) => copy.startsWith('--from=') && copy.includes(`/${path}`))).toBe(true);
    }
  });

  it('only copies files that exist in the build context and are not .dockerignored', () => {
    const ignored = new Set(parseDockerignore(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')));
    const sources = dockerfile.stages
      .flatMap((stage) => stage.instructions)
      .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
      .map((i) => stripFlags(i.args))
      .filter(({ flags }) => !flags.has('from'))
      .flatMap(({ rest }) => (execForm(rest) ?? rest.split(/\s+/)).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(REPO_ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored.has(source) || ignored.has(source.replace(/\/$/, '')) }).toEqual({
        source,
        ignored: false,
      });
    }
  });

  it('runs the final stage as a numeric non-root USER', () => {
    const user = last(finalStage, 'USER')?.args;
    expect(user).toBeDefined();
    const [uid, gid] = user!.split(':');
    expect(uid).toMatch(/^\d+$/); // numeric: Kubernetes' runAsNonRoot can verify it
    expect(Number(uid)).toBeGreaterThan(0);
    if (gid !== undefined) expect(Number(gid)).toBeGreaterThan(0);
  });

  it('sets NODE_ENV=production in the final stage', () => {
    expect(stageEnv(finalStage).get('NODE_ENV')).toBe('production');
  });

  it('caps the V8 heap (as the bench runs the app) well below the deployment memory limit', () => {
    const options = stageEnv(finalStage).get('NODE_OPTIONS');
    expect(options).toBe(PRODUCTION_NODE_OPTIONS);
    const heapMb = Number(/--max-old-space-size=(\d+)/.exec(options ?? '')?.[1]);
    expect(heapMb).toBeGreaterThanOrEqual(128);
    expect(heapMb).toBeLessThanOrEqual(384);
  });

  it('keeps DATABASE_URL (if set) on the /data volume', () => {
    const url = stageEnv(finalStage).get('DATABASE_URL');
    if (url !== undefined) expect(url).toMatch(/^sqlite:\/data\//);
  });

  it('exposes 3001 (and PORT, if set, agrees)', () => {
    const exposed = finalStage.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
    expect(exposed.map((port) => port.replace(/\/tcp$/, ''))).toContain('3001');
    const port = stageEnv(finalStage).get('PORT');
    if (port !== undefined) expect(port).toBe('3001');
  });

  it('declares /data as a volume, owned by the runtime user', () => {
    const volumes = finalStage.instructions
      .filter((i) => i.keyword === 'VOLUME')
      .flatMap((i) => execForm(i.args) ?? i.args.split(/\s+/));
    expect(volumes).toContain('/data');
    const uid = last(finalStage, 'USER')!.args.split(':')[0];
    expect(runs(finalStage).some((run) => run.includes('/data') && new RegExp(`chown\\s+(-R\\s+)?${uid}\\b`).test(run))).toBe(
      true,
    );
  });

  it('has a HEALTHCHECK that uses node (no curl in slim images) against /health/live', () => {
    const healthcheck = last(finalStage, 'HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const { rest } = stripFlags(healthcheck!.args);
    expect(rest).toMatch(/^CMD\s/);
    const command = rest.replace(/^CMD\s+/, '');
    const argv = execForm(command);
    const text = argv ? argv.join(' ') : command;
    expect(argv ? argv[0] : command.split(/\s+/)[0]).toBe('node');
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('/health/live');
    expect(text).toMatch(/PORT/);
    expect(text).not.toMatch(/\b(curl|wget)\b/);
  });

  it('starts with CMD ["node", "dist/main.js"] in exec form, without an npm/sh wrapper', () => {
    const cmd = last(finalStage, 'CMD');
    expect(cmd).toBeDefined();
    expect(execForm(cmd!.args)).toEqual(['node', 'dist/main.js']);
    const entrypoint = last(finalStage, 'ENTRYPOINT');
    if (entrypoint) expect(execForm(entrypoint.args)?.[0]).not.toMatch(/^(npm|sh|\/bin\/sh|bash)$/);
  });
});

describe('.dockerignore', () => {
  const entries = parseDockerignore(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'));

  it('keeps host build output, dependencies, databases and git history out of the context', () => {
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'data']));
    expect(entries.some((entry) => /^\*\.db/.test(entry))).toBe(true);
  });

  it('does not exclude what the build needs', () => {
    for (const needed of ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json']) {
      expect({ needed, excluded: entries.includes(needed) || entries.includes('*') }).toEqual({ needed, excluded: false });
    }
  });
});
