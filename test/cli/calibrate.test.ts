// `consistency calibrate`: the built command line on a CSV of milliseconds and on HdrHistogram output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

let dir = '';
const cli = (...args: string[]) => runCli(args, dir, { NO_COLOR: '1' });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-calibrate-'));
  let s = 7;
  const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows = Array.from({ length: 5000 }, () =>
    u() < 0.38 ? 1.05 / Math.pow(1 - u(), 1 / 1.51) : -5.46 * Math.log(1 - u()),
  );
  writeFileSync(join(dir, 'writes.csv'), ['ms', ...rows.map((x) => x.toFixed(4))].join('\n'));
  writeFileSync(join(dir, 'few.csv'), '1\n1\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('prints the best fit as a replica line, the others as comments, each with its error', () => {
  const r = cli('calibrate', 'writes.csv', '--replica', 'write');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^\/\/ 5000 samples from writes\.csv; \d+ quantiles fitted$/);
  assert.match(
    lines[1],
    /^replica write mix\(0\.\d+ pareto\([\d.]+ms, [\d.]+\), 0\.\d+ exponential\(mean [\d.]+ms\)\)  \/\/ pareto-exponential mix: mean quantile error/,
  );
  assert.equal(lines.filter((l) => l.startsWith('// replica write ')).length, 2);
});

test('a profile key gets a source; a link gets both ends; bad options are usage errors', () => {
  assert.match(
    cli('calibrate', 'writes.csv', '--profile', 'postgres.write-service').stdout,
    /\npostgres\.write-service .* source "calibrated from writes\.csv"/,
  );
  assert.match(cli('calibrate', 'writes.csv', '--link', 'mumbai,delhi').stdout, /\nlink mumbai <-> delhi /);
  assert.equal(cli('calibrate', 'writes.csv', '--replica', 'fsync').code, 2);
  assert.equal(cli('calibrate', 'writes.csv', '--profile', 'postgres.fsync').code, 2);
  assert.equal(cli('calibrate', 'missing.csv').code, 2);
  const few = cli('calibrate', 'few.csv');
  assert.equal(few.code, 1);
  assert.match(few.stderr, /at least 3 distinct quantiles/);
});

test('only a regular file is read: /dev/zero is refused with the reason, not read until memory runs out', () => {
  const r = cli('calibrate', '/dev/zero');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /not reading \/dev\/zero: it is a character device, not a regular file\./);
});
