// Tests that spawn a bundle (out/*.cjs) use the one scripts/run-tests.mjs built before any test started,
// so test files running in parallel never rebuild (and half-write) a bundle another one is running.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.cwd();

/** The path of a built bundle, e.g. bundle('cli') → <root>/out/cli.cjs. */
export function bundle(name: string): string {
  const path = join(ROOT, 'out', `${name}.cjs`);
  assert.ok(existsSync(path), `${path} is missing: run the tests with node scripts/run-tests.mjs (it builds first)`);
  return path;
}

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built bundle with `args` in `cwd`; `env` overrides the environment (undefined removes a variable). */
export function runBundle(
  name: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): BundleRun {
  // COLUMNS unset: the human output's width is then the default 100, whatever terminal runs the tests. No code
  // cache in the user's cache folder (cli/code-cache.ts): test/cli/code-cache.test.ts gives it folders of its own.
  const merged: Record<string, string | undefined> = {
    ...process.env,
    COLUMNS: undefined,
    CONSISTENCY_CODE_CACHE: 'off',
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [bundle(name), ...args], {
    cwd,
    env: merged as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
