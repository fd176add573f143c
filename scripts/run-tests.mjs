// Runs every test/**/*.test.ts with node's built-in test runner.
// Usage: node scripts/run-tests.mjs [substring filter]
// The product's bundles (out/*.cjs) are built first, once: tests that spawn them must not rebuild them while
// other test files run. The test files are then compiled by esbuild into CommonJS files under .tmp/tests-<pid>
// (type-checking is `npm run typecheck`'s job): a test process starts in about a quarter of the time it takes
// when every process transpiles its TypeScript itself.
// In-process test files (the core, the services, properties, goldens) share a process with up to GROUP others of
// their folder: each process otherwise pays again for loading the product and building its parser, which was
// most of the CPU time of small files. Files that drive child processes, servers or the CLI's own process state
// (test/cli, test/lsp, test/db, test/host and the top folder) keep a process each.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const GROUP = 8;
const ownProcess = (file) => /^test\/(cli|lsp|db|host)\//.test(file) || dirname(file) === 'test';

/** Entry files: a file that keeps its own process, or a generated module importing a group's files in order. */
function entries(files, dir) {
  const out = files.filter(ownProcess).map((f) => ({ in: f, out: f.replace(/\.ts$/, '') }));
  const byFolder = new Map();
  for (const f of files.filter((f) => !ownProcess(f))) {
    byFolder.set(dirname(f), [...(byFolder.get(dirname(f)) ?? []), f]);
  }
  mkdirSync(dir, { recursive: true });
  for (const [folder, group] of byFolder) {
    for (let i = 0; i < group.length; i += GROUP) {
      const name = `${folder.replace(/[\\/]/g, '-')}-${i / GROUP + 1}`;
      const entry = join(dir, `${name}.ts`);
      const imports = group.slice(i, i + GROUP).map((f) => `import './${relative(dir, f).replace(/\\/g, '/')}';`);
      writeFileSync(entry, imports.join('\n') + '\n');
      out.push({ in: entry, out: `groups/${name}` });
    }
  }
  return out;
}

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
const entryPoints = entries(files, `${outdir}-entries`);
await esbuild.build({
  entryPoints,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const compiled = entryPoints.map((e) => join(outdir, `${e.out}.cjs`));
// Three test files at a time on two cores: many of them wait on child processes (servers over stdio,
// PostgreSQL, the packed CLI), so a third keeps the cores busy (the suite: 160 s at two, measured in one run).
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', '--test-concurrency=3', '--test-reporter=spec', ...compiled],
  { stdio: 'inherit' },
);
rmSync(outdir, { recursive: true, force: true });
rmSync(`${outdir}-entries`, { recursive: true, force: true });
process.exit(result.status ?? 1);
