// One data type's replica group as the engine runs it: regions and replicas (the estimate's network), leaders
// (declared primaries, else the estimate's choice; none for leaderless quorum stores), routing by level,
// session-token and staleness requirements, conflict strategy, partition preference, replica state.
import { estimateCore } from '../estimate/core';
import type { Profile } from '../estimate/profile';
import { defaultProfileName, profileNamed } from '../estimate/profiles/index';
import { namedLevel, sessionGuarantees, type Level } from '../model/levels';
import type { Degraded } from './degrade';
import type { DataModel, PolicyModel } from '../model/model';
import { describe } from '../model/delay';
import { GroupFaults } from './faults';
import { defaultDelays, Network } from './network';
import type { Rng } from './prng';
import type { Scenario } from './scenario';
import { emptyVersion, strategyOf, type Strategy, type Version } from './state';

export type ReadMode = 'leader' | 'quorum' | 'local';

export interface Group {
  index: number;
  name: string;
  data: DataModel;
  level: Level;
  profile: Profile;
  currency: 'INR' | 'USD';
  regions: string[];
  /** Replica ids per region, and each replica's region. */
  replicas: number[][];
  replicaRegion: Int32Array;
  n: number;
  keys: number;
  mode: 'sync' | 'async' | 'quorum';
  /** Acknowledgements a write needs (counting the leader's own apply) and replies a quorum read needs. */
  w: number;
  r: number;
  /** `regional`: each region leads its own writes, needing a majority of its own replicas. */
  regional: boolean;
  leaderless: boolean;
  /** Region indexes of leaders, and the nearest leader per region (-1: leaderless). */
  leaders: number[];
  nearestLeader: Int32Array;
  readMode: ReadMode;
  /** What a local read / a write must include from the session: its writes, its reads. */
  needs: { readW: boolean; readR: boolean; writeW: boolean; writeR: boolean };
  bounded?: { ms?: number; versions?: number };
  behind: 'wait' | 'redirect';
  randomQuorums: boolean;
  strategy: Strategy;
  prefer: 'consistency' | 'availability';
  net: Network;
  faults: GroupFaults;
  /** Clock offset per region, ms. */
  skew: Float64Array;
  /** Replica states, replica * keys + key; leaderless coordinators' states, region * keys + key. */
  states: Version[];
  proxies: Version[];
  notes: string[];
}

/** The profile a data type's file names (or the default), as the estimate picks it. */
export function profileFor(data: DataModel, model: PolicyModel): { profile: Profile; currency: 'INR' | 'USD' } {
  const file = model.files.find((f) => f.uri === data.origin.uri);
  const profile = profileNamed(file?.profile?.value) ?? profileNamed(defaultProfileName)!;
  return { profile, currency: file?.currency?.value ?? profile.currency };
}

/** `clockOf(region)`: the region's clock offset, the same for every data type. */
/** `degraded`: what the data type's `degrade … when load …` rules give this run (degrade.ts). */
export function buildGroup(index: number, data: DataModel, model: PolicyModel, sc: Scenario, rng: Rng, keys: number, clockOf: (region: string) => number, degraded?: Degraded): Group {
  const notes: string[] = [];
  const { profile, currency } = profileFor(data, model);
  const level = degraded?.level ?? data.effective.level?.value ?? namedLevel('eventual');
  if (degraded) notes.push(degraded.note);
  if (!degraded?.level && !data.effective.level) notes.push(`${data.name}: no consistency level declared: simulated as eventual`);
  const declared = data.effective.replication?.value;
  const core = estimateCore(model, { profile, level, topology: data.topology, topologyAssumed: data.topologyAssumed, declared, primaries: data.effective.primaries, origin: data.origin });
  const regions = core.net.sites.map((s) => s.name);
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const replicas: number[][] = [];
  const replicaRegion: number[] = [];
  core.net.sites.forEach((s, i) => replicas.push(Array.from({ length: s.replicas }, () => replicaRegion.push(i) - 1)));
  const n = replicaRegion.length;
  const g = level.guarantees;
  const consensus = core.consensus;
  const regional = core.regional;
  const mode = core.rep.mode;
  const leaderless = mode === 'quorum' && !consensus && !regional && data.effective.primaries.length === 0;
  const leaders = regional ? regions.map((_, i) => i) : leaderless ? [] : core.leaders.map((l) => regionIndex.get(l) ?? 0);
  const faults = new GroupFaults(sc.faults ?? [], regions, data.topology);
  const { model: delays, notes: delayNotes } = defaultDelays(profile, level.costClass, sc.delays, data.topology);
  const net = new Network(regions, data.topology, delays, sc.delays?.links, rng, faults);
  const nearestLeader = new Int32Array(regions.length).fill(-1);
  for (let c = 0; c < regions.length; c++) {
    let best = Infinity;
    if (leaders.length > 0) nearestLeader[c] = leaders[0]; // unreachable regions keep trying the first (their messages are dropped)
    for (const l of leaders) {
      const rtt = l === c ? 0 : (data.topology?.rtt(regions[c], regions[l]) ?? Infinity);
      if (rtt < best) [best, nearestLeader[c]] = [rtt, l];
    }
  }
  const sessiony = !consensus && !regional && sessionGuarantees.some((x) => g.has(x));
  // Declared quorums read R replies (the first R of all replicas, as PBS models it); session levels read locally with tokens.
  const readMode: ReadMode = regional ? 'leader' : consensus ? (mode === 'quorum' ? 'quorum' : 'leader') : mode === 'quorum' && !sessiony ? 'quorum' : 'local';
  const local = readMode === 'local';
  const needs = { readW: local && g.has('read_your_writes'), readR: local && g.has('monotonic_reads'), writeW: sessiony && g.has('monotonic_writes'), writeR: sessiony && g.has('writes_follow_reads') };
  const bounded = local && (level.maxStalenessMs !== undefined || level.maxStalenessVersions !== undefined) ? { ms: level.maxStalenessMs, versions: level.maxStalenessVersions } : undefined;
  const behind = leaderless ? 'wait' : (sc.behind ?? (bounded && !sessiony ? 'redirect' : 'wait'));
  const strategy = strategyOf(data.effective.conflict?.value);
  const prefer = data.effective.partition?.value ?? (consensus ? 'consistency' : 'availability');
  const skew = Float64Array.from(regions, clockOf);
  const origins = regions.length;
  const states = Array.from({ length: n * keys }, () => emptyVersion(origins));
  const proxies = leaderless ? Array.from({ length: origins * keys }, () => emptyVersion(origins)) : [];
  const name = data.name;
  notes.push(
    `${name}: ${level.display}; ${core.repText}${core.rep.assumed ? ' (assumed)' : ''}; ${describeRouting(readMode, leaderless, regional, leaders.map((l) => regions[l]), core.w, core.r)}`,
    `${name}: conflicts ${strategy === 'merge' ? `merged (${data.effective.conflict?.value})` : strategy}${data.effective.conflict ? '' : ' (not declared)'}; under a partition it prefers ${prefer}${data.effective.partition ? '' : ' (not declared)'}`,
    ...delayNotes.map((x) => `${name}: ${x}`),
  );
  if (bounded) notes.push(`${name}: a local read staler than ${level.display} ${behind === 'redirect' ? 'is redirected to the leader' : 'waits for its replica to catch up'} (replicas know their lag exactly)`);
  if (sessiony) notes.push(`${name}: sessions carry a version-vector token; a local replica behind it ${behind === 'redirect' ? 'redirects to the leader' : 'makes the read wait (source L3460–L3466: wait, or read the master)'}`);
  if (data.whens.length > 0) notes.push(`${name}: its \`when\` branches are not simulated; the base settings are`);
  for (const u of faults.unknown) notes.push(`${name}: faults name region ${u}, which its topology does not have: ignored for it`);
  if (sc.clockSkew) notes.push(`${name}: region clocks offset by ${describe(sc.clockSkew)}, drawn once per region`);
  return {
    index, name, data, level, profile, currency, regions, replicas, replicaRegion: Int32Array.from(replicaRegion), n, keys, mode,
    w: regional ? 0 : core.w, r: core.r, regional, leaderless, leaders, nearestLeader, readMode, needs, bounded, behind,
    randomQuorums: sc.quorums === 'random', strategy, prefer, net, faults, skew, states, proxies, notes,
  };
}

function describeRouting(read: ReadMode, leaderless: boolean, regional: boolean, leaders: string[], w: number, r: number): string {
  const writes = regional ? 'writes led in each region by a majority of its replicas, replicated asynchronously' : leaderless ? `leaderless writes from a coordinator in the client's region, committed at ${w} acknowledgements` : `writes led from ${leaders.join(', ')}, committed at ${w} acknowledgement${w > 1 ? 's' : ''} (the leader's own included)`;
  const reads = read === 'leader' ? (regional ? "reads at the client's regional leader" : 'reads at the leader') : read === 'quorum' ? `reads wait for ${r} replies` : 'reads at a random replica of the client\'s region';
  return `${writes}; ${reads}`;
}
