// Tests that spawn a bundle (out/*.cjs) use the one scripts/run-tests.mjs built before any test started,
// so test files running in parallel never rebuild (and half-write) a bundle another one is running.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = process.cwd();

/** The path of a built bundle, e.g. bundle('cli') → <root>/out/cli.cjs. */
export function bundle(name: string): string {
  const path = join(ROOT, 'out', `${name}.cjs`);
  assert.ok(existsSync(path), `${path} is missing: run the tests with node scripts/run-tests.mjs (it builds first)`);
  return path;
}
