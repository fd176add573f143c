// Units: every quantity is read into its canonical unit (ms, %, currency units, ops/s, counts, x) with
// its text kept for messages; wrong or unknown units are errors on the quantity, with exact messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { DataDecl, Property, Quantity } from '../../../server/src/core/syntax/ast';

function body(text: string): { props: Property[]; diagnostics: { code: string; message: string; text: string }[] } {
  const src = `data a { ${text} }`;
  const doc = parseDocument(src, 'u');
  const decl = doc.ast.declarations[0] as DataDecl;
  return {
    props: decl.body,
    diagnostics: doc.diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      text: src.slice(d.range.start, d.range.end),
    })),
  };
}

/** The quantity of the first property, with no diagnostics. */
function quantity(text: string): Quantity {
  const { props, diagnostics } = body(text);
  assert.deepEqual(diagnostics, [], text);
  const p = props[0];
  const q =
    p.kind === 'budget'
      ? p.amount
      : p.kind === 'workload'
        ? (p.volume ?? p.peak)
        : p.kind === 'availability'
          ? p.target
          : p.kind === 'latency' || p.kind === 'staleness'
            ? p.bound
            : undefined;
  assert.ok(q, `no quantity in ${text}`);
  return q;
}

test('money: lakh and crore, per month, currency signs', () => {
  const q = quantity('budget <= 12 lakh/month');
  assert.deepEqual(
    [q.kind, q.value, q.perDays, q.text, q.currency],
    ['money', 1_200_000, 30, '12 lakh/month', undefined],
  );
  assert.deepEqual(
    [
      quantity('budget <= 1.68 crore/month').value,
      quantity('budget <= ₹5000').currency,
      quantity('budget <= ₹5000').value,
    ],
    [16_800_000, 'INR', 5000],
  );
  const usd = quantity('budget <= $200/month');
  assert.deepEqual([usd.value, usd.currency, usd.perDays], [200, 'USD', 30]);
  assert.equal(quantity('budget <= 1_00_000/year').perDays, 365);
});

test('rates: M, B, crore and lakh per day, month or second, and nouns', () => {
  const approx = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);
  approx(quantity('workload 35M/day').value, 35e6 / 86_400);
  approx(quantity('workload 2B/month').value, 2e9 / 2_592_000);
  approx(quantity('workload 3.5 crore/day').value, 3.5e7 / 86_400);
  approx(quantity('workload peak 2000/min').value, 2000 / 60);
  const ops = quantity('workload 8500 ops/s');
  assert.deepEqual([ops.kind, ops.value, ops.noun], ['rate', 8500, 'ops']);
  assert.equal(quantity('workload peak 1.2 lakh/s').value, 120_000);
});

test('percentages and durations', () => {
  assert.deepEqual(
    [quantity('availability >= 99.99%').kind, quantity('availability >= 99.99%').value],
    ['percent', 99.99],
  );
  assert.equal(quantity('availability >= 80 %').value, 80);
  for (const [text, ms] of [
    ['15min', 900_000],
    ['2s', 2000],
    ['200ms', 200],
    ['1h', 3_600_000],
    ['1.5 hours', 5_400_000],
    ['500us', 0.5],
    ['8.5s', 8500],
    ['1d', 86_400_000],
  ] as const) {
    const q = quantity(`latency read p99 <= ${text}`);
    assert.deepEqual([q.kind, q.value, q.text], ['duration', ms, text]);
  }
});

test('multipliers in conditions, and levels with a duration or a version count', () => {
  const { props } = body('degrade to session when load > 5x consistency bounded(5 versions)');
  const dg = props[0];
  assert.ok(dg.kind === 'degrade' && dg.condition?.value && 'kind' in dg.condition.value);
  assert.deepEqual([dg.condition.value.kind, dg.condition.value.value], ['multiplier', 5]);
  const c = props[1];
  assert.ok(c.kind === 'consistency' && c.level);
  const arg = c.level.args[0];
  assert.ok('kind' in arg);
  assert.deepEqual([arg.kind, arg.value, arg.noun], ['count', 5, 'versions']);
  const t = body('consistency bounded(2s)').props[0];
  assert.ok(t.kind === 'consistency' && t.level && 'kind' in t.level.args[0]);
  assert.deepEqual([t.level.args[0].kind, t.level.args[0].value], ['duration', 2000]);
});

test('amounts in conditions keep their suffix', () => {
  const w = body('when amount >= ₹1 lakh { consistency strong }').props[0];
  assert.ok(w.kind === 'when');
  const v = w.conditions[0].value;
  assert.ok(v && 'kind' in v);
  assert.deepEqual([v.kind, v.value, v.text, v.currency], ['money', 100_000, '₹1 lakh', 'INR']);
});

test('wrong and unknown units are errors on the quantity, with exact messages', () => {
  const cases: [string, string, string][] = [
    ['latency read p99 <= 200', '200', 'Expected a duration such as `200ms`, `2s` or `15min`, but `200` has no unit.'],
    ['latency read p99 <= 5kg', '5kg', 'Unknown unit `kg` in `5kg`; durations take us, ms, s, min, h or d.'],
    ['availability >= 99.99', '99.99', 'Expected a percentage such as `99.99%`, but `99.99` has no unit.'],
    ['availability >= 99.9%/day', '99.9%/day', 'A percentage cannot be per day: `99.9%/day`.'],
    [
      'workload 12 lakh/fortnight',
      '12 lakh/fortnight',
      'Unknown period `/fortnight` in `12 lakh/fortnight`; use /s, /min, /hour, /day, /month or /year.',
    ],
    [
      'budget <= 12 lakhs/mnth',
      '12 lakhs/mnth',
      'Unknown period `/mnth` in `12 lakhs/mnth`; use /s, /min, /hour, /day, /month or /year.',
    ],
    ['staleness <= 2s/day', '2s/day', 'A duration cannot be per day: `2s/day`.'],
    ['budget <= 5x', '5x', 'Expected an amount such as `12 lakh/month` or `₹5000`, but `5x` is a multiplier.'],
    [
      'workload 35m/day',
      '35m/day',
      'Unknown unit `m` in `35m/day`; rates take k, lakh, crore, M or B and a period such as /day or /s.',
    ],
  ];
  for (const [text, at, message] of cases) {
    const { diagnostics } = body(text);
    assert.deepEqual(diagnostics, [{ code: 'syntax-bad-quantity', message, text: at }], text);
  }
});
