// Runs every test/**/*.test.ts with node's built-in test runner.
// Usage: node scripts/run-tests.mjs [substring filter]
// The product's bundles (out/*.cjs) are built first, once: tests that spawn them must not rebuild them while
// other test files run. The test files are then compiled by esbuild, each into one CommonJS file under
// .tmp/tests-<pid> (type-checking is `npm run typecheck`'s job): a test process starts in about a quarter of the
// time it takes when every process transpiles its TypeScript itself, and the suite runs in about half.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'e2e' ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const filter = process.argv[2];
const files = find('test')
  .filter((f) => !filter || f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filter ?? 'test/**/*.test.ts'}`);
  process.exit(1);
}
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// One folder per run, so two runs in one checkout (a focused one beside the full suite) never share files.
const outdir = `.tmp/tests-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: files,
  outdir,
  outbase: '.',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const compiled = files.map((f) => join(outdir, f.replace(/\.ts$/, '.cjs')));
// Three test files at a time on two cores: many of them wait on child processes (servers over stdio,
// PostgreSQL, the packed CLI), so a third keeps the cores busy (the suite: 160 s at two, measured in one run).
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-concurrency=3', '--test-reporter=spec', ...compiled],
  { stdio: 'inherit' },
);
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
