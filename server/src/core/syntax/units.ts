// Units of the language: durations, percentages, Indian and western amount suffixes, per-period rates.
// A quantity is read into its canonical unit (ms, %, currency units, ops/s) and keeps its text for messages.
import type { Quantity, QuantityKind } from './ast';
import type { Range } from '../util/range';

/** Duration units → milliseconds. */
export const durationUnits: Record<string, number> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** Amount suffixes → multiplier. Indian (lakh = 1e5, crore = 1e7) and western (k, M, B). */
export const scaleSuffixes: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  M: 1e6,
  million: 1e6,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  B: 1e9,
  billion: 1e9,
};

/** Period names after '/' → seconds. */
export const periods: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  min: 60,
  minute: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  day: 86_400,
  d: 86_400,
  week: 604_800,
  month: 2_592_000,
  mo: 2_592_000,
  year: 31_536_000,
  yr: 31_536_000,
};

/** Nouns that may follow a count, e.g. `bounded(5 versions)`, `8500 ops/s`. */
export const countNouns = new Set([
  'versions',
  'version',
  'replicas',
  'ops',
  'operations',
  'requests',
  'req',
  'txns',
  'transactions',
  'writes',
  'messages',
]);

/** Shorthand rates per second. */
const perSecondUnits = new Set(['tps', 'qps', 'rps', 'ops_per_s']);

/** A word that can follow a number as its unit (profile entries take only these, so a key is never a unit). */
export function isUnitWord(w: string): boolean {
  return (
    Object.hasOwn(durationUnits, w) ||
    Object.hasOwn(scaleSuffixes, w) ||
    countNouns.has(w) ||
    perSecondUnits.has(w) ||
    w === 'x' ||
    w === 'X'
  );
}

export interface QuantityParts {
  currencySign?: string;
  number: string;
  unit?: string;
  per?: string;
  text: string;
  range: Range;
}

export type QuantityResult =
  | { ok: true; quantity: Quantity }
  | { ok: false; message: string; range: Range; code?: 'number-out-of-range' };

const kindExamples: Record<QuantityKind, string> = {
  duration: 'a duration such as `200ms`, `2s` or `15min`',
  percent: 'a percentage such as `99.99%`',
  money: 'an amount such as `12 lakh/month` or `₹5000`',
  rate: 'a rate such as `35M/day` or `8500/s`',
  count: 'a whole number such as `3`',
  multiplier: 'a multiplier such as `5x`',
};

export function describeKinds(kinds: QuantityKind[]): string {
  return kinds.map((k) => kindExamples[k]).join(' or ');
}

/** A result of `kind`, if `expected` allows it; `extra` keys (currency, perDays, noun) follow the usual four. */
function make(
  p: QuantityParts,
  expected: QuantityKind[],
  kind: QuantityKind,
  value: number,
  extra?: Partial<Quantity>,
): QuantityResult {
  if (!expected.includes(kind))
    return fail(
      p,
      `Expected ${describeKinds(expected)}, but \`${p.text}\` is ${kindExamples[kind].replace(/ such as.*/, '')}.`,
    );
  if (!(Math.abs(value) <= Number.MAX_SAFE_INTEGER)) {
    const message =
      `\`${p.text}\` is beyond 2^53 (9,007,199,254,740,991) in its unit: ` +
      'too large to mean anything or to compute with.';
    return { ok: false, message, range: p.range, code: 'number-out-of-range' };
  }
  const quantity: Quantity = { value, kind, text: p.text, range: p.range };
  return { ok: true, quantity: extra ? Object.assign(quantity, extra) : quantity };
}

function fail(p: QuantityParts, message: string): QuantityResult {
  return { ok: false, message, range: p.range };
}

/** Reads a quantity whose kind must be one of `expected` (the first that fits wins). */
export function interpretQuantity(p: QuantityParts, expected: QuantityKind[]): QuantityResult {
  const n = Number(p.number.includes('_') ? p.number.replace(/_/g, '') : p.number);
  const currency = p.currencySign === '₹' ? 'INR' : p.currencySign === '$' ? 'USD' : undefined;
  const unit = p.unit;

  if (unit === '%') {
    if (p.per) return fail(p, `A percentage cannot be per ${p.per}: \`${p.text}\`.`);
    return make(p, expected, 'percent', n);
  }
  if (unit !== undefined && unit in durationUnits) {
    if (p.per) return fail(p, `A duration cannot be per ${p.per}: \`${p.text}\`.`);
    return make(p, expected, 'duration', n * durationUnits[unit]);
  }
  if (unit === 'x' || unit === 'X') return make(p, expected, 'multiplier', n);
  if (unit !== undefined && perSecondUnits.has(unit)) return make(p, expected, 'rate', n);

  const scale = unit !== undefined && unit in scaleSuffixes ? scaleSuffixes[unit] : 1;
  const noun = unit !== undefined && countNouns.has(unit) ? unit : undefined;
  if (unit !== undefined && scale === 1 && noun === undefined) {
    return fail(p, `Unknown unit \`${unit}\` in \`${p.text}\`; ${unitHint(expected)}.`);
  }
  const base = n * scale;
  if (p.per !== undefined) {
    const seconds = periods[p.per];
    if (seconds === undefined)
      return fail(p, `Unknown period \`/${p.per}\` in \`${p.text}\`; use /s, /min, /hour, /day, /month or /year.`);
    if (expected.includes('money') && (currency || !expected.includes('rate'))) {
      return make(p, expected, 'money', base, { currency, perDays: seconds / 86_400 });
    }
    if (currency)
      return fail(
        p,
        `\`${p.text}\` is an amount of money per ${p.per}, but a rate of operations is expected here; ` +
          `drop the currency sign.`,
      );
    return make(p, expected, 'rate', base / seconds, noun ? { noun } : undefined);
  }
  if (currency || (expected.includes('money') && !expected.includes('count')))
    return make(p, expected, 'money', base, { currency });
  if (expected.includes('count')) return make(p, expected, 'count', base, noun ? { noun } : undefined);
  if (expected.includes('money')) return make(p, expected, 'money', base, { currency });
  return fail(
    p,
    `Expected ${describeKinds(expected)}, but \`${p.text}\` ${unit ? 'is a plain amount' : 'has no unit'}.`,
  );
}

function unitHint(expected: QuantityKind[]): string {
  if (expected.includes('duration')) return 'durations take us, ms, s, min, h or d';
  if (expected.includes('money')) return 'amounts take k, lakh, crore, M or B, and a period such as /month';
  if (expected.includes('rate')) return 'rates take k, lakh, crore, M or B and a period such as /day or /s';
  return `expected ${describeKinds(expected)}`;
}

/** Formats milliseconds for messages: `45 ms`, `2 s`, `1.5 min`. */
export function formatDuration(ms: number): string {
  const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
  if (Math.abs(ms) < 1000) return `${round(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${round(ms / 1000)} s`;
  if (Math.abs(ms) < 3_600_000) return `${round(ms / 60_000)} min`;
  return `${round(ms / 3_600_000)} h`;
}

/** Formats a percentage with only the digits it needs: `99.99%`. */
export function formatPercent(p: number): string {
  return `${Number(p.toPrecision(6))}%`;
}
