// The one number formatter of the CLI, the hovers, the CodeLens and the results panel. Rules: numbers are
// rounded to the nearest (never truncated) and grouped in thousands (1,234,567); milliseconds keep one
// decimal, rates and other quantities three significant digits below 100 and none above; money is ₹ in
// lakh/crore or $ in k/M/B; an availability keeps enough decimals to show how far below 100% it is, and is
// never rounded up to 100% or to a count of nines it has not reached (99.98996% is not "99.99%").
import type { Currency } from './profile';

const trim = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** 1234567 → "1,234,567" (western grouping; Indian amounts switch to lakh/crore before it matters). */
export function formatCount(n: number): string {
  const r = Math.round(n);
  const s = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${s}` : s;
}

function small(x: number): string {
  if (x === 0) return '0';
  // Two significant digits without an exponent (4.2e-7 → 0.00000042).
  if (x < 1) return trim(x.toFixed(Math.min(20, 1 - Math.floor(Math.log10(x)))));
  return trim(x.toFixed(2));
}

/** ₹4.2 lakh, ₹1.68 crore, ₹74,000, ₹0.0084; $250, $1.2k, $3.4M, $0.02. */
export function formatMoney(amount: number, currency: Currency): string {
  const neg = amount < 0 ? '-' : '';
  const a = Math.abs(amount);
  if (currency === 'INR') {
    if (a >= 1e7) return `${neg}₹${trim((a / 1e7).toFixed(2))} crore`;
    if (a >= 1e5) return `${neg}₹${trim((a / 1e5).toFixed(2))} lakh`;
    if (a >= 1000) return `${neg}₹${formatCount(a)}`;
    return `${neg}₹${small(a)}`;
  }
  if (a >= 1e9) return `${neg}$${trim((a / 1e9).toFixed(2))}B`;
  if (a >= 1e6) return `${neg}$${trim((a / 1e6).toFixed(2))}M`;
  if (a >= 1e3) return `${neg}$${trim((a / 1e3).toFixed(1))}k`;
  return `${neg}$${small(a)}`;
}

const round = (x: number, digits: number) => Math.sign(x) * (Math.round(Math.abs(x) * 10 ** digits) / 10 ** digits);
const group = (s: string) => s.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

/** `x` rounded to `digits` decimals, trailing zeros dropped, thousands grouped: 1234.56, 1 → "1,234.6". */
export function formatNumber(x: number, digits = 0): string {
  const r = round(x, digits);
  const s = r.toFixed(digits);
  // The regular expressions change nothing without a trailing zero after a point, or below a thousand.
  const t = s.charCodeAt(s.length - 1) === 48 /* 0 */ ? trim(s) : s;
  return r > -1000 && r < 1000 ? t : group(t);
}

/** Nines of an availability: 99.9 → 3, 99.95 → 3, 99.99 → 4, 90 → 1. */
const nines = (pct: number) => Math.floor(-Math.log10(100 - pct) + 2 + 1e-9);

/** An availability percentage with enough decimals to show how far below 100% it is: rounded to the nearest,
 *  but never up to 100% or to a count of nines it has not reached (then one more decimal is shown). */
export function formatAvailability(pct: number): string {
  if (pct >= 100) return '100%';
  if (pct <= 0) return '0%';
  let digits = Math.min(12, Math.max(2, Math.ceil(-Math.log10(100 - pct)) + 1));
  let r = round(pct, digits);
  while (digits < 12 && (r >= 100 || (r > pct && nines(r) > nines(pct)))) r = round(pct, ++digits);
  return `${trim(r.toFixed(digits))}%`;
}

/** Milliseconds (or seconds) with at most one decimal, grouped: 11.63 → "11.6", 1234.56 → "1,234.6". */
export function ms(x: number): string {
  return formatNumber(x, 1);
}

/** A quantity (a rate, a count that may be fractional): 771.6049 → "772", 12.345 → "12.3", 0.456 → "0.46". */
export function formatQuantity(x: number): string {
  const a = Math.abs(x);
  return formatNumber(x, a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/** Operations per second: "2,100/s", "772/s", "12.3/s". */
export function formatRate(perSec: number): string {
  return `${formatQuantity(perSec)}/s`;
}

const UNIT = String.raw`(?=(?:\/s| ms| s| ops| operations| clients| keys| reads| writes)\b)`;
const LONG_DECIMAL = /(?<![\w.,-])\d+\.\d{5,}(?![\d.])/g;
const BARE_THOUSANDS = new RegExp(String.raw`(?<![\w.,-])\d{4,}${UNIT}`, 'g');

/** Numbers in a text made elsewhere, as this formatter shows them: long decimals as quantities
 *  (771.604938271605/s → 772/s), thousands grouped before a unit (1543/s → 1,543/s, 1000 ms → 1,000 ms). */
export function tidyNumbers(text: string): string {
  return text
    .replace(LONG_DECIMAL, (n) => formatQuantity(Number(n)))
    .replace(BARE_THOUSANDS, (n) => formatNumber(Number(n)));
}
