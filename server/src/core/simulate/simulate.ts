// Runs a scenario against a policy model: builds each data type's replica group, the clients and the
// load, runs the event loop (cancellable, bounded), lets replication settle, reads every key's final
// value, and reports. Pure and deterministic: the same model, scenario and seed give the same result.
import { describeWorkload } from '../estimate/workload';
import type { DataModel, PolicyModel } from '../model/model';
import { problemOf } from '../model/delay';
import { samplerOf } from './sampler';
import { degradedLevel } from './degrade';
import { buildGroup, profileFor, type Group } from './group';
import { Checker } from './checker';
import { historyChecks, historyVerifier } from './history-checks';
import { GroupMetrics } from './metrics';
import { Kind, Session } from './ops';
import { protocolNotes } from './protocol';
import { Recorder, type RunHeader } from './record';
import { createRng, seedOf } from './prng';
import { describeFault, report } from './report';
import type { SimulationResult } from './results';
import { defaultClients, defaults, type Scenario, type SimulateOptions } from './scenario';
import { Sim } from './sim';
import { apply, emptyVersion, valueOf } from './state';
import { probeTarget } from './visibility';
import { Workload } from './workload';

/** Problems that keep a scenario from running (unknown data types, bad numbers or distributions). */
export function scenarioProblems(model: PolicyModel, sc: Scenario): string[] {
  const out: string[] = [];
  if (sc.data.length === 0) out.push('a scenario needs at least one data type');
  for (const d of sc.data) if (!model.data.has(d)) out.push(`unknown data type '${d}'`);
  if (!(sc.durationMs >= 0)) out.push('duration must be ≥ 0');
  if (sc.load && !(sc.load.perSec >= 0)) out.push('load must be ≥ 0 per second');
  if (sc.load?.readsPct !== undefined && !(sc.load.readsPct >= 0 && sc.load.readsPct <= 100))
    out.push('reads must be between 0% and 100%');
  if (sc.clients && !(sc.clients.count >= 1 && sc.clients.count <= 1_000_000))
    out.push('clients must be between 1 and 1,000,000');
  const shares = sc.clients?.regions;
  if (shares && !(shares.length > 0 && shares.every((c) => c.share >= 0) && shares.some((c) => c.share > 0)))
    out.push('client shares must be ≥ 0, and one above 0');
  if (sc.visibility?.atMs?.some((t) => !(t >= 0))) out.push('t-visibility points must be ≥ 0 ms');
  if (sc.keys !== undefined && !(sc.keys >= 1 && sc.keys <= 1_000_000))
    out.push('keys must be between 1 and 1,000,000');
  if (sc.timeoutMs !== undefined && !(sc.timeoutMs > 0)) out.push('the timeout must be above 0 ms');
  for (const f of sc.faults ?? [])
    if (!(f.atMs >= 0 && f.forMs >= 0)) out.push(`fault ${describeFault(f)}: times must be ≥ 0`);
  const ds = [
    sc.clockSkew,
    ...Object.values(sc.delays ?? {}).filter((x) => x && 'kind' in x),
    ...Object.values(sc.delays?.links ?? {}),
  ];
  for (const d of ds) {
    const p = d && 'kind' in d ? problemOf(d) : undefined;
    if (p) out.push(p);
  }
  return out;
}

/**
 * Operations per second a data type's own workload offers (average; the profile's peak factor when only a peak
 * is declared).
 */
export function workloadRate(data: DataModel, model: PolicyModel): { perSec?: number; readsPct?: number } {
  const { profile } = profileFor(data, model);
  const d = describeWorkload(data.effective.workload?.value, profile).detail;
  return { perSec: d?.avgPerSec, readsPct: d?.readsPct };
}

export function simulate(model: PolicyModel, sc: Scenario, o: SimulateOptions = {}): SimulationResult {
  const problems = scenarioProblems(model, sc);
  if (problems.length) throw new Error(`cannot simulate ${sc.name}: ${problems.join('; ')}`);
  const assumptions: string[] = [];
  const rng = createRng(sc.seed);
  const keys = Math.max(1, Math.floor(sc.keys ?? defaults.keys));
  const datas = sc.data.map((n) => model.data.get(n)!);
  const skewOf = sc.clockSkew ? samplerOf(sc.clockSkew) : undefined;
  const clocks = new Map<string, number>();
  const clockOf = (region: string) => {
    if (!clocks.has(region)) clocks.set(region, skewOf ? skewOf(rng) : 0);
    return clocks.get(region)!;
  };
  const rates = datas.map((d) => workloadRate(d, model));
  const fallbackRate = 100;
  if (!sc.load && rates.some((r) => r.perSec === undefined))
    assumptions.push(`data types without a workload are offered ${fallbackRate} operations/s (assumption)`);
  const perGroup = rates.map((r) => r.perSec ?? fallbackRate);
  const declaredTotal = perGroup.reduce((s, x) => s + x, 0);
  const perSec = sc.load?.perSec ?? declaredTotal;
  /** What the run offers data type i: the load split in proportion to the declared workloads. */
  const offered = (i: number) => (perSec * perGroup[i]) / declaredTotal;
  const groups = datas.map((d, i) =>
    buildGroup(i, d, model, sc, rng, keys, clockOf, degradedLevel(d, offered(i), rates[i].perSec)),
  );
  const readShares = rates.map((r) => (sc.load?.readsPct ?? r.readsPct ?? 50) / 100);

  const shares = sc.clients?.regions ?? groups[0].regions.map((region) => ({ region, share: 1 }));
  const timeoutMs = sc.timeoutMs ?? defaults.timeoutMs;
  const clientCount = Math.max(1, Math.floor(sc.clients?.count ?? defaultClients(perSec, timeoutMs)));
  const sessions: Session[] = [];
  const counts = apportion(
    clientCount,
    shares.map((c) => c.share),
  );
  const sessionsByRegion = shares.map((c, k) => {
    const regionIn = Int32Array.from(groups, (g) => Math.max(0, g.regions.indexOf(c.region)));
    for (const g of groups)
      if (!g.regions.includes(c.region))
        assumptions.push(`${g.name}: clients in ${c.region}, a region its topology lacks, use ${g.regions[0]}`);
    return Array.from({ length: Math.max(1, counts[k]) }, () => {
      // A plain array: a typed array per client costs far more to make (a run may have tens of thousands).
      const home = groups.map((g, gi) => {
        const rs = g.replicas[regionIn[gi]];
        return rs[rs.length === 1 ? 0 : rng.int(rs.length)];
      });
      const s = new Session(sessions.length, sessions.length, c.region, regionIn, home);
      sessions.push(s);
      return s;
    });
  });

  const visibilityAt = sc.visibility?.atMs ?? defaults.visibilityAtMs;
  const faults = sc.faults ?? [];
  const lastFault = faults.reduce((m, f) => Math.max(m, f.atMs + f.forMs), 0);
  const span = Math.max(sc.durationMs, lastFault);
  const metrics = groups.map((g) => new GroupMetrics(faults, g.regions.length, span));
  // Reads come only from the workload (an arrival is a read when a uniform draw in [0, 1) falls below the
  // read share), so a data type with a read share of 0 never completes one: its checker keeps no read state.
  /** The writes group i is expected to make over the run. */
  const writes = (i: number) => (offered(i) * (1 - readShares[i]) * sc.durationMs) / 1000;
  const checkers = groups.map((g, i) => new Checker(g, readShares[i] > 0, writes(i)));
  const checking = o.checks !== false;
  const verifiers = groups.map((g) => (checking ? historyVerifier(g) : undefined));
  let clock = () => 0;
  const record = new Recorder(o.onHistory, o.historyLimit ?? defaults.historyLimit, verifiers, () => clock());
  record.header({ scenario: sc.name, seed: seedOf(sc.seed), data: groups.map(headerOf) });
  const strides = groups.map((_, i) => Math.max(1, Math.floor(writes(i) / (o.visibilityProbes ?? probeTarget))));
  const sim = new Sim(
    groups,
    metrics,
    checking ? checkers : [],
    record,
    rng,
    { timeoutMs, durationMs: sc.durationMs, queueCap: defaults.sessionQueue },
    sessions.length,
    visibilityAt,
    strides,
  );
  clock = () => sim.now;
  const plan = {
    perSec,
    durationMs: sc.durationMs,
    groupShares: perGroup,
    readShares,
    regionShares: shares.map((s) => s.share),
    sessionsByRegion,
  };
  sim.workload = new Workload(sim, plan);
  sim.workload.begin();
  for (const t of new Set(faults.flatMap((f) => [f.atMs, f.atMs + f.forMs])))
    sim.at(t, Kind.Change, null, -1, 0, null, null, 0);
  const limit = o.maxSimMs ?? span + Math.max(defaults.settleMs, 2 * timeoutMs);
  const stopped = sim.run(limit, {
    maxEvents: o.maxEvents ?? Infinity,
    checkEvery: o.checkEvery ?? defaults.checkEvery,
    signal: o.signal,
    shouldStop: o.shouldStop,
    onProgress: o.onProgress,
  });
  for (const v of sim.visibility) v.finish();
  if (!stopped && !groups.some((g) => g.randomQuorums))
    groups.forEach((g, i) => (checkers[i].diverged = divergedKeys(g)));
  finalReads(sim, groups);
  o.onProgress?.(1);

  const total = shares.reduce((x, c) => x + c.share, 0);
  assumptions.push(
    `${sessions.length} clients ` +
      `(${shares.map((c, k) => `${c.region} ${counts[k]} (${Math.round((100 * c.share) / total)}%)`).join(', ')}), ` +
      `one operation at a time each; open-loop Poisson arrivals at ${perSec}/s for ${sc.durationMs / 1000}s; ` +
      `an arrival waits while its client is busy (up to ${defaults.sessionQueue}; beyond, it is shed and counted); ` +
      `${keys} keys per data type, chosen uniformly`,
    "latency runs from an operation's arrival at its client, " +
      'so time spent waiting for a busy client counts (no coordinated omission)',
    `an operation without an answer ${timeoutMs} ms after it arrived fails — ` +
      `or, for a write some replica took, is indeterminate (info) (source L2040: strong-consistency timeout 1 s)`,
    'registers: every write stores a value unique to its key; merged data types are counters: every write adds 1',
    `the seed is ${seedOf(sc.seed)}; sfc32 pseudo-random numbers`,
    ...(checking ? [] : ['the checks were not run (a benchmark of the engine alone)']),
    ...groups.flatMap((g) => g.notes),
  );
  const ran = stopped ? Math.min(sc.durationMs, sim.now) : sc.durationMs;
  return {
    scenario: {
      name: sc.name,
      seed: seedOf(sc.seed),
      durationMs: sc.durationMs,
      loadPerSec: perSec,
      clients: sessions.length,
      keys,
      timeoutMs,
      faults: faults.map(describeFault),
    },
    events: sim.events,
    simulatedMs: Math.round(sim.now * 1000) / 1000,
    ...(stopped ? { stopped } : {}),
    history: { lines: record.lines, truncated: record.truncated },
    // Rates and cost are per second of load that ran: a stopped run's share of the duration, not all of it.
    data: groups.map((g, i) =>
      report({
        g,
        m: metrics[i],
        c: checkers[i],
        vis: sim.visibility[i],
        historyChecks: historyChecks(g, verifiers[i]),
        checked: checking,
        faults,
        durationMs: ran,
        sessions: sessions.length,
        model,
      }),
    ),
    assumptions: [...new Set(assumptions)],
  };
}

/** Splits n clients over shares, exactly (largest remainder), so the counts add up to n. */
function apportion(n: number, shares: number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const exact = shares.map((x) => (n * x) / total);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = n - out.reduce((s, x) => s + x, 0); k < left; k++) out[order[k % order.length][1]]++;
  return out;
}

/** Keys whose replicas (their visible states) still differ once the run settled. */
function divergedKeys(g: Group): number {
  let n = 0;
  for (let k = 0; k < g.keys; k++) {
    const a = g.states.take(k * g.n);
    for (let j = 1; j < g.n; j++) {
      const b = g.states.take(k * g.n + j);
      const differs = valueOf(b, g.strategy) !== valueOf(a, g.strategy) || b.vv.some((x, i) => x !== a.vv[i]);
      g.states.recycle(b);
      if (differs) {
        n++;
        break;
      }
    }
    g.states.recycle(a);
  }
  return n;
}

function headerOf(g: Group): RunHeader['data'][number] {
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
    prefer: g.prefer,
    electionMs: g.lead.electionMs,
  });
  return {
    name: g.name,
    model: g.counter ? 'counter' : 'register',
    level: g.level.display,
    replication: g.mode === 'quorum' ? `quorum write ${g.w} read ${g.r} of ${g.n}` : `${g.mode} (${g.n} replicas)`,
    conflict: g.data.effective.conflict?.value ?? g.strategy,
    protocol: `${writes.slice(2)}; ${reads.slice(2)}`,
  };
}

/**
 * Every key's converged value (all replicas' and coordinators' versions combined) is read once, as the last
 * operation.
 */
function finalReads(sim: Sim, groups: Group[]): void {
  for (const g of groups) {
    const process = sim.nextProcess++;
    for (let k = 0; k < g.keys; k++) {
      const v = emptyVersion(g.slots);
      for (let j = 0; j < g.n; j++) {
        const s = g.states.take(k * g.n + j);
        apply(v, s, g.order); // folded in (copied), so handed back
        g.states.recycle(s);
      }
      const owners = g.proxies.rows / g.keys;
      for (let r = 0; r < owners; r++) {
        const p = g.proxies.take(k * owners + r);
        apply(v, p, g.order);
        g.proxies.recycle(p);
      }
      const value = valueOf(v, g.strategy);
      if (g.counter) sim.checkers[g.index]?.final(k, value, g.name);
      sim.record.final(g, k, process, value, v.vv);
    }
  }
}
