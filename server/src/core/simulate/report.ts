// Turns one data type's counters, histograms and checkers into its DataResult: outcomes and latency,
// staleness, the visibility curve, every check against the level's promises, availability per fault
// window and over time, and cost actuals (the estimate's monthly-cost formula fed with the simulated traffic).
import { costAtRate } from '../estimate/delays';
import { estimateData } from '../estimate/estimate';
import { formatAvailability, formatCount, formatMoney, ms } from '../estimate/format';
import { secondsPerMonth } from '../estimate/workload';
import type { PolicyModel } from '../model/model';
import type { Checker } from './checker';
import type { Group } from './group';
import { versionChecks } from './check-results';
import type { GroupMetrics, OpStats } from './metrics';
import { protocolNotes } from './protocol';
import type { CheckResult, DataResult, FaultResult, OpResult } from './results';
import type { Fault } from './scenario';
import type { Visibility } from './visibility';
import { plural } from '../util/plural';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** Probabilities to a hundredth of a point: a curve of 250,000 probes has a standard error of 0.1 points. */
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const pct = (ok: number, all: number) => (all > 0 ? r3((100 * ok) / all) : 100);

function opResult(s: OpStats, seconds: number): OpResult {
  const unfinished = s.offered - s.ok - s.fail - s.info - s.shed;
  return {
    offered: s.offered,
    ok: s.ok,
    fail: s.fail,
    info: s.info,
    shed: s.shed,
    unfinished,
    degraded: s.degraded,
    errors: s.errors,
    latencyMs: s.latency.summary(),
    histogram: s.latency.bins(),
    throughputPerSec: r3(s.ok / seconds),
  };
}

export function describeFault(f: Fault): string {
  const when = `at ${f.atMs / 1000}s for ${f.forMs / 1000}s`;
  if (f.kind === 'partition') return `partition ${f.sides.map((s) => s.join(', ')).join(' | ')} ${when}`;
  if (f.kind === 'crash') return `crash ${f.region} ${when}`;
  const how = [f.factor !== undefined && f.factor !== 1 ? `×${f.factor}` : '', f.addMs ? `+${f.addMs}ms` : '']
    .filter(Boolean)
    .join(' ');
  return `slow ${f.a} <-> ${f.b}${how ? ` ${how}` : ''} ${when}`;
}

export interface ReportInput {
  g: Group;
  m: GroupMetrics;
  c: Checker;
  vis: Visibility;
  /** Checks judged on the history's values (linearizability, sequential, regional). */
  historyChecks: CheckResult[];
  faults: Fault[];
  /** False when the run skipped its checks. */
  checked: boolean;
  durationMs: number;
  sessions: number;
  model: PolicyModel;
}

export function report(i: ReportInput): DataResult {
  const { g, m, c, vis } = i;
  const seconds = Math.max(i.durationMs, 1) / 1000;
  const read = opResult(m.read, seconds);
  const write = opResult(m.write, seconds);
  const checks = i.checked ? [...i.historyChecks, ...versionChecks(g, c)] : [];
  const violated = checks.filter((x) => x.promised && x.violations > 0).map((x) => x.check);
  const faultResults: FaultResult[] = i.faults.map((f, k) => {
    const regions = m.windows[k].flatMap((o, r) =>
      o[0] > 0
        ? [{ region: g.regions[r], ops: o[0], ok: o[1], fail: o[2], info: o[3], availabilityPct: pct(o[1], o[0]) }]
        : [],
    );
    const all = regions.reduce((s, x) => s + x.ops, 0);
    return {
      fault: describeFault(f),
      atMs: f.atMs,
      forMs: f.forMs,
      regions,
      availabilityPct: pct(
        regions.reduce((s, x) => s + x.ok, 0),
        all,
      ),
    };
  });
  const est = estimateData(g.data, i.model);
  const opsPerSec = (read.offered + write.offered) / seconds;
  const writesPerSec = write.offered / seconds;
  const remote = write.offered > 0 ? m.crossRegionWrites / write.offered : 0;
  const readsPct =
    read.offered + write.offered > 0 ? Math.round((1000 * read.offered) / (read.offered + write.offered)) / 10 : 50;
  const cost = costAtRate(g.data, i.model, opsPerSec, readsPct);
  const availabilityPct = pct(read.ok + write.ok, read.offered + write.offered);
  const stale = c.staleness.stale + c.staleness.staleFallback;
  const missed = checks
    .filter((x) => x.sla && x.violations + x.fallbackViolations > 0)
    .map(
      (x) =>
        `${x.label.replace(/ \(declared\)$/, '')} missed by ${formatCount(x.violations + x.fallbackViolations)} reads`,
    );
  const summary =
    `${g.name}: read p99 ${ms(read.latencyMs.p99)} ms, write p99 ${ms(write.latencyMs.p99)} ms, ` +
    `${plural(stale, 'stale read')}${violated.length ? `, promised yet seen: ${violated.join(', ')}` : ''}` +
    `${missed.length ? `, ${missed.join(', ')}` : ''}, availability ${formatAvailability(availabilityPct)}, ` +
    `${formatMoney(cost.simulatedMonthly, cost.currency)}/month`;
  const [writes, reads] = protocolNotes({
    name: '',
    writeMode: g.writeMode,
    readMode: g.readMode,
    regions: g.regions,
    leaders: g.leaders,
    w: g.w,
    r: g.r,
    n: g.n,
    randomQuorums: g.randomQuorums,
    prefer: 'consistency',
    electionMs: g.lead.electionMs,
  }).map((s) => s.replace(/^: /, ''));
  return {
    data: g.name,
    level: g.level.display,
    replication:
      g.mode === 'quorum'
        ? `quorum write ${g.w} read ${g.r} of ${g.n}${g.randomQuorums ? ' (random)' : ''}`
        : `${g.mode} (${g.n} replicas)`,
    conflict: g.data.effective.conflict?.value ?? g.strategy,
    prefer: g.prefer,
    protocol: { writes, reads },
    summary,
    read,
    write,
    staleness: {
      reads: c.staleness.reads,
      staleReads: stale,
      kStaleness: c.staleness.kStaleness().map(r3),
      msBehind: c.staleness.msBehind.summary(),
      lowerBounds: c.staleness.lowerBounds,
    },
    visibility: vis.points.map((t, k) => ({
      tMs: t,
      probability: vis.probes ? r4(vis.hits[k] / vis.probes) : 0,
      probes: vis.probes,
    })),
    checks,
    violated,
    sessionsChecked: c.sessions.sessionsChecked(i.sessions),
    elections: g.lead.elections.map((e) => ({ ...e, lostAtMs: r3(e.lostAtMs), atMs: r3(e.atMs) })),
    conflictsResolved: m.conflicts,
    duplicates: c.duplicates,
    availabilityPct,
    timeline: {
      binMs: m.binMs,
      offered: [...m.binOffered],
      availabilityPct: [...m.binOffered].map((o, k) => pct(m.binOk[k], o)),
    },
    faults: faultResults,
    cost: {
      profile: g.profile.name,
      currency: cost.currency,
      opsPerSec: r3(opsPerSec),
      writesPerSec: r3(writesPerSec),
      crossRegionGBPerMonth: r3((writesPerSec * secondsPerMonth * remote * g.profile.bytesPerWrite) / 1e9),
      monthly: Math.round(cost.simulatedMonthly),
      lines: cost.lines.map((l) => ({ label: l.label, amount: Math.round(l.amount), detail: l.detail ?? '' })),
      estimatedMonthly: Math.round(cost.estimatedMonthly),
      note: cost.explanation,
    },
    estimate: { readP99Ms: r3(est.read.p99), writeP99Ms: r3(est.write.p99) },
  };
}
