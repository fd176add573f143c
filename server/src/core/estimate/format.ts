// Number formatting for estimates: money (INR in lakh/crore, USD in k/M), counts with grouping, and
// availability percentages that never round up past the real figure.
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

/** An availability percentage with enough decimals to show how far below 100% it is, rounded down. */
export function formatAvailability(pct: number): string {
  if (pct >= 100) return '100%';
  const gap = 100 - pct;
  const digits = Math.min(12, Math.max(2, Math.ceil(-Math.log10(gap)) + 1));
  const f = 10 ** digits;
  return `${trim((Math.floor(pct * f) / f).toFixed(digits))}%`;
}

/** Milliseconds with at most one decimal: 11.63 → "11.6". */
export function ms(x: number): string {
  return trim((Math.round(x * 10) / 10).toFixed(1));
}
