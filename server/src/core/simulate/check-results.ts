// The version-based checks as results: one row per property, with what the level promises, the verdict,
// the counts on the normal path and on the fallback, and the first witnesses.
import { formatCount } from '../estimate/format';
import type { Guarantee } from '../model/levels';
import type { Checker } from './checker';
import type { Group } from './group';
import type { SessionAnomaly } from './guarantees/sessions';
import type { Witnesses } from './guarantees/witness';
import type { CheckResult } from './results';

const sessionRows: [SessionAnomaly, string, Guarantee][] = [
  ['readYourWrites', 'read-your-writes', 'read_your_writes'],
  ['monotonicReads', 'monotonic-reads', 'monotonic_reads'],
  ['monotonicWrites', 'monotonic-writes', 'monotonic_writes'],
  ['writesFollowReads', 'writes-follow-reads', 'writes_follow_reads'],
];

function row(
  check: string,
  label: string,
  promised: boolean,
  violations: number,
  fallback: number,
  checked: string,
  w: Witnesses,
  note?: string,
): CheckResult {
  return {
    check,
    label,
    promised,
    verdict: violations + fallback > 0 ? 'violated' : 'ok',
    violations,
    fallbackViolations: fallback,
    checked,
    ...(note ? { note } : {}),
    witnesses: w.list,
  };
}

export function versionChecks(g: Group, c: Checker): CheckResult[] {
  const lv = g.level.guarantees;
  const s = c.staleness;
  const reads = `${formatCount(s.reads)} reads`;
  const lower = s.lowerBounds
    ? `${formatCount(s.lowerBounds)} reads were so stale that their figures are lower bounds`
    : undefined;
  const out: CheckResult[] = [
    row(
      'stale-reads',
      'stale reads (missed an acknowledged write)',
      lv.has('real_time'),
      s.stale,
      s.staleFallback,
      reads,
      s.staleWitnesses,
      lower,
    ),
  ];
  for (const [a, label, gu] of sessionRows) {
    const k = c.sessions.counts[a];
    out.push(row(label, label, lv.has(gu), k.violations, k.fallbackViolations, reads, k.witnesses));
  }
  if (c.prefix)
    out.push(
      row(
        'consistent-prefix',
        'consistent prefix',
        lv.has('consistent_prefix'),
        c.prefix.violations,
        c.prefix.fallbackViolations,
        reads,
        c.prefix.witnesses,
      ),
    );
  else
    out.push({
      check: 'consistent-prefix',
      label: 'consistent prefix',
      promised: lv.has('consistent_prefix'),
      verdict: 'ok',
      violations: 0,
      fallbackViolations: 0,
      checked: reads,
      note: "one write order: a single leader's log",
      witnesses: [],
    });
  for (const b of s.bounds) {
    const sla = b.label.startsWith('staleness');
    const r = row(
      sla ? 'staleness' : 'bounded',
      sla ? `${b.label} (declared)` : b.label,
      !sla,
      b.violations,
      b.fallbackViolations,
      reads,
      b.witnesses,
      lower,
    );
    out.push(sla ? { ...r, sla: true } : r);
  }
  if (g.counter)
    out.push(
      row(
        'lost-updates',
        'lost updates (merged counter)',
        true,
        c.lostUpdates,
        0,
        `${formatCount(g.keys)} keys`,
        c.lostWitnesses,
      ),
    );
  if (c.diverged !== undefined) {
    const d = c.diverged;
    out.push({
      check: 'convergence',
      label: 'convergence',
      promised: lv.has('convergence'),
      verdict: d > 0 ? 'violated' : 'ok',
      violations: d,
      fallbackViolations: 0,
      checked: `${formatCount(g.keys)} keys once replication settled`,
      witnesses: [],
    });
  }
  return out;
}
