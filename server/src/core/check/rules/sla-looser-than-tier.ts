// A data type's (or `when` branch's) own latency, availability or staleness bound looser than a tier it names;
// the tier's stricter figure applies, so the written one misleads. A tier's bound at a higher percentile caps
// lower ones (p95 ≤ p99), and a tier's `bounded(T)` level caps staleness at T.
//
// The stricter figure applies anyway, so nothing fails; the written figure says something untrue about the
// design: a warning (a guess at what the author meant), with the tier's figure as the fix.
import { branches, isOrigin, setHere, type Branch } from '../branches';
import type { Fix } from '../../diagnostic';
import type { Quantity } from '../../syntax/ast';
import { formatDuration, formatPercent } from '../../syntax/units';
import type { Report, Rule } from '../rule';

/** Milliseconds as a policy would write them. */
function durationText(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}min` : ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function replace(uri: string, q: Quantity, newText: string, title: string): Fix[] {
  return [{ title, edits: [{ uri, range: q.range, newText }] }];
}

function availability(b: Branch, uri: string, report: (r: Report) => void): void {
  const own = b.props.availability?.target;
  if (!own) return;
  const strict = b.allTiers
    .map((t) => ({ t, q: t.props.availability?.target }))
    .filter((x): x is { t: (typeof b.allTiers)[number]; q: Quantity } => !!x.q)
    .sort((x, y) => y.q.value - x.q.value)[0];
  if (!strict || own.value >= strict.q.value) return;
  report({
    uri,
    range: own.range,
    message:
      `${b.label} asks for availability >= ${formatPercent(own.value)}, looser than tier ` +
      `'${strict.t.name}', which requires >= ${formatPercent(strict.q.value)}; the tier's target applies.`,
    fixes: replace(uri, own, strict.q.text, `Use the tier's availability, ${strict.q.text}`),
  });
}

function staleness(b: Branch, uri: string, report: (r: Report) => void): void {
  const own = b.props.staleness?.bound;
  if (!own) return;
  const candidates = b.allTiers.flatMap((t) => {
    const out: { tier: string; ms: number; text: string; what: string }[] = [];
    const q = t.props.staleness?.bound;
    if (q) out.push({ tier: t.name, ms: q.value, text: q.text, what: `staleness <= ${q.text}` });
    const cap = t.level?.maxStalenessMs;
    if (cap !== undefined && cap > 0)
      out.push({ tier: t.name, ms: cap, text: durationText(cap), what: t.level!.display });
    return out;
  });
  const strict = candidates.sort((x, y) => x.ms - y.ms)[0];
  if (!strict || own.value <= strict.ms) return;
  report({
    uri,
    range: own.range,
    message:
      `${b.label} allows staleness <= ${own.text} (${formatDuration(own.value)}), looser than tier ` +
      `'${strict.tier}', which allows ${strict.what} (${formatDuration(strict.ms)}); the tier's bound applies.`,
    fixes: replace(uri, own, strict.text, `Use the tier's bound, ${strict.text}`),
  });
}

function latency(b: Branch, uri: string, report: (r: Report) => void): void {
  const tierBounds = b.effective.latency.filter((l) => l.tier !== undefined);
  for (const l of b.effective.latency) {
    if (l.tier !== undefined || !setHere(b, l)) continue;
    const prop = b.props.latency.find((p) => isOrigin(p, l));
    const own = l.value;
    if (!prop?.bound) continue;
    const caps = tierBounds.filter((t) => {
      const tv = t.value;
      if (tv.op !== own.op || tv.boundMs >= own.boundMs) return false;
      if (own.percentile === 'avg' || tv.percentile === 'avg') return own.percentile === tv.percentile;
      return tv.percentile >= own.percentile;
    });
    const strict = caps.sort((x, y) => x.value.boundMs - y.value.boundMs)[0];
    if (!strict) continue;
    const tv = strict.value;
    const note =
      tv.percentileText === own.percentileText
        ? ''
        : ` (a ${own.percentileText} is never above the ${tv.percentileText})`;
    report({
      uri,
      range: prop.bound.range,
      message:
        `${b.label} allows latency ${own.op} ${own.percentileText} <= ${own.boundText}, ` +
        `looser than tier '${strict.tier}', which requires ${tv.op} ` +
        `${tv.percentileText} <= ${tv.boundText}${note}; the tier's bound applies.`,
      fixes: replace(uri, prop.bound, tv.boundText, `Use the tier's bound, ${tv.boundText}`),
    });
  }
}

export const rule: Rule = {
  code: 'sla-looser-than-tier',
  check({ model, report }) {
    for (const data of model.data.values()) {
      for (const b of branches(data)) {
        if (b.allTiers.length === 0) continue;
        availability(b, data.origin.uri, report);
        staleness(b, data.origin.uri, report);
        latency(b, data.origin.uri, report);
      }
    }
  },
};
