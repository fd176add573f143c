// Completion by position: declarations, properties allowed in the block, levels, references, values, units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { completion } from '../../server/src/service/completion';
import { fixture } from './helpers';

const labels = (marked: string, extra: { uri: string; text: string }[] = []) => {
  const f = fixture(marked, extra);
  return completion(f.s, f.uri, f.at()).items.map((i) => i.label);
};

const dataProps = [
  'topology',
  'tier',
  'consistency',
  'replication',
  'latency',
  'availability',
  'partition',
  'conflict',
  'workload',
  'budget',
  'staleness',
  'category',
  'primary',
  'sessions',
  'money',
  'when',
  'degrade',
];
const levels = [
  'strict_serializable',
  'linearizable',
  'strong',
  'sequential',
  'regional',
  'causal',
  'session',
  'bounded',
  'read_your_writes',
  'monotonic_reads',
  'monotonic_writes',
  'writes_follow_reads',
  'consistent_prefix',
  'eventual',
  'weak',
];

test('top level: one snippet per declaration, whatever precedes', () => {
  const decls = [
    'import',
    'policy',
    'currency',
    'profile',
    'store',
    'topology',
    'tier',
    'data',
    'transaction',
    'scenario',
  ];
  assert.deepEqual(labels('<|>'), decls);
  assert.deepEqual(labels('currency INR\n<|>'), decls);
  assert.deepEqual(labels('data x {\n  consistency strong\n}\nda<|>'), decls);
  const f = fixture('da<|>');
  const data = completion(f.s, f.uri, f.at()).items.find((i) => i.label === 'data')!;
  assert.equal(data.kind, CompletionItemKind.Snippet);
  assert.equal(data.insertTextFormat, InsertTextFormat.Snippet);
  assert.deepEqual(data.textEdit, {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
    newText: `data \${1:name} {\n\tconsistency \${2|${levels.filter((l) => l !== 'strong').join(',')}|}\n\t$0\n}`,
  });
});

test('in a block: the properties that block allows', () => {
  assert.deepEqual(labels('data x {\n  <|>\n}'), dataProps);
  assert.deepEqual(labels('data x {\n  consistency strong\n  <|>\n}'), dataProps);
  assert.deepEqual(labels('tier t {\n  <|>\n}'), [
    'consistency',
    'replication',
    'latency',
    'availability',
    'partition',
    'conflict',
    'staleness',
    'category',
    'sessions',
    'money',
    'applies',
  ]);
  assert.deepEqual(labels('data x {\n  when amount >= 1 lakh {\n    <|>\n  }\n}'), [
    'tier',
    'consistency',
    'replication',
    'latency',
    'availability',
    'partition',
    'conflict',
    'staleness',
    'category',
    'sessions',
    'money',
  ]);
  assert.deepEqual(labels('topology t {\n  <|>\n}'), ['region', 'link', 'replica']);
  assert.deepEqual(labels('topology t {\n  region a { <|> }\n}'), [
    'replicas',
    'primary',
    'city',
    'rtt',
    'coordinates',
  ]);
});

test('in a block after a syntax error earlier in the declaration: still the properties', () => {
  assert.deepEqual(labels('data x {\n  latency write p99 <= )\n  <|>\n}'), dataProps);
  assert.deepEqual(labels('data x {\n  latency write p99 <= )\n  consistency <|>\n}'), levels);
  assert.deepEqual(labels('topology t {\n  region a { replicas ) }\n  <|>\n}'), ['region', 'link', 'replica']);
  assert.deepEqual(labels('topology t {\n  region a { replicas )\n    <|> }\n}'), [
    'replicas',
    'primary',
    'city',
    'rtt',
    'coordinates',
  ]);
});

test('scenarios: their properties, data types, regions of those data types, fault kinds, units', () => {
  const topo =
    'topology t {\n  region a\n  region b\n  link a <-> b 4ms\n}\ntopology u {\n  region c\n}\ndata x {\n  consistency strong\n}\ndata y {\n  topology t\n  consistency eventual\n}\n';
  assert.deepEqual(labels('scenario s {\n  <|>\n}'), [
    'data',
    'duration',
    'load',
    'clients',
    'fault',
    'seed',
    'keys',
    'timeout',
    'election',
    'visibility',
  ]);
  assert.deepEqual(labels('scenario s {\n  duration 5s\n  <|>\n}'), [
    'data',
    'duration',
    'load',
    'clients',
    'fault',
    'seed',
    'keys',
    'timeout',
    'election',
    'visibility',
  ]);
  assert.deepEqual(labels(`${topo}scenario s {\n  data <|>\n}`), ['x', 'y']);
  assert.deepEqual(labels(`${topo}scenario s {\n  data y\n  clients 10 in <|>\n}`), ['a', 'b']);
  assert.deepEqual(labels(`${topo}scenario s {\n  data y\n  fault <|>\n}`), ['partition', 'crash', 'slow']);
  assert.deepEqual(labels(`${topo}scenario s {\n  data y\n  fault partition a | <|>\n}`), ['a', 'b']);
  assert.deepEqual(labels('scenario s {\n  duration 10<|>\n}'), ['ms', 's', 'min']);
  assert.deepEqual(labels('scenario s {\n  load 10<|>\n}'), ['M/day', 'lakh/day', 'crore/day', 'B/month', '/s', 'k/s']);
  assert.deepEqual(labels('data x {\n  when <|>\n}'), ['amount', 'load'], '`load` stays a condition field');
});

test("distributions after a link's ends and after `replica <work>`; replica work after `replica`", () => {
  const dists = ['fixed', 'uniform', 'normal', 'lognormal', 'exponential', 'pareto', 'mix'];
  assert.deepEqual(labels('topology t {\n  link a <-> b <|>\n}'), dists);
  assert.deepEqual(labels('topology t {\n  replica <|>\n}'), [
    'write',
    'read',
    'ack',
    'response',
    'service',
    'capacity',
  ]);
  assert.deepEqual(labels('topology t {\n  replica ack <|>\n}'), dists);
  const f = fixture('topology t {\n  replica ack log<|>\n}');
  const item = completion(f.s, f.uri, f.at()).items.find((i) => i.label === 'lognormal')!;
  assert.equal(item.detail, 'lognormal(median, p99)');
  assert.deepEqual(item.textEdit, {
    range: { start: { line: 1, character: 14 }, end: { line: 1, character: 17 } },
    newText: 'lognormal($1)',
  });
});

test('level names after `consistency` and `degrade to`; guarantees inside session(…)', () => {
  assert.deepEqual(labels('data x {\n  consistency <|>\n}'), levels);
  assert.deepEqual(labels('data x {\n  consistency ses<|>\n}'), levels);
  assert.deepEqual(labels('data x {\n  consistency strong\n  degrade to <|>\n}'), levels);
  assert.deepEqual(labels('data x {\n  consistency session(<|>)\n}'), [
    'read_your_writes',
    'monotonic_reads',
    'monotonic_writes',
    'writes_follow_reads',
  ]);
  const f = fixture('data x {\n  consistency ses<|>\n}');
  const item = completion(f.s, f.uri, f.at()).items.find((i) => i.label === 'session')!;
  assert.deepEqual(item.textEdit, {
    range: { start: { line: 1, character: 14 }, end: { line: 1, character: 17 } },
    newText: 'session',
  });
  assert.equal(
    item.documentation,
    'Within one session: read-your-writes, monotonic reads, monotonic writes, writes-follow-reads.',
  );
});

test('declared names where a reference goes: tiers (qualified), topologies, regions, data types', () => {
  const topo = {
    uri: 'file:///topo.consistency',
    text: 'topology paytm {\n  region mumbai\n  region delhi\n  link mumbai <-> delhi 45ms\n}\ntopology other {\n  region pune\n}\n',
  };
  assert.deepEqual(labels('tier team.core {\n  consistency strong\n}\ndata x {\n  tier <|>\n}'), [
    'rbi.high_value',
    'rbi.upi',
    'rbi.balance_query',
    'rbi.statement',
    'rbi.interest',
    'team.core',
  ]);
  const f = fixture('data x {\n  tier rbi.u<|>\n}');
  const upi = completion(f.s, f.uri, f.at()).items.find((i) => i.label === 'rbi.upi')!;
  assert.deepEqual((upi.textEdit as TextEdit).range, {
    start: { line: 1, character: 7 },
    end: { line: 1, character: 12 },
  });
  assert.equal(upi.detail, 'built-in tier');
  const imp = 'import "topo.consistency"\n';
  assert.deepEqual(labels(`${imp}data x {\n  topology <|>\n}`, [topo]), ['paytm', 'other']);
  assert.deepEqual(labels(`${imp}data x {\n  topology paytm\n  primary <|>\n}`, [topo]), ['mumbai', 'delhi']);
  assert.deepEqual(labels(`${imp}data x {\n  topology paytm\n  primary mumbai, <|>\n}`, [topo]), ['mumbai', 'delhi']);
  // A file that does not import topo.consistency does not see its topologies.
  assert.deepEqual(labels('data x {\n  topology <|>\n}', [topo]), []);
  assert.deepEqual(labels('topology t {\n  region a\n  region b\n  link a <-> <|>\n}'), ['a', 'b']);
  assert.deepEqual(labels('data a {\n}\ndata b {\n}\ntransaction t { a, <|> }'), ['a', 'b']);
});

test('closed sets: replication, conflict strategies and variants, percentiles, currencies, profiles, fields', () => {
  assert.deepEqual(labels('data x {\n  replication <|>\n}'), ['quorum', 'sync', 'async']);
  assert.deepEqual(labels('data x {\n  conflict <|>\n}'), [
    'abort',
    'last_writer_wins',
    'merge',
    'highest_sequence',
    'lowest_amount',
    'manual',
    'keep_all_versions',
  ]);
  assert.deepEqual(labels('data x {\n  conflict merge <|>\n}'), ['union', 'sum', ...dataProps]);
  assert.deepEqual(labels('data x {\n  latency write <|>\n}'), ['p50', 'p95', 'p99', 'p99.9', 'avg']);
  assert.deepEqual(labels('data x {\n  latency write p99 <|>\n}'), ['<=', '>=', '==', '!=', '<', '>']);
  assert.deepEqual(labels('currency <|>'), ['INR', 'USD']);
  assert.deepEqual(labels('profile <|>'), ['india-2024', 'cloud-generic-2024', 'vendors-2026']);
  assert.deepEqual(labels('data x {\n  when <|>\n}'), ['amount', 'load']);
  assert.deepEqual(labels('data x {\n  partition prefer <|>\n}'), ['consistency', 'availability']);
  assert.deepEqual(labels('data x {\n  sessions <|>\n}'), ['sticky', 'roaming']);
  assert.deepEqual(labels('data x {\n  conflict last_writer_wins <|>\n}').slice(0, 2), ['physical', 'logical']);
});

test('units after a number, by property; nothing else when the cursor touches the number', () => {
  assert.deepEqual(labels('data x {\n  latency write p99 <= 200<|>\n}'), ['ms', 's', 'min']);
  assert.deepEqual(labels('data x {\n  availability >= 99.9<|>\n}'), ['%']);
  assert.deepEqual(labels('data x {\n  budget <= 12<|>\n}'), ['lakh/month', 'crore/month', 'k/month', '/month']);
  assert.deepEqual(labels('data x {\n  workload 35<|>\n}'), ['M/day', 'lakh/day', 'crore/day', 'B/month', '/s', 'k/s']);
  assert.deepEqual(labels('data x {\n  workload 35M/day reads 80<|>\n}'), ['%']);
  assert.deepEqual(labels('data x {\n  when amount >= 1<|> {\n  }\n}'), ['lakh', 'crore', 'k', 'x']);
  assert.deepEqual(labels('data x {\n  consistency bounded(2<|>)\n}'), ['s', 'ms', 'versions']);
  assert.deepEqual(labels('topology t {\n  region a\n  region b\n  link a <-> b 45<|>\n}'), ['ms', 's', 'min']);
  const f = fixture('data x {\n  staleness <= 2<|>\n}');
  const s = completion(f.s, f.uri, f.at()).items.find((i) => i.label === 's')!;
  assert.equal(s.kind, CompletionItemKind.Unit);
  assert.deepEqual(s.textEdit, {
    range: { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } },
    newText: 's',
  });
});

test('nothing inside comments and strings', () => {
  assert.deepEqual(labels('// data <|>\n'), []);
  assert.deepEqual(labels('/* <|> */\n'), []);
  assert.deepEqual(labels('policy "a <|>"\n'), []);
});

test('store: offers the systems the driver mappings know', () => {
  assert.deepEqual(labels('store <|>'), [
    'cassandra',
    'scylladb',
    'postgres',
    'postgresql',
    'mongodb',
    'dynamodb',
    'cosmos',
    'cosmosdb',
  ]);
  assert.deepEqual(labels('store postgres, <|>'), [
    'cassandra',
    'scylladb',
    'postgres',
    'postgresql',
    'mongodb',
    'dynamodb',
    'cosmos',
    'cosmosdb',
  ]);
});

test('names spelt like keywords do not confuse completion', () => {
  assert.deepEqual(labels('data profile {\n  <|>\n}'), dataProps);
  assert.deepEqual(labels('data a {\n}\ndata store {\n}\ntransaction data { <|> }'), ['a', 'store']);
});

test('inside an import: the other policy files, as paths relative to this one', () => {
  const f = fixture('import "<|>"\n', [
    { uri: 'file:///shared/aws.consistency', text: 'topology aws { region us-east-1 }\n' },
  ]);
  const items = completion(f.s, f.uri, f.at()).items;
  assert.deepEqual(
    items.map((i) => i.label),
    ['shared/aws.consistency'],
  );
  assert.deepEqual((items[0].textEdit as TextEdit).range, {
    start: { line: 0, character: 8 },
    end: { line: 0, character: 8 },
  });
});

test('a fractional or junk position (a misbehaving client) is rounded down: never a NaN (`character: null`)', () => {
  const f = fixture('data x {\n  consistency str<|>\n}\n');
  const at = f.at();
  const whole = completion(f.s, f.uri, at);
  const fractional = completion(f.s, f.uri, { line: at.line + 0.5, character: at.character + 0.7 });
  assert.deepEqual(fractional, whole);
  for (const p of [
    { line: 0.25, character: 1.5 },
    { line: Number.NaN, character: 3 },
    { line: -1.5, character: -2 },
  ]) {
    const json = JSON.stringify(completion(f.s, f.uri, p));
    assert.doesNotMatch(json, /null|NaN/, JSON.stringify(p));
  }
});
