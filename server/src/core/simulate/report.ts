// Turns one data type's counters, histograms and checker state into its DataResult: outcomes and
// latency, staleness, visibility curve, anomalies against the level's promises, availability per fault
// window, and cost actuals (the estimate's monthly-cost formula fed with the simulated traffic).
import { monthlyCost } from '../estimate/cost';
import { estimateData } from '../estimate/estimate';
import { formatAvailability, formatMoney, ms } from '../estimate/format';
import { secondsPerMonth } from '../estimate/workload';
import type { PolicyModel } from '../model/model';
import type { Checker } from './checker';
import type { Group } from './group';
import type { GroupMetrics, OpStats } from './metrics';
import type { Anomaly, DataResult, FaultResult, OpResult } from './results';
import type { Fault } from './scenario';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pct = (ok: number, all: number) => (all > 0 ? r3((100 * ok) / all) : 100);

function opResult(s: OpStats, seconds: number): OpResult {
  const ops = s.ok + s.fail + s.info;
  return { ops, ok: s.ok, fail: s.fail, info: s.info, degraded: s.degraded, errors: s.errors, latencyMs: s.latency.summary(), histogram: s.latency.bins(), throughputPerSec: r3(s.ok / seconds) };
}

export function describeFault(f: Fault): string {
  const when = `at ${f.atMs / 1000}s for ${f.forMs / 1000}s`;
  if (f.kind === 'partition') return `partition ${f.sides.map((s) => s.join(', ')).join(' | ')} ${when}`;
  if (f.kind === 'crash') return `crash ${f.region} ${when}`;
  const how = [f.factor !== undefined && f.factor !== 1 ? `×${f.factor}` : '', f.addMs ? `+${f.addMs}ms` : ''].filter(Boolean).join(' ');
  return `slow ${f.a} <-> ${f.b}${how ? ` ${how}` : ''} ${when}`;
}

export function report(g: Group, m: GroupMetrics, c: Checker, faults: Fault[], visibilityAt: number[], durationMs: number, sessions: number, model: PolicyModel): DataResult {
  const seconds = Math.max(durationMs, 1) / 1000;
  const read = opResult(m.read, seconds);
  const write = opResult(m.write, seconds);
  const lv = g.level.guarantees;
  const counts: Record<Anomaly, number> = {
    staleReads: c.counts.staleReads,
    readYourWrites: c.counts.readYourWrites,
    monotonicReads: c.counts.monotonicReads,
    monotonicWrites: c.counts.monotonicWrites,
    writesFollowReads: c.counts.writesFollowReads,
    lostUpdates: c.counts.lostUpdates,
  };
  const promised: Record<Anomaly, boolean> = {
    staleReads: lv.has('real_time'),
    readYourWrites: lv.has('read_your_writes'),
    monotonicReads: lv.has('monotonic_reads'),
    monotonicWrites: lv.has('monotonic_writes'),
    writesFollowReads: lv.has('writes_follow_reads'),
    lostUpdates: g.strategy === 'merge',
  };
  const violated = (Object.keys(counts) as Anomaly[]).filter((a) => promised[a] && counts[a] > 0);
  const faultResults: FaultResult[] = faults.map((f, i) => {
    const regions = m.windows[i].flatMap((o, r) => (o[0] > 0 ? [{ region: g.regions[r], ops: o[0], ok: o[1], fail: o[2], info: o[3], availabilityPct: pct(o[1], o[0]) }] : []));
    const all = regions.reduce((s, x) => s + x.ops, 0);
    return { fault: describeFault(f), atMs: f.atMs, forMs: f.forMs, regions, availabilityPct: pct(regions.reduce((s, x) => s + x.ok, 0), all) };
  });
  const est = estimateData(g.data, model);
  const opsPerSec = (read.ops + write.ops) / seconds;
  const writesPerSec = write.ops / seconds;
  const remote = write.ops > 0 ? m.crossRegionWrites / write.ops : 0;
  const cost = monthlyCost({
    profile: g.profile,
    costClass: g.level.costClass,
    replicas: g.data.topology?.totalReplicas ?? g.n,
    monthlyOps: opsPerSec * secondsPerMonth,
    monthlyWrites: writesPerSec * secondsPerMonth,
    remoteReplicas: remote,
    currency: g.currency,
  });
  const availabilityPct = pct(read.ok + write.ok, read.ops + write.ops);
  const stale = c.counts.staleReads;
  const summary = `${g.name}: read p99 ${ms(read.latencyMs.p99)} ms, write p99 ${ms(write.latencyMs.p99)} ms, ${stale} stale read${stale === 1 ? '' : 's'}${violated.length ? `, promised yet seen: ${violated.join(', ')}` : ''}, availability ${formatAvailability(availabilityPct)}, ${formatMoney(cost.total, g.currency)}/month`;
  return {
    data: g.name,
    level: g.level.display,
    replication: g.mode === 'quorum' ? `quorum write ${g.w} read ${g.r} of ${g.n}` : `${g.mode} (${g.n} replicas)`,
    conflict: g.data.effective.conflict?.value ?? g.strategy,
    prefer: g.prefer,
    summary,
    read,
    write,
    staleness: { reads: c.counts.reads, staleReads: stale, kStaleness: c.kStaleness().map(r3), msBehind: c.msBehind.summary() },
    visibility: visibilityAt.map((t, i) => ({ tMs: t, probability: m.visibilityProbes[i] ? r3(m.visibilityHits[i] / m.visibilityProbes[i]) : 0, probes: m.visibilityProbes[i] })),
    anomalies: { reads: c.counts.reads, counts, promised, violated, sessionsChecked: Math.min(sessions, c.maxSessions) },
    conflictsResolved: m.conflicts,
    duplicates: c.duplicates,
    shed: m.shed,
    availabilityPct,
    faults: faultResults,
    cost: {
      profile: g.profile.name,
      currency: g.currency,
      opsPerSec: r3(opsPerSec),
      writesPerSec: r3(writesPerSec),
      crossRegionGBPerMonth: r3((writesPerSec * secondsPerMonth * remote * g.profile.bytesPerWrite) / 1e9),
      monthly: Math.round(cost.total),
      lines: cost.lines.map((l) => ({ label: l.label, amount: Math.round(l.amount), detail: l.detail })),
      estimatedMonthly: Math.round(est.monthlyCost),
    },
    estimate: { readP99Ms: r3(est.read.p99), writeP99Ms: r3(est.write.p99) },
  };
}
