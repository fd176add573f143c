// The syntax of what simulations read: scenario blocks, replica work, distributions; soft keywords that
// stay names; a broken scenario line that hides nothing after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { ScenarioDecl, TopologyDecl } from '../../../server/src/core/syntax/ast';

const parse = (text: string) => parseDocument(text, 'file:///s.consistency');

const issueSketch = `scenario big_billion_day {
  data cart, account_balance          // what it exercises
  duration 60s
  load 8500/s  reads 90%              // or the data type's own workload
  clients 2000 in mumbai 60%, delhi 40%
  fault partition mumbai | delhi at 10s for 20s
  fault crash chennai at 30s for 10s
  seed 42
}
`;

test("the issue's scenario parses into its properties, with values in canonical units", () => {
  const doc = parse(issueSketch);
  assert.deepEqual(doc.diagnostics, []);
  const s = doc.ast.declarations[0] as ScenarioDecl;
  assert.equal(s.name?.text, 'big_billion_day');
  const summary = s.body.map((p) => {
    switch (p.kind) {
      case 'data':
        return ['data', p.names.map((n) => n.text)];
      case 'duration':
        return ['duration', p.value?.value];
      case 'load':
        return ['load', p.rate?.value, p.reads?.value];
      case 'clients':
        return ['clients', p.count?.value, p.regions.map((r) => [r.name.text, r.share?.value])];
      case 'fault':
        return [
          'fault',
          p.fault,
          p.fault === 'partition'
            ? p.sides.map((x) => x.map((n) => n.text))
            : p.fault === 'crash'
              ? p.region?.text
              : p.a?.text,
          p.at?.value,
          p.for?.value,
        ];
      case 'visibility':
        return ['visibility', p.points.map((x) => x.value)];
      default:
        return [p.kind, p.value?.value];
    }
  });
  assert.deepEqual(summary, [
    ['data', ['cart', 'account_balance']],
    ['duration', 60_000],
    ['load', 8500, 90],
    [
      'clients',
      2000,
      [
        ['mumbai', 60],
        ['delhi', 40],
      ],
    ],
    ['fault', 'partition', [['mumbai'], ['delhi']], 10_000, 20_000],
    ['fault', 'crash', 'chennai', 30_000, 10_000],
    ['seed', 42],
  ]);
});

test('slow links, multi-region partition sides, keys and timeout', () => {
  const doc = parse(
    'scenario s {\n  fault slow mumbai <-> delhi 3x at 5s for 10s\n  fault slow a <-> b 40ms at 0s for 1s\n  fault partition a, b | c at 1s for 1s\n  keys 10\n  timeout 2s\n}\n',
  );
  assert.deepEqual(doc.diagnostics, []);
  const [slow, slowAdd, part, keys, timeout] = (doc.ast.declarations[0] as ScenarioDecl).body;
  assert.ok(slow.kind === 'fault' && slow.fault === 'slow' && slow.by?.kind === 'multiplier' && slow.by.value === 3);
  assert.ok(
    slowAdd.kind === 'fault' && slowAdd.fault === 'slow' && slowAdd.by?.kind === 'duration' && slowAdd.by.value === 40,
  );
  assert.ok(part.kind === 'fault' && part.fault === 'partition');
  assert.deepEqual(
    part.sides.map((x) => x.map((n) => n.text)),
    [['a', 'b'], ['c']],
  );
  assert.ok(keys.kind === 'keys' && keys.value?.value === 10);
  assert.ok(timeout.kind === 'timeout' && timeout.value?.value === 2000);
});

test('links and replica work take distributions, nested in mixtures, labelled or positional', () => {
  const doc = parse(
    'topology t {\n  link a <-> b lognormal(median 45ms, p99 80ms)\n  replica write mix(0.38 pareto(1.05ms, 1.51), 0.62 exponential(mean 5.5ms))\n  replica ack 1ms\n}\n',
  );
  assert.deepEqual(doc.diagnostics, []);
  const t = doc.ast.declarations[0] as TopologyDecl;
  const link = t.links[0];
  assert.equal(link.rtt, undefined);
  assert.deepEqual(
    link.dist?.args.map((a) => [a.label?.text, a.value?.value]),
    [
      ['median', 45],
      ['p99', 80],
    ],
  );
  const [write, ack] = t.work;
  assert.equal(write.op?.text, 'write');
  assert.deepEqual(
    write.dist?.args.map((a) => [a.value?.value, a.dist?.name.text, a.dist?.args.map((x) => x.value?.value)]),
    [
      [0.38, 'pareto', [1.05, 1.51]],
      [0.62, 'exponential', [5.5]],
    ],
  );
  assert.equal(ack.op?.text, 'ack');
  assert.equal(ack.fixed?.value, 1);
});

test('scenario words stay usable as names: condition fields, data types, regions', () => {
  const doc = parse(
    'topology in {\n  region at\n  region for\n  link at <-> for 3ms\n}\ndata seed {\n  consistency eventual\n  when load > 2x { consistency eventual }\n}\nscenario load {\n  data seed\n  fault crash at at 1s for 1s\n}\n',
  );
  assert.deepEqual(
    doc.diagnostics.map((d) => d.message),
    [],
  );
  const s = doc.ast.declarations[2] as ScenarioDecl;
  assert.equal(s.name?.text, 'load');
  const crash = s.body[1];
  assert.ok(
    crash.kind === 'fault' && crash.fault === 'crash' && crash.region?.text === 'at' && crash.at?.value === 1000,
  );
});

test('a broken scenario line is reported where it is, and the declarations after it still parse', () => {
  const doc = parse(
    'scenario s {\n  duration 60s\n  fault partition mumbai at 10s\n  seed 42\n}\ndata x {\n  consistency strong\n}\n',
  );
  assert.deepEqual(
    doc.diagnostics.map((d) => [d.code, d.message]),
    [['syntax-error', "Expected 'for' but found 'seed'."]],
  );
  assert.deepEqual(
    doc.ast.declarations.map((d) => d.kind),
    ['scenario', 'data'],
  );
  assert.deepEqual(
    (doc.ast.declarations[0] as ScenarioDecl).body.map((p) => p.kind),
    ['duration', 'fault', 'seed'],
  );
});
