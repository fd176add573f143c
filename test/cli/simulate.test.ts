// End-to-end tests of `consistency simulate` on the built CLI (out/cli.cjs, built once by run-tests.mjs):
// exit codes, the table, JSON determinism, the Jepsen-style history file and the usage errors.
import { bundle, runBundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POLICY = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 45ms
}
data sess { topology india consistency session }
data acct { topology india consistency strong replication sync conflict abort }
`;

let dir = '';

const cli = (...args: string[]) => runBundle('cli', args, dir, { NO_COLOR: undefined });

before(() => {
  bundle('cli');
  dir = mkdtempSync(join(tmpdir(), 'consistency-simulate-'));
  writeFileSync(join(dir, 'p.consistency'), POLICY);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('consistency simulate', () => {
  test('a table per data type, assumptions and seed; exit 0; no progress bar when stderr is not a terminal', () => {
    const r = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '5');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^sess — session, async \(5 replicas\)/);
    assert.match(r.stdout, /\nacct — strong \(linearizable\), sync \(5 replicas\)/);
    assert.equal(r.stdout.match(/^operation +ops +ok +fail +info +p50 +p99 +p99\.9 +max +throughput$/gm)?.length, 2);
    assert.equal(r.stdout.match(/^guarantee +promised +violations$/gm)?.length, 2);
    assert.match(r.stdout, /^read +\d+ +\d+ +0 +0 +[\d.]+ ms/m);
    assert.match(r.stdout, /availability 100%/);
    assert.match(r.stdout, /cost actuals \(india-2024\): ₹[\d.,]+( lakh| crore)?\/month at [\d.]+ ops\/s/);
    assert.match(r.stdout, /\nAssumptions:\n +1\. /);
    assert.ok(r.stdout.endsWith('\nSeed: 5\n'), r.stdout.slice(-100));
  });

  test('a session data type shows zero read-your-writes violations', () => {
    const r = cli('simulate', 'p.consistency', '--data', 'sess', '--ops', '300');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^read-your-writes +yes +0$/m);
    assert.doesNotMatch(r.stdout, /^acct/m);
    const j = JSON.parse(cli('simulate', 'p.consistency', '--data', 'sess', '--ops', '300', '--json').stdout);
    assert.equal(j.runs.length, 1);
    const d = j.runs[0].data[0];
    assert.equal(d.data, 'sess');
    assert.ok(d.anomalies.reads > 0);
    assert.equal(d.anomalies.promised.readYourWrites, true);
    assert.equal(d.anomalies.counts.readYourWrites, 0);
  });

  test('--json: the same seed gives byte-identical output, another seed differs', () => {
    const a = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '42', '--json');
    const b = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '42', '--json');
    const c = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '43', '--json');
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.notEqual(a.stdout, c.stdout);
    const j = JSON.parse(a.stdout);
    assert.equal(j.schema, 'consistency-simulate/1');
    assert.equal(j.seed, 42);
    assert.deepEqual(j.runs.map((r: { data: { data: string }[] }) => r.data[0].data), ['sess', 'acct']);
    assert.equal(j.runs[1].data[0].anomalies.counts.staleReads, 0);
  });

  test('--history writes Jepsen-style JSON lines', () => {
    const r = cli('simulate', 'p.consistency', '--ops', '200', '--history', 'out.jsonl');
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n');
    assert.ok(lines.length > 100, String(lines.length));
    const types = new Set<string>();
    for (const line of lines) {
      const e = JSON.parse(line) as { type: string; process: number; f: string; time: number; value: unknown[] };
      assert.ok(['invoke', 'ok', 'fail', 'info'].includes(e.type), line);
      assert.equal(typeof e.process, 'number', line);
      assert.ok(['read', 'add'].includes(e.f), line);
      assert.equal(typeof e.time, 'number', line);
      assert.ok(Array.isArray(e.value), line);
      types.add(e.type);
    }
    assert.ok(types.has('invoke') && types.has('ok'));
  });

  test('usage errors: exit 2 with a message on stderr', () => {
    const unknown = cli('simulate', 'p.consistency', '--data', 'sesss');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /unknown data type 'sesss'\. Did you mean 'sess'\?/);
    for (const args of [
      ['simulate'],
      ['simulate', 'p.consistency', 'p.consistency'],
      ['simulate', 'missing.consistency'],
      ['simulate', 'p.consistency', '--seed', 'x'],
      ['simulate', 'p.consistency', '--ops', '0'],
      ['simulate', 'p.consistency', '--jsn'],
      ['simulate', 'p.consistency', '--history', '.'],
    ]) {
      const r = cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^consistency: /, args.join(' '));
    }
    assert.match(cli('simulate', 'p.consistency', '--jsn').stderr, /Did you mean '--json'\?/);
    assert.match(cli('simulat', 'p.consistency').stderr, /Did you mean 'simulate'\?/);
  });

  test('help', () => {
    const r = cli('help', 'simulate');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: consistency simulate \[options\] <file>/);
    assert.match(cli('--help').stdout, /simulate <file>/);
  });
});
