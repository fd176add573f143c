// The npm package installs and runs anywhere: `npm pack` (of the bundle the test run built), then
// `npm install -g --prefix <tmp> --offline` from the tarball (no registry: the CLI's dependencies are bundled
// into out/cli.cjs, so the package has none), then the installed `consistency` run from an unrelated folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Tests run from the repository's root (scripts/run-tests.mjs).
const repo = process.cwd();
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
let dir = '';
let bin = '';
let packed: { filename: string; files: { path: string }[] };

function npm(args: string[], cwd: string) {
  const env = {
    ...process.env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env, timeout: 120_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function consistency(args: string[], cwd = join(dir, 'elsewhere')) {
  const env = { ...process.env, NO_COLOR: '1', CONSISTENCY_CODE_CACHE: join(dir, 'code-cache') };
  return spawnSync(bin, args, { cwd, encoding: 'utf8', env, timeout: 120_000 });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-install-'));
  // --ignore-scripts: prepack would rebuild out/ while other test files run the bundle.
  [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repo));
  npm(
    ['install', '-g', '--prefix', join(dir, 'prefix'), '--offline', '--ignore-scripts', join(dir, packed.filename)],
    dir,
  );
  bin = join(dir, 'prefix', 'bin', 'consistency');
  mkdirSync(join(dir, 'elsewhere'));
  copyFileSync(join(repo, 'samples/clean/upi-wallet.consistency'), join(dir, 'elsewhere', 'wallet.consistency'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the package is publishable under a free name, with the consistency bin and nothing to fetch', () => {
  assert.equal(pkg.name, 'consistency-policies');
  assert.equal(pkg.private, undefined);
  assert.deepEqual(pkg.bin, { consistency: './out/cli.cjs' });
  assert.equal(pkg.dependencies, undefined, 'everything is bundled: an install fetches nothing');
  assert.match((pkg.engines as { node: string }).node, /^>=20/);
});

test('the tarball holds the CLI bundles, the docs they link to and the README, and no sources or maps', () => {
  const files = packed.files.map((f) => f.path).sort();
  const bundles = ['out/cli.cjs', 'out/cli-analysis.cjs', 'out/cli-other.cjs', 'out/simulation-worker.cjs'];
  for (const f of ['README.md', 'docs/rules.md', 'docs/sources.md', ...bundles, 'package.json'])
    assert.ok(files.includes(f), f);
  assert.deepEqual(
    files.filter((f) => /\.(map|ts)$|^(server|client|test|samples)\//.test(f)),
    [],
  );
});

test('the installed consistency runs from an unrelated folder: version, check, explain, simulate', () => {
  assert.ok(existsSync(bin), bin);
  assert.equal(consistency(['--version']).stdout.trim(), pkg.version);
  const check = consistency(['check', 'wallet.consistency']);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /No problems in 1 file\./);
  const explain = consistency(['explain', 'wallet.consistency']);
  assert.equal(explain.status, 0, explain.stderr);
  assert.match(explain.stdout, /wallet_balance/);
  const sim = consistency([
    'simulate',
    'wallet.consistency',
    '--data',
    'wallet_balance',
    '--ops',
    '300',
    '--format',
    'json',
  ]);
  assert.equal(sim.status, 0, sim.stderr);
  assert.equal(JSON.parse(sim.stdout).runs[0].data[0].data, 'wallet_balance');
  // Through npm's link to the bin, each command group found its bundle and left its code cache.
  const caches = readdirSync(join(dir, 'code-cache')).map((f) => f.replace(/-\w+\.bin$/, ''));
  assert.deepEqual(caches.sort(), ['cli-analysis', 'cli-other']);
});

test('SARIF from the installed package links each code to the installed docs/rules.md', () => {
  const r = consistency(['check', 'wallet.consistency', '--format', 'sarif']);
  const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; helpUri: string }[];
  const help = rules.find((x) => x.id === 'lww-on-money')!.helpUri;
  assert.ok(existsSync(fileURLToPath(help.replace(/#.*$/, ''))), help);
});
