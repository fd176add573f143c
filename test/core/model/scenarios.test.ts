// Scenario blocks in the model: names bound, values kept for the simulator, and every problem reported on
// the offending text with its numbers (bad-scenario, unknown-reference, duplicate-property).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { india } from '../../helpers/policies';
import { check, expectDiagnostic, expectNo } from '../../helpers/check-text';

const data = 'data cart {\n  consistency session\n}\ndata balance {\n  consistency strong\n}\n';
const scenario = (body: string) => `${india}${data}scenario s {\n${body}}\n`;
const full =
  '  data cart, balance\n  duration 60s\n  load 8500/s reads 90%\n  clients 2000 in mumbai 60%, delhi 40%\n  fault partition mumbai | delhi, chennai at 10s for 20s\n  fault crash chennai at 30s for 10s\n  fault slow mumbai <-> delhi 3x at 5s for 10s\n  seed 42\n  keys 50\n  timeout 2s\n';

test('a full scenario: data types resolved, values in canonical units, faults in order', () => {
  const a = check(scenario(full));
  assert.deepEqual(
    a.diagnostics.map((d) => d.message),
    [],
  );
  const s = a.model.scenarios.get('s')!;
  assert.deepEqual(
    s.data.map((d) => d.name),
    ['cart', 'balance'],
  );
  assert.deepEqual(
    { durationMs: s.durationMs, load: s.load, clients: s.clients, seed: s.seed, keys: s.keys, timeoutMs: s.timeoutMs },
    {
      durationMs: 60_000,
      load: { perSec: 8500, readsPct: 90 },
      clients: {
        count: 2000,
        regions: [
          { region: 'mumbai', share: 60 },
          { region: 'delhi', share: 40 },
        ],
      },
      seed: 42,
      keys: 50,
      timeoutMs: 2000,
    },
  );
  assert.deepEqual(
    s.faults.map(({ range: _r, ...f }) => f),
    [
      { kind: 'partition', sides: [['mumbai'], ['delhi', 'chennai']], atMs: 10_000, forMs: 20_000 },
      { kind: 'crash', region: 'chennai', atMs: 30_000, forMs: 10_000 },
      { kind: 'slow', a: 'mumbai', b: 'delhi', atMs: 5000, forMs: 10_000, factor: 3 },
    ],
  );
  const refs = a.model.references
    .filter((r) => r.kind === 'data' || r.scope === 'india')
    .filter((r) => a.model.scenarios.get('s')!.decl.range.start <= r.range.start);
  assert.ok(
    refs.every((r) => r.target),
    'every data type and region of the scenario resolves',
  );
});

test('unknown data types and regions are unknown-reference errors with suggestions', () => {
  const [d] = expectDiagnostic(scenario('  data <|carts|>\n'), 'unknown-reference');
  assert.equal(d.message, "Unknown data type 'carts'. Did you mean 'cart'?");
  const [r] = expectDiagnostic(scenario('  data cart\n  fault crash <|chenai|> at 1s for 1s\n'), 'unknown-reference');
  assert.equal(r.message, "Unknown region 'chenai' in topology 'india'. Did you mean 'chennai'?");
});

test('bad-scenario: exact messages on the offending text', () => {
  const msg = (body: string) => expectDiagnostic(scenario(body), 'bad-scenario').map((d) => d.message);
  assert.deepEqual(msg('  data cart\n  duration <|0s|>\n'), ["A scenario's duration must be above 0; got 0s."]);
  assert.deepEqual(msg('  data cart\n  load 10/s reads <|120%|>\n'), [
    'Reads are a share between 0% and 100%; got 120%.',
  ]);
  assert.deepEqual(msg('  data cart\n  seed <|1.5|>\n'), ['A seed is a whole number from 0 to 4294967295; got 1.5.']);
  assert.deepEqual(msg('  data cart\n  keys <|0|>\n'), ['Keys are a whole number from 1 to 1,000,000; got 0.']);
  assert.deepEqual(msg('  data cart\n  timeout <|0ms|>\n'), ['A timeout must be above 0; got 0ms.']);
  assert.deepEqual(msg('  data cart\n  clients <|0|>\n'), ['Clients are a whole number from 1 to 1,000,000; got 0.']);
  assert.deepEqual(msg('  data cart\n  clients 10 in mumbai 60%, <|delhi|>\n'), [
    'Give every region of `clients` a share, or none (even shares).',
  ]);
  assert.deepEqual(msg('  data cart\n  <|clients|> 10 in mumbai 60%, delhi 30%\n'), [
    'Client shares add up to 90%, not 100%; they are scaled to 100%.',
  ]);
  assert.deepEqual(msg('  data cart\n  fault partition mumbai | <|mumbai|> at 1s for 1s\n'), [
    "Region 'mumbai' is on two sides of this partition.",
  ]);
  assert.deepEqual(msg('  data cart\n  fault partition <|mumbai|> at 1s for 1s\n'), [
    'A partition needs at least two sides: `fault partition mumbai | delhi, chennai at … for …`.',
  ]);
  assert.deepEqual(msg('  data cart\n  fault slow mumbai <-> delhi <|0.5x|> at 1s for 1s\n'), [
    'A slow link is at least 1x as slow; got 0.5x (a faster link is not a fault).',
  ]);
  assert.deepEqual(msg('  data cart\n  duration 10s\n  fault crash delhi at <|20s|> for 1s\n'), [
    'This fault starts at 20 s, when the load has already stopped (the scenario runs 10 s); no operation will see it.',
  ]);
  const [noData] = expectDiagnostic(`${india}${data}scenario <|s|> {\n  duration 5s\n}\n`, 'bad-scenario');
  assert.equal(noData.message, "Scenario 's' exercises no data types: add `data <name>, …`.");
});

test('severities: shares that do not add up and late faults are warnings; the rest errors', () => {
  const sev = (body: string) =>
    check(scenario(body))
      .diagnostics.filter((d) => d.code === 'bad-scenario')
      .map((d) => d.severity);
  assert.deepEqual(sev('  data cart\n  clients 10 in mumbai 60%, delhi 30%\n'), ['warning']);
  assert.deepEqual(sev('  data cart\n  fault crash delhi at 20s for 1s\n'), ['warning']);
  assert.deepEqual(sev('  data cart\n  duration 0s\n'), ['error']);
});

test('a property set twice warns, and a second scenario of the same name is a duplicate', () => {
  const [d] = expectDiagnostic(scenario('  data cart\n  seed 1\n  <|seed|> 2\n'), 'duplicate-property');
  assert.equal(d.message, "'seed' is set twice in this scenario; the later value wins.");
  assert.equal(check(scenario('  data cart\n  seed 1\n  seed 2\n')).model.scenarios.get('s')!.seed, 2);
  expectDiagnostic(`${india}${data}scenario s {\n  data cart\n}\nscenario <|s|> {\n  data cart\n}\n`, 'duplicate-name');
  expectNo(
    scenario('  data cart\n  fault crash delhi at 1s for 1s\n  fault crash delhi at 3s for 1s\n'),
    'duplicate-property',
  );
});
