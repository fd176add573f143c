// End-to-end tests of `consistency simulate` on the built CLI (out/cli.cjs, built once by run-tests.mjs):
// exit codes, the table, JSON determinism, the Jepsen-style history file, scenario blocks and the usage errors.
import { runCli } from '../helpers/cli';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { twoRegionPolicy } from '../helpers/policies';

const POLICY = twoRegionPolicy;

const SCENARIO = `${POLICY}scenario rush {
  data sess, acct
  duration 2s
  load 300/s reads 80%
  clients 40 in mumbai 75%, delhi 25%
  fault partition mumbai | delhi at 500ms for 1s
  seed 42
}
scenario calm {
  data sess
  duration 1s
}
`;

let dir = '';

const cli = (...args: string[]) => runCli(args, dir, { NO_COLOR: undefined });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'consistency-simulate-'));
  writeFileSync(join(dir, 'p.consistency'), POLICY);
  writeFileSync(join(dir, 's.consistency'), SCENARIO);
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('consistency simulate', () => {
  test('a table per data type, assumptions and seed; exit 0; no progress bar when stderr is not a terminal', () => {
    const r = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '5');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^sess — session, async \(5 replicas\)/);
    assert.match(r.stdout, /\nacct — strong \(linearizable\), sync \(5 replicas\)/);
    assert.equal(
      r.stdout.match(/^operation +offered +ok +fail +info +shed +p50 +p99 +p99\.9 +max +ok\/s$/gm)?.length,
      2,
    );
    assert.equal(r.stdout.match(/^check +promised +verdict +violations +judged over$/gm)?.length, 2);
    assert.match(r.stdout, /^read +\d+ +\d+ +0 +0 +0 +[\d.]+ ms/m);
    assert.match(r.stdout, /availability 100%/);
    const flat = r.stdout.replace(/\s+/g, ' ');
    assert.match(
      flat,
      /cost actuals \(india-2024\): simulated [\d.,]+ ops\/s \([\d.]+% reads\) held for a month ≈ ₹[\d.,]+( lakh| crore)?\/month; the estimate prices the declared workload/,
    );
    assert.match(r.stdout, /\nAssumptions\n {2}every run:\n {4}- /);
    assert.ok(
      r.stdout.endsWith('\nSimulated 2 data types in 2 runs; every promise held (seed 5).\n'),
      r.stdout.slice(-100),
    );
    for (const line of r.stdout.split('\n')) assert.ok([...line].length <= 100, line);
  });

  test('a session data type shows zero read-your-writes violations', () => {
    const r = cli('simulate', 'p.consistency', '--data', 'sess', '--ops', '300');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^read-your-writes +yes +ok +0 +[\d,]+ reads$/m);
    assert.doesNotMatch(r.stdout, /^acct/m);
    const j = JSON.parse(cli('simulate', 'p.consistency', '--data', 'sess', '--ops', '300', '--json').stdout);
    assert.equal(j.runs.length, 1);
    const d = j.runs[0].data[0];
    assert.equal(d.data, 'sess');
    const ryw = d.checks.find((c: { check: string }) => c.check === 'read-your-writes');
    assert.ok(d.staleness.reads > 0);
    assert.equal(ryw.promised, true);
    assert.equal(ryw.violations, 0);
  });

  test('--json: the same seed gives byte-identical output, another seed differs', () => {
    const a = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '42', '--json');
    const b = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '42', '--json');
    const c = cli('simulate', 'p.consistency', '--ops', '200', '--seed', '43', '--json');
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.notEqual(a.stdout, c.stdout);
    const j = JSON.parse(a.stdout);
    assert.equal(j.schema, 'consistency-simulate/2');
    assert.equal(j.seed, 42);
    assert.deepEqual(
      j.runs.map((r: { data: { data: string }[] }) => r.data[0].data),
      ['sess', 'acct'],
    );
    assert.equal(j.runs[1].data[0].staleness.staleReads, 0);
  });

  test('--history writes Jepsen-style JSON lines', () => {
    const r = cli('simulate', 'p.consistency', '--ops', '200', '--history', 'out.jsonl');
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n');
    assert.ok(lines.length > 100, String(lines.length));
    const types = new Set<string>();
    const headers = lines.filter((l) => JSON.parse(l).type === 'header').map((l) => JSON.parse(l));
    assert.deepEqual(
      headers.map((h) => [h.format, h.data.map((d: { name: string }) => d.name)]),
      [
        ['consistency-history/1', ['sess']],
        ['consistency-history/1', ['acct']],
      ],
      'one header per run',
    );
    for (const line of lines.filter((l) => JSON.parse(l).type !== 'header')) {
      const e = JSON.parse(line) as { type: string; process: number; f: string; time: number; value: unknown[] };
      assert.ok(['invoke', 'ok', 'fail', 'info'].includes(e.type), line);
      assert.equal(typeof e.process, 'number', line);
      assert.ok(['read', 'write', 'add'].includes(e.f), line);
      assert.equal(typeof e.time, 'number', line);
      assert.ok(Array.isArray(e.value), line);
      types.add(e.type);
    }
    assert.ok(types.has('invoke') && types.has('ok'));
  });

  test('--scenario runs a declared scenario block with its own seed; the same seed gives the same bytes', () => {
    const a = cli('simulate', 's.consistency', '--scenario', 'rush', '--json');
    const b = cli('simulate', 's.consistency', '--scenario', 'rush', '--json');
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    const j = JSON.parse(a.stdout);
    assert.equal(j.seed, null);
    assert.equal(j.runs.length, 1);
    const sc = j.runs[0].scenario;
    assert.deepEqual(
      {
        name: sc.name,
        seed: sc.seed,
        durationMs: sc.durationMs,
        loadPerSec: sc.loadPerSec,
        clients: sc.clients,
        faults: sc.faults,
      },
      {
        name: 'rush',
        seed: 42,
        durationMs: 2000,
        loadPerSec: 300,
        clients: 40,
        faults: ['partition mumbai | delhi at 0.5s for 1s'],
      },
    );
    assert.deepEqual(
      j.runs[0].data.map((d: { data: string }) => d.data),
      ['sess', 'acct'],
    );
    assert.equal(j.runs[0].data[1].staleness.staleReads, 0);
    const seeded = cli('simulate', 's.consistency', '--scenario', 'rush', '--json', '--seed', '9');
    assert.equal(JSON.parse(seeded.stdout).runs[0].scenario.seed, 9);
    assert.notEqual(seeded.stdout, a.stdout);
    const table = cli('simulate', 's.consistency', '--scenario', 'rush');
    assert.match(
      table.stdout,
      /^Scenario rush — 300 ops\/s for 2 s, 40 clients, seed 42\n  fault partition mumbai \| delhi at 0\.5s for 1s\n\nsess — session/,
    );
    assert.ok(table.stdout.endsWith(' (seed 42).\n'), table.stdout.slice(-100));
  });

  test('without --scenario or --data: every scenario, then every data type; seeds listed when they differ', () => {
    const r = cli('simulate', 's.consistency', '--ops', '200', '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).runs.map((x: { scenario: { name: string } }) => x.scenario.name),
      ['rush', 'calm', 'sess (default)', 'acct (default)'],
    );
    const both = cli('simulate', 's.consistency', '--scenario', 'calm', '--data', 'acct', '--ops', '200');
    assert.equal(both.code, 0, both.stderr);
    assert.match(both.stdout, /^Scenario calm — /);
    assert.ok(both.stdout.endsWith(' (seed 1).\n'), both.stdout.slice(-100));
    const mixed = cli('simulate', 's.consistency', '--scenario', 'calm', '--scenario', 'rush', '--ops', '200');
    assert.ok(mixed.stdout.endsWith(' (seeds rush 42, calm 1).\n'), mixed.stdout.slice(-100));
  });

  test('an unknown scenario: exit 2, did you mean, and the scenarios there are', () => {
    const r = cli('simulate', 's.consistency', '--scenario', 'rusj');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      "consistency: --scenario: unknown scenario 'rusj'. Did you mean 'rush'? Scenarios in s.consistency: rush, calm.\n",
    );
    assert.equal(
      cli('simulate', 'p.consistency', '--scenario', 'rush').stderr,
      "consistency: --scenario: unknown scenario 'rush'. p.consistency declares no scenarios.\n",
    );
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
    assert.match(r.stdout, /^  --scenario <name> +run this declared scenario block \(repeatable\)$/m);
    assert.match(r.stdout, /130 stopped by Ctrl-C\.\n$/);
    assert.match(cli('--help').stdout, /simulate <file>/);
  });
});
