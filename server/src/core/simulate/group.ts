// One data type's replica group as the engine runs it: regions and replicas (the estimate's network), the
// protocol its level and replication select (how writes are ordered, how reads are served), session-token
// and staleness requirements, conflict strategy, partition preference, capacity, leadership, replica state.
import { estimateCore } from '../estimate/core';
import type { Profile } from '../estimate/profile';
import { storeDelays } from '../estimate/delays';
import { resolveProfile } from '../estimate/profiles/resolve';
import { describe } from '../model/delay';
import { namedLevel, sessionGuarantees, type Level } from '../model/levels';
import type { DataModel, PolicyModel } from '../model/model';
import { Pools } from './capacity';
import type { Degraded } from './degrade';
import { GroupFaults } from './faults';
import { Leadership } from './leadership';
import { defaultDelays, Network } from './network';
import { protocolNotes, type ReadMode, type WriteMode } from './protocol';
import type { Rng } from './prng';
import { defaults, type Scenario } from './scenario';
import { VersionTable } from './table';
import { strategyOf, type Order, type Strategy } from './state';

/** Terms a log can reach in one run (elections beyond it do not happen; the run says so). */
export const maxTerms = 64;

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
  /** Acknowledgements a write needs (counting the coordinator's own) and replies a quorum read needs. */
  w: number;
  r: number;
  writeMode: WriteMode;
  readMode: ReadMode;
  /** Version-vector slots: for a single leader's log one per term it may reach, else one per region. */
  slots: number;
  /** How replicas order versions: the log's order, or the conflict strategy. */
  order: Order;
  /** Region indexes of the declared (or chosen) leaders; empty when leaderless. */
  leaders: number[];
  /** What a local read / a write must include from the session: its writes, its reads. */
  needs: { readW: boolean; readR: boolean; writeW: boolean; writeR: boolean };
  bounded?: { ms?: number; versions?: number };
  /** A declared `staleness <= T`, measured per read. */
  stalenessMs?: number;
  behind: 'wait' | 'redirect';
  randomQuorums: boolean;
  strategy: Strategy;
  /** Reads return counts (merged adds) rather than one write's value: the history's counter model. */
  counter: boolean;
  prefer: 'consistency' | 'availability';
  net: Network;
  faults: GroupFaults;
  lead: Leadership;
  pools: Pools;
  /** Clock offset per region, ms. */
  skew: Float64Array;
  /** Replica states as reads see them, key * n + replica; leaderless coordinators' states, key * regions + region
   *  (key-major: a write touches one key at every replica, so its versions sit together in memory). */
  states: VersionTable;
  /** A log's followers' stored states when reads see only committed writes (they differ until the commit
   *  reaches them); null when what a replica stores is what reads see. */
  accepted: VersionTable | null;
  proxies: VersionTable;
  /** Next unique register value per key. */
  nextValue: Float64Array;
  notes: string[];
  /** Keys as the history names them (`data/index`), made at the first one recorded (record.ts). Kept here, not
   *  in a module-level WeakMap: minor GCs treat a WeakMap's entries as strong, and one keyed by groups kept each
   *  finished run (its states, its sessions) alive until a full GC (util/memo.ts). */
  keyNames?: string[];
}

/**
 * The profile a data type's file names (or, with a `store`, the vendors' one; else the default), as the estimate
 * picks it.
 */
export function profileFor(data: DataModel, model: PolicyModel): { profile: Profile; currency: 'INR' | 'USD' } {
  const file = model.files.find((f) => f.uri === data.origin.uri);
  const { profile } = resolveProfile(model, file?.profile?.value, file?.system !== undefined);
  return { profile, currency: file?.currency?.value ?? profile.currency };
}

/** `clockOf(region)`: the region's clock offset, the same for every data type.
 *  `degraded`: what the data type's `degrade … when load …` rules give this run (degrade.ts). */
export function buildGroup(
  index: number,
  data: DataModel,
  model: PolicyModel,
  sc: Scenario,
  rng: Rng,
  keys: number,
  clockOf: (region: string) => number,
  degraded?: Degraded,
): Group {
  const notes: string[] = [];
  const { profile, currency } = profileFor(data, model);
  const level = degraded?.level ?? data.effective.level?.value ?? namedLevel('eventual');
  if (degraded) notes.push(degraded.note);
  if (!degraded?.level && !data.effective.level)
    notes.push(`${data.name}: no consistency level declared: simulated as eventual`);
  const declared = data.effective.replication?.value;
  const core = estimateCore(model, {
    profile,
    level,
    topology: data.topology,
    topologyAssumed: data.topologyAssumed,
    declared,
    primaries: data.effective.primaries,
    origin: data.origin,
  });
  const regions = core.net.sites.map((s) => s.name);
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const replicas: number[][] = [];
  const replicaRegion: number[] = [];
  core.net.sites.forEach((s, i) => replicas.push(Array.from({ length: s.replicas }, () => replicaRegion.push(i) - 1)));
  const n = replicaRegion.length;
  const g = level.guarantees;
  const mode = core.rep.mode;
  const leaderless = mode === 'quorum' && !core.consensus && !core.regional && data.effective.primaries.length === 0;
  const leaders = core.regional
    ? regions.map((_, i) => i)
    : leaderless
      ? []
      : core.leaders.map((l) => regionIndex.get(l) ?? 0);
  const writeMode: WriteMode = core.regional
    ? 'regional'
    : leaderless
      ? 'leaderless'
      : leaders.length === 1
        ? 'log'
        : 'multi';
  const sessiony = !core.consensus && !core.regional && sessionGuarantees.some((x) => g.has(x));
  const readMode = readModeOf(level, core.consensus, core.regional, mode, core.r, sessiony);
  const local = readMode === 'local' || readMode === 'sticky';
  const needs = {
    readW: local && g.has('read_your_writes'),
    readR: local && g.has('monotonic_reads'),
    writeW: sessiony && g.has('monotonic_writes'),
    writeR: sessiony && g.has('writes_follow_reads'),
  };
  const bounded =
    readMode === 'local' && (level.maxStalenessMs !== undefined || level.maxStalenessVersions !== undefined)
      ? { ms: level.maxStalenessMs, versions: level.maxStalenessVersions }
      : undefined;
  const behind = leaderless ? 'wait' : (sc.behind ?? (bounded && !sessiony ? 'redirect' : 'wait'));
  const strategy = strategyOf(data.effective.conflict?.value);
  const prefer = data.effective.partition?.value ?? (core.consensus ? 'consistency' : 'availability');
  const faults = new GroupFaults(sc.faults ?? [], regions, data.topology);
  const { model: delays, notes: delayNotes } = defaultDelays(
    profile,
    level.costClass,
    sc.delays,
    data.topology,
    storeDelays(data, model),
  );
  const net = new Network(regions, data.topology, delays, sc.delays?.links, rng, faults);
  // A log's terms: the first, and at most one election per fault boundary.
  const slots = writeMode === 'log' ? Math.min(maxTerms, 1 + 2 * (sc.faults?.length ?? 0)) : regions.length;
  const states = new VersionTable(n * keys, slots);
  // A log's followers show only committed writes (Raft applies committed entries; a standby replays commits):
  // when a write commits before it is replicated (W = 1) that is what they receive; else they wait for the commit.
  const committedOnly = writeMode === 'log' && (readMode === 'sticky' || (readMode === 'local' && core.w > 1));
  const accepted = committedOnly ? new VersionTable(n * keys, slots) : null;
  const electionMs = sc.electionMs ?? defaults.electionMs;
  const lead = new Leadership(writeMode, leaders, regions, replicas, keys, slots, electionMs, data.topology);
  const capacity = profile.classes[level.costClass];
  const pools = new Pools(
    n,
    delays.service,
    capacity.capacityPerSec,
    sc.capacityPerSec ?? data.topology?.capacityPerSec,
  );
  const name = data.name;
  const randomQuorums = sc.quorums === 'random' || data.effective.replication?.value.random === true;
  notes.push(
    `${name}: ${level.display}; ${core.repText}${core.rep.assumed ? ' (assumed)' : ''}`,
    ...protocolNotes({
      name,
      writeMode,
      readMode,
      regions,
      leaders,
      w: core.w,
      r: core.r,
      n,
      randomQuorums,
      prefer,
      electionMs,
    }),
    `${name}: conflicts ${strategy === 'merge' ? `merged (${data.effective.conflict?.value})` : strategy}` +
      `${data.effective.conflict ? '' : ' (not declared)'}; ` +
      `under a partition it prefers ${prefer}${data.effective.partition ? '' : ' (not declared)'}`,
    ...delayNotes.map((x) => `${name}: ${x}`),
    `${name}: ` +
      pools.describe(
        data.topology?.capacityPerSec !== undefined
          ? `declared in topology ${data.topology.name}`
          : capacity.capacitySource,
      ),
  );
  if (bounded)
    notes.push(
      `${name}: a local read staler than ${level.display} ` +
        `${behind === 'redirect' ? 'is redirected to the leader' : 'waits for its replica to catch up'} ` +
        `(replicas know their lag exactly)`,
    );
  if (sessiony)
    notes.push(
      `${name}: sessions carry a version-vector token; a local replica behind it ` +
        (behind === 'redirect'
          ? 'redirects to the leader'
          : 'makes the read wait (source L3460–L3466: wait, or read the master)'),
    );
  if (data.whens.length > 0) notes.push(`${name}: its \`when\` branches are not simulated; the base settings are`);
  for (const u of faults.unknown)
    notes.push(`${name}: faults name region ${u}, which its topology does not have: ignored for it`);
  if (sc.clockSkew) notes.push(`${name}: region clocks offset by ${describe(sc.clockSkew)}, drawn once per region`);
  return {
    index,
    name,
    data,
    level,
    profile,
    currency,
    regions,
    replicas,
    replicaRegion: Int32Array.from(replicaRegion),
    n,
    keys,
    mode,
    w: core.regional ? 0 : core.w,
    r: core.r,
    writeMode,
    readMode,
    slots,
    order: writeMode === 'log' ? 'log' : strategy,
    leaders,
    needs,
    bounded,
    stalenessMs: data.effective.stalenessMs?.value,
    behind,
    randomQuorums,
    strategy,
    counter: strategy === 'merge',
    prefer,
    net,
    faults,
    lead,
    pools,
    skew: Float64Array.from(regions, clockOf),
    states,
    accepted,
    proxies: new VersionTable(leaderless ? regions.length * keys : 0, slots),
    nextValue: new Float64Array(keys),
    notes,
    keyNames: undefined,
  };
}

/** How reads are served, from the level's guarantees and the declared replication (docs/simulation.md). */
function readModeOf(
  level: Level,
  consensus: boolean,
  regional: boolean,
  mode: string,
  r: number,
  sessiony: boolean,
): ReadMode {
  if (regional) return 'lease';
  if (consensus) {
    if (mode === 'quorum' && (level.guarantees.has('real_time') || r > 1)) return 'abd';
    return level.guarantees.has('real_time') ? 'lease' : 'sticky';
  }
  return mode === 'quorum' && !sessiony ? 'quorum' : 'local';
}
