// exportTypeScript: the module's structure, its JSDoc source references, names and the generated header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_MARKER, generatedHeader, isGenerated } from '../../../server/src/core/export/header';
import { exportTypeScript } from '../../../server/src/core/export/typescript';
import { analyze } from '../../../server/src/core/pipeline';
import { compile, evaluate } from './compile';

const POLICY = `policy "Bank \\"core\\""
currency INR
topology net { region mumbai { replicas 3 primary } }

tier gold.plus { consistency strong }

// Balances: strong.
// Second line */ still a comment.
data account_balance {
  topology net
  tier gold.plus
  latency write p99 <= 2s
  budget <= 12 lakh/month
  when amount >= 1 lakh { consistency strict_serializable }
  degrade to session when load > 5x
}

data Policy { consistency eventual }
data delete { consistency eventual }
transaction move { account_balance, delete }
`;

function exported(text = POLICY, uri = 'file:///somewhere/my-bank.consistency') {
  return exportTypeScript(analyze([{ uri, text }]), uri);
}

test('one module: header, types, a const per data type, the policy typed by an interface named after the file', () => {
  const r = exported();
  assert.ok(r.text.startsWith(`${GENERATED_MARKER}\n// Source: my-bank.consistency.`));
  assert.equal(r.typeName, 'MyBankPolicy');
  assert.match(r.text, /^export interface MyBankPolicy \{$/m);
  assert.deepEqual(
    [...r.identifiers],
    [
      ['account_balance', 'accountBalance'],
      ['Policy', 'policy_2'],
      ['delete', 'delete_'],
    ],
  );
  assert.match(r.text, /^export const accountBalance = \{$/m);
  assert.match(r.text, /^export const policy = \{$/m);
  assert.match(r.text, /\} as const satisfies MyBankPolicy;\n\nexport default policy;\n$/);
  assert.doesNotMatch(r.text, /somewhere/, 'no absolute path in the output');
  assert.deepEqual(compile({ '/virtual/my-bank.ts': r.text }), []);
});

test('each member names the source line it came from, inherited values the tier too', () => {
  const text = exported().text;
  assert.match(text, /\/\*\* `data account_balance` — my-bank\.consistency:9 \*\/\n {2}name: "account_balance",/);
  assert.match(text, /\/\*\* `consistency strong` — my-bank\.consistency:5 via tier gold\.plus \*\/\n {2}level: \{/);
  assert.match(text, /\/\*\* `tier gold\.plus` — my-bank\.consistency:11; declared at my-bank\.consistency:5 \*\//);
  assert.match(text, /\/\*\* `latency write p99 <= 2s` — my-bank\.consistency:12 \*\//);
  assert.match(text, /\/\*\* `budget <= 12 lakh\/month` — my-bank\.consistency:13 \*\//);
  assert.match(text, /\/\*\* `when amount >= 1 lakh` — my-bank\.consistency:14 \*\//);
  assert.match(text, /\/\*\* `region mumbai \{ replicas 3 primary \}` — my-bank\.consistency:3/);
});

test('values: level, tiers, SLAs, budget, overrides and degrade read back from the module', () => {
  const mod = evaluate(exported().text) as Record<string, any>;
  const d = mod.accountBalance;
  assert.equal(mod.policy.title, 'Bank "core"');
  assert.equal(d.description, 'Balances: strong.\nSecond line */ still a comment.');
  assert.deepEqual(
    [d.level.name, d.level.display, d.level.fromTier, d.level.maxStalenessMs],
    ['linearizable', 'strong (linearizable)', 'gold.plus', 0],
  );
  assert.deepEqual(d.tiers, [{ name: 'gold.plus', builtin: false, level: 'strong (linearizable)' }]);
  assert.deepEqual(d.slas.latency, [{ op: 'write', percentile: 99, boundMs: 2000, text: 'write p99 <= 2s' }]);
  assert.deepEqual(d.slas.budget, { amount: 1_200_000, perMonth: 1_200_000, currency: 'INR', text: '12 lakh/month' });
  assert.equal(d.overrides[0].level.name, 'strict_serializable');
  assert.deepEqual(d.overrides[0].when, [{ field: 'amount', op: '>=', value: 100_000, text: 'amount >= 1 lakh' }]);
  assert.equal(d.overrides[0].drivers.postgres.settings.defaultTransactionIsolation, 'serializable');
  assert.equal(d.degrade[0].to.name, 'session');
  assert.equal(d.degrade[0].when.text, 'load > 5x');
  assert.equal(d.estimate.profile, 'india-2024');
  assert.ok(d.estimate.assumptions.length > 0);
  assert.deepEqual(mod.policy.transactions.move, { name: 'move', members: ['account_balance', 'delete'] });
  assert.equal(mod.policy.data.delete_.name, 'delete');
});

test('only the exported file’s data types; a broken file still exports what parsed', () => {
  const other = { uri: 'file:///other.consistency', text: 'data elsewhere { consistency eventual }\n' };
  const uri = 'file:///broken.consistency';
  const a = analyze([{ uri, text: 'data fine { consistency eventual }\ndata broken { consistency }\n' }, other]);
  const r = exportTypeScript(a, uri);
  assert.deepEqual([...r.identifiers.keys()], ['fine', 'broken']);
  assert.deepEqual(compile({ '/virtual/broken.ts': r.text }), []);
});

test('the compile helper does report type errors (so a clean result means something)', () => {
  const bad = exported().text.replace('name: "account_balance",', 'name: 42,');
  assert.ok(compile({ '/virtual/bad.ts': bad }).some((m) => /not assignable/.test(m)));
});

test('isGenerated: only files whose first line is the marker', () => {
  assert.equal(isGenerated(generatedHeader('x.consistency')), true);
  assert.equal(isGenerated(`\uFEFF${GENERATED_MARKER}\r\nexport {};`), true);
  assert.equal(isGenerated('// my own config\nexport const x = 1;'), false);
  assert.equal(isGenerated(`export const x = 1;\n${GENERATED_MARKER}`), false);
  assert.equal(isGenerated(''), false);
});

test('a policy that names its stores gets settings for those systems only, in its order, and still compiles', () => {
  const text = `store dynamodb, postgres\n${POLICY}`;
  const r = exported(text);
  assert.deepEqual(compile({ '/virtual/my-bank.ts': r.text }), []);
  const mod = evaluate(r.text) as Record<string, any>;
  assert.deepEqual(Object.keys(mod.accountBalance.drivers), ['dynamodb', 'postgres']);
  assert.deepEqual(Object.keys(mod.accountBalance.overrides[0].drivers), ['dynamodb', 'postgres']);
  assert.ok(
    r.text.includes(
      'export interface Drivers {\n  readonly dynamodb: DriverAdvice<DynamoSettings>;\n  readonly postgres: DriverAdvice<PostgresSettings>;\n}',
    ),
  );
  assert.ok(r.gaps.every((g) => g.system === 'dynamodb' || g.system === 'postgres'));
  assert.deepEqual(
    Object.keys((evaluate(exported().text) as Record<string, any>).accountBalance.drivers),
    ['cassandra', 'postgres', 'mongodb', 'dynamodb', 'cosmos'],
    'without `store`: all five',
  );
});
