// The built out/cli.cjs is the command line the tests run in-process (test/helpers/cli.ts): the same output
// and exit codes for check (each format), explain and export, and the same simulation results from its
// worker thread as inline. The other CLI tests run `run(argv, ctx)` without a process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, ROOT, runBundle } from '../helpers/bundle';
import { runCli } from '../helpers/cli';

const clean = 'samples/clean/upi-wallet.consistency';
const broken = 'samples/contradictions';

for (const args of [
  ['--version'],
  ['check', clean],
  ['check', broken, '--format', 'json'],
  ['check', broken, '--format', 'sarif'],
  ['explain', clean, '--format', 'json'],
  ['export', clean, '-o', '-'],
  ['simulate', clean, '--data', 'wallet_balance', '--ops', '2000', '--format', 'json'],
  ['check', '--no-such-option'],
]) {
  test(`consistency ${args.join(' ')}: the bundle answers as run() does`, () => {
    const env = { NO_COLOR: '1' };
    const bundled = runBundle('cli', args, ROOT, env);
    const inProcess = runCli(args, ROOT, env);
    assert.equal(bundled.code, inProcess.code, bundled.stderr);
    assert.equal(bundled.stdout, inProcess.stdout);
    assert.equal(bundled.stderr, inProcess.stderr);
  });
}

test('a check and an explain load only their own group: the simulator and exporter bundle is not needed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-groups-'));
  try {
    for (const b of ['cli', 'cli-analysis']) copyFileSync(bundle(b), join(dir, `${b}.cjs`));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'cli.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', env: {} });
    const check = run('check', broken, '--format', 'json');
    assert.equal(check.status, 1, check.stderr);
    // The same findings as run() (the tool's version differs: no package.json beside the copies).
    const inProcess = runCli(['check', broken, '--format', 'json'], ROOT, { NO_COLOR: '1' }).stdout;
    const findings = (out: string) => JSON.stringify(JSON.parse(out).diagnostics);
    assert.ok(findings(check.stdout) === findings(inProcess), 'the same diagnostics as run()');
    assert.equal(run('explain', clean).status, 0);
    // The dispatcher holds neither group; without the other group's bundle, simulate cannot start.
    const dispatcher = readFileSync(bundle('cli'), 'utf8'); // esbuild marks each module with its path
    for (const m of ['core/pipeline.ts', 'core/simulate/', 'core/export/', 'cli/commands/'])
      assert.ok(!dispatcher.includes(`// server/src/${m}`), `out/cli.cjs holds ${m}`);
    const simulate = run('simulate', clean, '--ops', '100');
    assert.equal(simulate.status, 3);
    assert.match(simulate.stderr, /cli-other\.cjs/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
