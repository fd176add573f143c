// What every store mapping reads: the level a data type (or a `when` branch) needs, classified once,
// and the deployment it runs on (regions with replica counts, primary, declared replication, conflicts).
import { namedLevel, needsConsensus, sessionGuarantees, type Guarantee, type Level } from '../model/levels';
import type { Effective, Replication, TopologyModel } from '../model/model';
import { assumedRegion } from '../model/topology';

/** Settings for one system, why they give the level, and what they cannot give. */
export interface DriverAdvice<S> {
  settings: S;
  /** One line: why these settings give the declared level. */
  reason: string;
  /** Caveats the settings rely on (routing, tokens, stronger-than-declared choices). */
  notes: string[];
  /** What of the declared level or bound the system cannot give on this deployment; empty when it can. */
  unsupported: string[];
}

/** The family a level belongs to, strongest first; each driver maps families, not level names. */
export type LevelFamily =
  | 'transactions'
  | 'total_order'
  | 'regional'
  | 'causal'
  | 'session'
  | 'bounded'
  | 'prefix'
  | 'eventual';

export interface DriverRegion {
  name: string;
  replicas: number;
}

export interface DriverInput {
  level: Level;
  family: LevelFamily;
  /** The session guarantees the level asks for (all four for causal and stronger). */
  session: Guarantee[];
  regions: DriverRegion[];
  /** Total replicas N. */
  n: number;
  /** Where writes go: the first declared primary, else the topology's primary region, else the first region. */
  primaryRegion: string;
  /** Regions declared as accepting writes, when more than one. */
  multiPrimary: string[];
  /** The policy's own replication, when it declares one (not assumed from the level). */
  replication?: Replication;
  conflict?: string;
  /** Notes about what was assumed (no level, no topology). */
  assumed: string[];
}

export { majority } from '../util/quorum';

export function familyOf(level: Level): LevelFamily {
  const g = level.guarantees;
  if (g.has('transactions')) return 'transactions';
  if (needsConsensus(level)) return 'total_order';
  if (level.name === 'regional') return 'regional';
  if (g.has('causal')) return 'causal';
  const strict = level.maxStalenessMs === 0 || level.maxStalenessVersions === 0;
  if (!strict && (level.maxStalenessMs !== undefined || level.maxStalenessVersions !== undefined)) return 'bounded';
  if (sessionGuarantees.some((s) => g.has(s))) return 'session';
  if (g.has('consistent_prefix')) return 'prefix';
  return 'eventual';
}

/** Replicas assumed per region when a data type names no topology (source L1923: 3, "minimum for strong"). */
export const assumedReplicas = 3;

export function driverInput(effective: Effective, topology: TopologyModel | undefined): DriverInput {
  const assumed: string[] = [];
  const level = effective.level?.value ?? namedLevel('eventual');
  if (!effective.level) assumed.push('no consistency level declared: settings for eventual');
  let regions: DriverRegion[] = topology
    ? [...topology.regions.values()].map((r) => ({ name: r.name, replicas: r.replicas }))
    : [];
  if (regions.length === 0) {
    regions = [{ name: assumedRegion, replicas: assumedReplicas }];
    assumed.push(`no topology: one region '${assumedRegion}' with ${assumedReplicas} replicas assumed`);
  }
  const topoPrimary = topology ? [...topology.regions.values()].find((r) => r.primary)?.name : undefined;
  const declaredPrimaries = effective.primaries.filter((p) => regions.some((r) => r.name === p));
  const primaryRegion = declaredPrimaries[0] ?? topoPrimary ?? regions[0].name;
  const family = familyOf(level);
  const session =
    family === 'session'
      ? sessionGuarantees.filter((s) => level.guarantees.has(s))
      : family === 'bounded' || family === 'prefix' || family === 'eventual'
        ? []
        : [...sessionGuarantees];
  return {
    level,
    family,
    session,
    regions,
    n: regions.reduce((s, r) => s + r.replicas, 0),
    primaryRegion,
    multiPrimary: declaredPrimaries.length > 1 ? declaredPrimaries : [],
    replication:
      effective.replication && !effective.replication.value.assumed ? effective.replication.value : undefined,
    conflict: effective.conflict?.value,
    assumed,
  };
}

/** `sync` → W = N; `async` → 1; `quorum write W` → W (capped at N). Undefined when not declared. */
export function declaredWrites(i: DriverInput): number | undefined {
  const r = i.replication;
  if (!r) return undefined;
  return r.mode === 'sync' ? i.n : r.mode === 'async' ? 1 : Math.min(r.w, i.n);
}

export function declaredReads(i: DriverInput): number | undefined {
  const r = i.replication;
  if (!r) return undefined;
  return r.mode === 'quorum' ? Math.min(r.r, i.n) : 1;
}
