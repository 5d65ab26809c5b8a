import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(process.cwd());
const BUILD_DIR = join(ROOT, '.test-build');

/**
 * Compiles src and test with tsc (decorator metadata included, as Nest needs) so a test can
 * start the app as a real child process. Compiled once per test run.
 */
export function compiledTestFile(relativeTs: string): string {
  const output = join(BUILD_DIR, relativeTs.replace(/\.ts$/, '.js'));
  if (!existsSync(output) || process.env.REBUILD_TEST_APP !== '0') {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--outDir', BUILD_DIR, '--sourceMap', 'false', '--rootDir', '.'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    process.env.REBUILD_TEST_APP = '0';
  }
  return output;
}
