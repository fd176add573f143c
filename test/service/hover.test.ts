// Hover on data types (estimates), levels, tiers (built-in and declared), topologies, regions and links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover, linkSources } from '../../server/src/service/hover';
import { fixture } from './helpers';

const topology = `topology paytm {
  region mumbai    { replicas 3 primary }
  region delhi     { replicas 2 }
  region bangalore { replicas 2 }
  link mumbai <-> delhi     45ms
  link mumbai <-> bangalore 35ms
}
`;

function hoverAt(marked: string, extra: { uri: string; text: string }[] = []) {
  const f = fixture(marked, extra);
  const h = hover(f.s, f.uri, f.at());
  return { f, h, value: (h?.contents as MarkupContent | undefined)?.value ?? '' };
}

test('on a data type: latency percentiles, monthly and per-operation cost, profile and its own assumptions', () => {
  const { f, h, value } = hoverAt(
    `${topology}data <|wallet<|>_balance|> {\n  topology paytm\n  consistency strong\n  workload 2B/month reads 90%\n}\n`,
  );
  assert.deepEqual(h?.range, f.range());
  const lines = value.split('\n');
  assert.equal(lines[0], '**data wallet_balance** · strong (linearizable) · quorum write 4 read 4 of 7 (assumed)');
  assert.deepEqual(lines.slice(2, 6), [
    '| | p50 | p95 | p99 |',
    '|:--|--:|--:|--:|',
    '| read | 60.8 ms | 90 ms | 135 ms |',
    '| write | 84.5 ms | 125 ms | 170 ms |',
  ]);
  assert.equal(lines[7], '**≈ ₹42.84 lakh/month** · ₹0.0021 per operation (2,000,000,000 operations/month)');
  assert.equal(lines[9], 'Replication lag p99 46.5 ms · write availability 99.99972% · capacity 1,953 ops/s');
  assert.equal(
    lines[11],
    "No `store` named: the profile's level classes · profile `india-2024` (illustrative figures)",
  );
  assert.equal(
    lines[13],
    'Money: yes (inferred from its name `wallet_balance` (`wallet`; write `money` or `money no` to say)) · sessions sticky (default)',
  );
  assert.equal(lines[15], 'Profile `india-2024` (INR); assumptions beyond its figures:');
  assert.ok(
    lines.includes('- replication assumed: majority quorum (write 4 of 7, read 4) (the policy does not say)'),
    value,
  );
  assert.ok(!value.includes('Flipkart cart benchmark'), 'profile notes are not repeated');
});

test('the hover says whether the data is money and why, and how sessions reach replicas', () => {
  const line = (text: string) =>
    hoverAt(text)
      .value.split('\n')
      .find((l) => l.startsWith('Money: '));
  assert.equal(
    line('data <|>w {\n  category wallet\n  consistency eventual\n}\n'),
    'Money: yes (category wallet) · sessions sticky (default)',
  );
  assert.equal(
    line('data <|>energy_balance {\n  money no\n  consistency eventual\n  sessions roaming\n}\n'),
    'Money: no (`money no`) · sessions roaming',
  );
  assert.equal(
    line('data <|>clicks {\n  consistency eventual\n}\n'),
    'Money: no (nothing marks it as money; `money` says it is) · sessions sticky (default)',
  );
});

test('on a data type without a workload: no cost per operation, said so', () => {
  const { value } = hoverAt(`data <|>cache {\n  consistency eventual\n}\n`);
  assert.equal(value.split('\n')[7], '**≈ ₹74,000/month** · no workload declared, so no cost per operation');
});

test('on a data type named in a transaction: the same estimate', () => {
  const { value } = hoverAt(
    `data a {\n  consistency strong\n}\ndata b {\n  consistency strong\n}\ntransaction t { <|>a, b }\n`,
  );
  assert.match(value, /^\*\*data a\*\* · strong \(linearizable\)/);
});

test('on a level: guarantees, the levels it implies, and its cost class against the other two', () => {
  const { f, h, value } = hoverAt(`data x {\n  consistency <|bounded<|>|>(2s)\n}\n`);
  assert.deepEqual(h?.range, f.range());
  assert.equal(
    value,
    [
      '**bounded(2s)** — Reads lag the latest write by at most K versions or T time, and see a consistent prefix.',
      '',
      'Guarantees: convergence, consistent-prefix, staleness ≤ 2,000 ms.',
      '',
      'Also satisfies: consistent_prefix, eventual, weak.',
      '',
      'Cost class **session**, the middle of the three classes (profile `india-2024`):',
      '',
      '| class | per replica-month | ops/s per replica | service p99 |',
      '|:--|--:|--:|--:|',
      '| strong | ₹25,000 | 1,200 | 90 ms |',
      '| **session** | ₹20,000 | 3,800 | 50 ms |',
      '| eventual | ₹15,000 | 8,500 | 24 ms |',
    ].join('\n'),
  );
});

test('on an alias after `degrade to`: named with its canonical level', () => {
  const { value } = hoverAt(`data x {\n  consistency strong\n  degrade to str<|>ong when load > 2x\n}\n`);
  assert.match(value, /^\*\*strong \(linearizable\)\*\* — Every read sees the latest completed write/);
  assert.match(value, /Cost class \*\*strong\*\*, the dearest and slowest of the three classes/);
});

test('on an unknown level: the core error', () => {
  const { value } = hoverAt(`data x {\n  consistency stron<|>k\n}\n`);
  assert.match(value, /^\*\*stronk\*\*: Unknown consistency level 'stronk'\. Did you mean 'strong'\?/);
});

test('on a built-in tier reference: its /// documentation, rules, and that it is built in', () => {
  const { f, h, value } = hoverAt(`data x {\n  tier <|rbi.<|>upi|>\n  consistency bounded(2s)\n}\n`);
  assert.deepEqual(h?.range, f.range());
  assert.equal(
    value,
    [
      '**tier rbi.upi** · built-in, from `builtin:///rbi.consistency` (illustrative team defaults, not law)',
      '',
      'UPI payments: "eventual consistency with 2-second guarantee" (rule 2, L3532, L3554–L3555).',
      '',
      '```consistency',
      'category financial',
      'consistency bounded(2s)',
      '```',
    ].join('\n'),
  );
});

test('on a declared tier that replaces a built-in one: where it is declared', () => {
  const { value } = hoverAt(`/// Our own UPI rules.\ntier rbi.u<|>pi {\n  consistency strong\n}\n`);
  assert.equal(
    value,
    [
      '**tier rbi.upi** · declared in `test.consistency` line 2, replacing the built-in tier of that name',
      '',
      'Our own UPI rules.',
      '',
      '```consistency',
      'consistency strong',
      '```',
    ].join('\n'),
  );
});

test('on a region: replicas and the round trip to every other region, over links when not direct', () => {
  const { value } = hoverAt(`${topology.replace('region bangalore', 'region ban<|>galore')}`);
  assert.equal(
    value,
    [
      '**region bangalore** · topology paytm · 2 replicas',
      '',
      '| to | round trip | one way | path |',
      '|:--|--:|--:|:--|',
      '| mumbai | 35 ms | 17.5 ms | direct |',
      '| delhi | 80 ms | 40 ms | via mumbai |',
    ].join('\n'),
  );
});

test('on a region named after `primary`: the region of the data type topology', () => {
  const { value } = hoverAt(`${topology}data x {\n  topology paytm\n  consistency eventual\n  primary del<|>hi\n}\n`);
  assert.match(value, /^\*\*region delhi\*\* · topology paytm · 2 replicas\n/);
});

test('on a link: round trip, one way, jitter and the fibre floor', () => {
  const { f, h, value } = hoverAt(
    `topology t {\n  region mumbai\n  region delhi\n  <|li<|>nk mumbai <-> delhi 45ms jitter 3ms|>\n}\n`,
  );
  assert.deepEqual(h?.range, f.range());
  assert.equal(
    value,
    '**link mumbai ↔ delhi** · round trip 45 ms (one way 22.5 ms) · jitter 3 ms\n\nFibre floor: 1,148 km great-circle → at least 11.5 ms round trip.',
  );
});

test('on a topology name: regions and replicas', () => {
  const { value } = hoverAt(`${topology}data x {\n  topology pay<|>tm\n  consistency eventual\n}\n`);
  assert.equal(
    value,
    '**topology paytm** · 3 regions · 7 replicas (majority 4)\n\nPrimary: mumbai.\n\n- mumbai: 3 replicas\n- delhi: 2 replicas\n- bangalore: 2 replicas',
  );
});

test('nothing on keywords, numbers and white space', () => {
  for (const marked of [
    'data x {\n  consis<|>tency strong\n}\n',
    'data x {\n  latency write p99 <= 2<|>00ms\n}\n',
    'data x {<|>\n}\n',
  ]) {
    assert.equal(hoverAt(marked).h, null, marked);
  }
});

test('on a scenario: what the simulator will run, defaults named as defaults', () => {
  const f = fixture(
    `${'topology t {\n  region a { replicas 3 primary }\n  region b\n  link a <-> b 40ms\n}\n'}data cart {\n  consistency session\n}\nscenario <|>drill {\n  data cart\n  load 500/s reads 90%\n  clients 300 in a 60%, b 30%\n  fault partition a | b at 2s for 3s\n  seed 42\n}\n`,
  );
  const h = hover(f.s, f.uri, f.at())!;
  assert.equal(
    (h.contents as { value: string }).value,
    [
      '**scenario drill** · cart',
      '',
      '- 10 s (default) of load at 500/s, 90% reads',
      '- clients: 300 in a 66.7%, b 33.3%',
      '- fault: partition a | b at 2s for 3s',
      '- seed 42 · timeout 1 s (default) · 100 keys (default)',
      '',
      '**▶ Simulate** above it runs it in the embedded simulator (same seed, same results).',
    ].join('\n'),
  );
});

test('on a data type with a store: the store model, the profile and the date of its price list', () => {
  const { value } = hoverAt(
    `store dynamodb\ntopology aws { region us-east-1 }\ndata <|or<|>ders|> { consistency strong workload 500/s reads 90% }\n`,
  );
  assert.ok(
    value.includes(
      'Store model **DynamoDB: 1 region, one Region, three copies in it** · profile `vendors-2026`, price list of 2026-12-02',
    ),
    value,
  );
  const plain = hoverAt(`data <|car<|>ts|> { consistency session }\n`).value;
  assert.ok(
    plain.includes("No `store` named: the profile's level classes · profile `india-2024` (illustrative figures)"),
    plain,
  );
});

test('citations of the source text in a hover link to docs/sources.md (installed next to docs/rules.md)', () => {
  const { f, value } = hoverAt(`data d { consistency <|regi<|>onal|> }\n`);
  assert.match(value, /source L3623–L3660, see docs\/sources\.md#l3525/);
  const rulesDoc = 'file:///ext/docs/rules.md';
  const linked = hover({ ...f.s, rulesDoc }, f.uri, f.at());
  const text = (linked?.contents as MarkupContent).value;
  assert.match(text, /see \[docs\/sources\.md#l3525\]\(file:\/\/\/ext\/docs\/sources\.md#l3525\)/);
  assert.equal(linkSources('see docs/sources.md#digest-4', undefined), 'see docs/sources.md#digest-4');
});
