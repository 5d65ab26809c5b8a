import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signBody } from '../src/webhook/index.js';
import { execForm, last, parseDockerfile, stageEnv } from './support/deploy/dockerfile.js';
import { replayStage, type ReplayLog } from './support/deploy/dockerfile-replay.js';
import { REPO_ROOT } from './support/deploy/kustomize.js';
import { textMessage } from './support/events.js';
import { freePort } from './support/free-port.js';
import { gatewayJson } from './support/gateway-json.js';
import { waitUntilReady } from './support/test-app.js';

const SECRET = 'replay-test-secret-0123456789';

/**
 * No Docker engine here, so the Dockerfile's own steps are replayed in a clean temporary
 * folder: the build stage's COPY and RUN lines (npm ci, build, prune), then the runtime stage's
 * COPY --from lines, ENV and CMD. The production start must then serve /health/ready.
 */
describe('Dockerfile replay', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'docker-replay-'));
  const log: ReplayLog = { ran: [], skipped: [] };
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  });

  it('builds, prunes and starts in production, serving /health/ready and accepting a signed event', async () => {
    const dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
    const roots = new Map<string, string>();
    for (const [index, stage] of dockerfile.stages.entries()) {
      const root = join(workDir, stage.name ?? `stage-${index}`);
      replayStage(stage, root, { context: REPO_ROOT, stages: roots }, log);
      if (stage.name) roots.set(stage.name, root);
    }
    expect(log.ran.join('\n')).toMatch(/npm ci/);
    expect(log.ran.join('\n')).toMatch(/npm prune --omit=dev/);

    const runtime = dockerfile.stages.at(-1)!;
    const appRoot = join(workDir, runtime.name ?? `stage-${dockerfile.stages.length - 1}`);
    // Dev dependencies are gone from what the runtime stage copied.
    expect(existsSync(join(appRoot, 'node_modules/@nestjs/core'))).toBe(true);
    expect(existsSync(join(appRoot, 'node_modules/jest'))).toBe(false);
    expect(existsSync(join(appRoot, 'node_modules/@nestjs/testing'))).toBe(false);
    expect(existsSync(join(appRoot, 'node_modules/@nestjs/cli'))).toBe(false);
    expect(existsSync(join(appRoot, 'src'))).toBe(false);

    const env = Object.fromEntries(stageEnv(runtime));
    const dataDir = join(workDir, 'data');
    mkdirSync(dataDir);
    const port = await freePort();
    const [command, ...args] = execForm(last(runtime, 'CMD')!.args)!;
    expect(command).toBe('node');
    child = spawn(process.execPath, args, {
      cwd: appRoot,
      env: {
        PATH: process.env.PATH,
        ...env,
        PORT: String(port),
        DATABASE_URL: env.DATABASE_URL!.replace('/data', dataDir),
        WHATSAPP_WEBHOOK_SECRET: SECRET,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    expect(env.NODE_ENV).toBe('production');
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(base, 30_000);

    const raw = gatewayJson(textMessage(1));
    const response = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signBody(raw, SECRET) },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(existsSync(join(dataDir, 'webhooks.db'))).toBe(true);
    process.stdout.write(`dockerfile replay: ran ${log.ran.length} step(s); skipped ${log.skipped.join('; ')}\n`);
  }, 600_000);
});
