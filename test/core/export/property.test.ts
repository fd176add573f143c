// Property test: random policies with hostile names, titles and comments export to modules that compile
// under --strict, keep their statement structure (nothing injected), give every data type its own
// identifier, and carry every input string back exactly (the emitted literals are evaluated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportTypeScript } from '../../../server/src/core/export/typescript';
import { analyze } from '../../../server/src/core/pipeline';
import { keywordNames } from '../../../server/src/core/syntax/tokens';
import { compile, evaluate, statementKinds } from './compile';

const keywords = new Set<string>(keywordNames);
const name = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}(-[A-Za-z0-9_]{1,3}){0,2}$/),
    fc.constantFrom(
      'delete',
      'class',
      'constructor',
      '__proto__',
      'toString',
      'a_b',
      'a-b',
      'aB',
      'Policy',
      'undefined',
      'eval',
      'default',
      'x_1',
      'X-1',
    ),
  )
  .filter((n) => !keywords.has(n) && !/^p\d/.test(n));
const tierName = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
/** Hostile text: quotes, backslashes, comment ends, template starts, separators, bidi, lone surrogates. */
const hostileText = fc.oneof(
  fc.string16bits({ maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        '\\',
        '*/',
        '/*',
        '${',
        '`',
        '\u2028',
        '\u2029',
        '\u202E',
        '\uD800',
        '😀',
        '₹',
        '@param',
        ' ',
        'x',
        '\t',
        '\u0000',
      ),
      { maxLength: 12 },
    )
    .map((xs) => xs.join('')),
);
const levels = [
  'strong',
  'linearizable',
  'sequential',
  'strict_serializable',
  'regional',
  'causal',
  'session',
  'session(read_your_writes)',
  'bounded(2s)',
  'bounded(5 versions)',
  'bounded(10min)',
  'consistent_prefix',
  'monotonic_reads',
  'eventual',
  'weak',
];

/** A title as the language writes it: quotes, backslashes and line breaks escaped, the rest raw. */
const quote = (s: string) =>
  `"${s.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c]!)}"`;

const policy = fc.record({
  title: hostileText,
  regions: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
  replicas: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }),
  tier: tierName,
  tierLevel: fc.constantFrom(...levels),
  data: fc.uniqueArray(
    fc.record({
      name,
      level: fc.constantFrom(...levels),
      comment: hostileText,
      useTier: fc.boolean(),
      block: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4, selector: (d) => d.name },
  ),
  transaction: name,
});

type Policy = typeof policy extends fc.Arbitrary<infer T> ? T : never;

function text(p: Policy): string {
  const regions = p.regions.map((r, i) => `  region ${r} { replicas ${p.replicas[i]}${i === 0 ? ' primary' : ''} }`);
  const links = p.regions.slice(1).map((r, i) => `  link ${p.regions[i]} <-> ${r} ${10 + i}ms`);
  const data = p.data.map((d) => {
    const comment = d.block ? `/* ${d.comment.replace(/\*\//g, '* /')} */` : `// ${d.comment.replace(/[\r\n]/g, ' ')}`;
    return `${comment}\ndata ${d.name} {\n  topology net\n${d.useTier ? `  tier ${p.tier}\n` : ''}  consistency ${d.level}\n}`;
  });
  return [
    `policy ${quote(p.title)}`,
    'topology net {',
    ...regions,
    ...links,
    '}',
    `tier ${p.tier} { consistency ${p.tierLevel} }`,
    ...data,
    `transaction ${p.transaction} { ${p.data.map((d) => d.name).join(', ')} }`,
    '',
  ].join('\n');
}

/** A generated module, the policy it came from and that policy's text. */
interface Case {
  p: Policy;
  source: string;
  result: ReturnType<typeof exportTypeScript>;
}

/**
 * The cases are drawn with a fixed seed and type-checked in one program (a program per module spent most of
 * this test's time on the same lib files); a failure names its case's policy text.
 */
test('property: hostile policies export to strict-clean modules that carry every string back exactly', () => {
  const uri = 'file:///work/random.consistency';
  const cases: Case[] = fc.sample(policy, { numRuns: 40, seed: 2718 }).map((p) => {
    const source = text(p);
    return { p, source, result: exportTypeScript(analyze([{ uri, text: source }]), uri) };
  });
  const files = Object.fromEntries(cases.map((c, i) => [`/virtual/random${i}.ts`, c.result.text]));
  const problems = compile(files);
  assert.deepEqual(
    problems.filter((d) => !d.startsWith('/virtual/random')),
    [],
    'no diagnostic outside the modules',
  );
  cases.forEach((c, i) => {
    assert.deepEqual(
      problems.filter((d) => d.startsWith(`/virtual/random${i}.ts:`)),
      [],
      c.source,
    );
    checkModule(c);
  });
});

/** The module keeps its statement structure and evaluates to the policy's own strings. */
function checkModule({ p, source, result }: Case): void {
  const out = result.text;
  const kinds = statementKinds(out);
  assert.equal(
    kinds.filter((k) => k === 'VariableStatement').length,
    p.data.length + 1,
    `one const per data type, plus policy: ${source}`,
  );
  assert.deepEqual([...new Set(kinds)].sort(), [
    'ExportAssignment',
    'InterfaceDeclaration',
    'TypeAliasDeclaration',
    'VariableStatement',
  ]);

  const mod = evaluate(out) as {
    policy: {
      title: string;
      data: Record<
        string,
        {
          name: string;
          description: string | null;
          tiers: { name: string }[];
          topology: { regions: { name: string }[] };
        }
      >;
      transactions: Record<string, { name: string; members: string[] }>;
    };
  };
  assert.equal(mod.policy.title, p.title, source);
  assert.equal(Object.keys(mod.policy.data).length, p.data.length, 'identifiers are unique');
  for (const d of p.data) {
    const id = result.identifiers.get(d.name)!;
    const value = mod.policy.data[id];
    assert.equal(value.name, d.name);
    assert.equal(mod[id as keyof typeof mod], value);
    if (!d.block) assert.equal(value.description, d.comment.replace(/[\r\n]/g, ' ').trim() || null);
    else assert.equal(typeof value.description === 'string' || value.description === null, true);
    assert.deepEqual(
      value.tiers.map((t) => t.name),
      d.useTier ? [p.tier] : [],
    );
    assert.deepEqual(
      value.topology.regions.map((r) => r.name),
      p.regions,
    );
  }
  const [tx] = Object.values(mod.policy.transactions);
  assert.equal(tx.name, p.transaction);
  assert.deepEqual(
    tx.members,
    p.data.map((d) => d.name),
  );
}
