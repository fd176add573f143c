// Parser: the language sketch of the issue parses into the expected AST, and syntax errors carry exact
// messages and ranges (including "Did you mean" fixes for misspelt keywords).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type {
  DataDecl,
  Declaration,
  TierDecl,
  TopologyDecl,
  TransactionDecl,
} from '../../../server/src/core/syntax/ast';
import { markers } from '../../helpers/check-text';

const sketch = `// comments: // line and /* block */
policy "SBI core banking"
currency INR
profile india-2024

topology india {
  region mumbai  { replicas 3  primary }
  region delhi   { replicas 2 city new_delhi }
  region chennai { replicas 2 coordinates 13.08, 80.27 }
  link mumbai <-> delhi   45ms jitter 5ms
  link mumbai <-> chennai 35ms
  link delhi  <-> chennai 65ms
}

tier rbi.high_value_local {
  applies when amount >= 1 lakh
  consistency strong
  latency write p99 <= 3s
  availability >= 99.99%
}

data account_balance {
  topology india
  tier rbi.high_value_local
  consistency linearizable
  replication quorum write 2 read 2
  latency read p99 <= 200ms
  availability >= 99.99%
  partition prefer consistency
  conflict merge union
  workload 35M/day reads 80% peak 8500/s
  budget <= 12 lakh/month
  category banking
  primary mumbai, delhi
}

data fund_transfer {
  consistency bounded(2s)
  staleness <= 30s
  when amount >= 1 lakh and channel == upi { tier rbi.high_value  consistency strong }
  degrade to session(read_your_writes, monotonic_reads) when load > 5x
}

transaction transfer { account_balance, fund_transfer }
`;

const byKind = <K extends Declaration['kind']>(ds: Declaration[], kind: K) =>
  ds.filter((d) => d.kind === kind) as Extract<Declaration, { kind: K }>[];

test('the issue sketch parses without diagnostics into the expected declarations', () => {
  const doc = parseDocument(sketch, 'u');
  assert.deepEqual(doc.diagnostics, []);
  const ds = doc.ast.declarations;
  assert.deepEqual(
    ds.map((d) => d.kind),
    ['policy', 'currency', 'profile', 'topology', 'tier', 'data', 'data', 'transaction'],
  );
  assert.equal(byKind(ds, 'policy')[0].title?.value, 'SBI core banking');
  assert.equal(byKind(ds, 'currency')[0].value?.text, 'INR');
  assert.equal(byKind(ds, 'profile')[0].value?.text, 'india-2024');
  assert.equal(doc.comments.length, 1);
});

test('topology: regions with replicas, primary, city and coordinates; links with round trip and jitter', () => {
  const topo = parseDocument(sketch, 'u').ast.declarations[3] as TopologyDecl;
  assert.equal(topo.name?.text, 'india');
  assert.deepEqual(
    topo.regions.map((r) => [r.name?.text, r.replicas?.value, !!r.primary]),
    [
      ['mumbai', 3, true],
      ['delhi', 2, false],
      ['chennai', 2, false],
    ],
  );
  assert.equal(topo.regions[1].city?.text, 'new_delhi');
  assert.deepEqual([topo.regions[2].coordinates?.lat, topo.regions[2].coordinates?.lon], [13.08, 80.27]);
  assert.deepEqual(
    topo.links.map((l) => [l.a?.text, l.b?.text, l.rtt?.value, l.jitter?.value]),
    [
      ['mumbai', 'delhi', 45, 5],
      ['mumbai', 'chennai', 35, undefined],
      ['delhi', 'chennai', 65, undefined],
    ],
  );
});

test('tiers take qualified names and `applies when` conditions', () => {
  const tier = parseDocument(sketch, 'u').ast.declarations[4] as TierDecl;
  assert.equal(tier.name?.text, 'rbi.high_value_local');
  assert.deepEqual(
    tier.body.map((p) => p.kind),
    ['applies', 'consistency', 'latency', 'availability'],
  );
  const applies = tier.body[0];
  assert.ok(applies.kind === 'applies');
  assert.deepEqual(
    applies.conditions.map((c) => [c.field.text, c.op, c.value?.text]),
    [['amount', '>=', '1 lakh']],
  );
});

test('data properties: every kind with its parts', () => {
  const data = parseDocument(sketch, 'u').ast.declarations[5] as DataDecl;
  const p = Object.fromEntries(data.body.map((x) => [x.kind, x]));
  assert.deepEqual(
    data.body.map((x) => x.kind),
    [
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
      'category',
      'primary',
    ],
  );
  assert.ok(p.topology.kind === 'topology' && p.topology.ref?.text === 'india');
  assert.ok(p.tier.kind === 'tier' && p.tier.ref?.text === 'rbi.high_value_local');
  assert.ok(p.consistency.kind === 'consistency' && p.consistency.level?.name.text === 'linearizable');
  assert.ok(p.replication.kind === 'replication');
  assert.deepEqual([p.replication.mode?.text, p.replication.write?.value, p.replication.read?.value], ['quorum', 2, 2]);
  assert.ok(p.latency.kind === 'latency');
  assert.deepEqual(
    [p.latency.op, p.latency.percentile?.text, p.latency.comparator, p.latency.bound?.value],
    ['read', 'p99', '<=', 200],
  );
  assert.ok(
    p.availability.kind === 'availability' &&
      p.availability.comparator === '>=' &&
      p.availability.target?.value === 99.99,
  );
  assert.ok(p.partition.kind === 'partition' && p.partition.prefer === 'consistency');
  assert.ok(
    p.conflict.kind === 'conflict' && p.conflict.strategy?.text === 'merge' && p.conflict.variant?.text === 'union',
  );
  assert.ok(p.workload.kind === 'workload');
  assert.deepEqual([p.workload.reads?.value, p.workload.peak?.value], [80, 8500]);
  assert.ok(p.budget.kind === 'budget' && p.budget.amount?.value === 1_200_000);
  assert.ok(p.category.kind === 'category' && p.category.value?.text === 'banking');
  assert.ok(p.primary.kind === 'primary');
  assert.deepEqual(
    p.primary.regions.map((r) => r.text),
    ['mumbai', 'delhi'],
  );
});

test('when branches, degrade and transactions', () => {
  const ds = parseDocument(sketch, 'u').ast.declarations;
  const data = ds[6] as DataDecl;
  const when = data.body.find((x) => x.kind === 'when');
  assert.ok(when?.kind === 'when');
  assert.deepEqual(
    when.conditions.map((c) => [c.field.text, c.op, c.value?.text]),
    [
      ['amount', '>=', '1 lakh'],
      ['channel', '==', 'upi'],
    ],
  );
  assert.deepEqual(
    when.body.map((x) => x.kind),
    ['tier', 'consistency'],
  );
  const degrade = data.body.find((x) => x.kind === 'degrade');
  assert.ok(degrade?.kind === 'degrade' && degrade.level && degrade.condition);
  assert.deepEqual(
    degrade.level.args.map((a) => a.text),
    ['read_your_writes', 'monotonic_reads'],
  );
  assert.deepEqual(
    [degrade.condition.field.text, degrade.condition.op, degrade.condition.value?.text],
    ['load', '>', '5x'],
  );
  const tx = ds[7] as TransactionDecl;
  assert.deepEqual([tx.name?.text, tx.members.map((m) => m.text)], ['transfer', ['account_balance', 'fund_transfer']]);
});

test('ranges: names, keywords and values point at their own text', () => {
  const { text, ranges } = markers('data <|cart|> { <|consistency|> <|session|> staleness <= <|30s|> }');
  const data = parseDocument(text, 'u').ast.declarations[0] as DataDecl;
  const c = data.body[0];
  const s = data.body[1];
  assert.ok(c.kind === 'consistency' && s.kind === 'staleness');
  assert.deepEqual([data.name?.range, c.keyword, c.level?.range, s.bound?.range], ranges);
});

/** The syntax diagnostics of a marked text: [marked range text, message]. */
function errors(marked: string): { at: string[]; got: [string, string][] } {
  const { text, ranges } = markers(marked);
  const doc = parseDocument(text, 'u');
  return {
    at: ranges.map((r) => text.slice(r.start, r.end)),
    got: doc.diagnostics.map((d) => [text.slice(d.range.start, d.range.end), d.message]),
  };
}

test('exact messages and ranges of syntax errors', () => {
  const cases: [string, string][] = [
    ['data a { consistency <|}|>', "Expected a consistency level but found '}'."],
    ['data <|{|> consistency strong }', "Expected a name but found '{'."],
    ['topology t { region a { replicas <|}|> }', "Expected a number but found '}'."],
    ['topology t { link a <-> <|45|>ms }', "Expected a name but found '45'."],
    ['data a { latency read p99 <|200|>ms }', "Expected a comparison (<, <=, >, >=, ==, !=) but found '200'."],
    [
      'data a { partition prefer <|speed|> }',
      "Expected `partition prefer consistency` or `partition prefer availability` but found 'speed'.",
    ],
    [
      'data a { when amount >= <|{|> consistency strong } }',
      "Expected a condition such as `amount >= 1 lakh` but found '{'.",
    ],
    ['transaction t { a <|b|> }', "Expected '}' but found 'b'."],
    [
      'data a { consistency strong } <|}|>',
      "Unexpected '}': expected a declaration (import, policy, currency, profile, store, topology, tier, data, transaction or scenario).",
    ],
    [
      'data a { consistency strong\n<|data|> b { consistency eventual }',
      "Missing '}': the block is still open when 'data' starts a new declaration.",
    ],
    [
      'data a { consistency stron<|g|>',
      "Expected a property (consistency, replication, latency, availability, partition, conflict, workload, budget, staleness, tier, topology, category, primary, sessions, money, when, degrade) or '}' but found the end of the file.",
    ],
  ];
  for (const [marked, message] of cases) {
    const { at, got } = errors(marked);
    assert.deepEqual(got, [[at[0], message]], marked);
  }
});

test('a misspelt keyword gets a "Did you mean" and a fix that replaces it', () => {
  const { text, ranges } = markers('data a { <|consistncy|> strong }');
  const [d] = parseDocument(text, 'u').diagnostics;
  assert.equal(
    d.message,
    "Expected a property (consistency, replication, latency, availability, partition, conflict, workload, budget, staleness, tier, topology, category, primary, sessions, money, when, degrade) or '}' but found 'consistncy'. Did you mean 'consistency'?",
  );
  assert.deepEqual(d.range, ranges[0]);
  assert.deepEqual(
    d.fixes?.[0].edits.map((e) => [e.range, e.newText]),
    [[ranges[0], 'consistency']],
  );
  const fixed = parseDocument(text.slice(0, d.range.start) + 'consistency' + text.slice(d.range.end), 'u');
  assert.deepEqual(fixed.diagnostics, []);
});
