// The built out/cli.cjs is the command line the tests run in-process (test/helpers/cli.ts): the same output
// and exit codes for check (each format), explain and export, and the same simulation results from its
// worker thread as inline. The other CLI tests run `run(argv, ctx)` without a process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, runBundle } from '../helpers/bundle';
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
