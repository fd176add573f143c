// Shared by staleness-below-physics and staleness-below-lag: the staleness bounds a data type states (its
// `staleness <= T`, the T of a `bounded(T)` level), where each is written and how a fix edits it, and how far
// a read can trail a committed write on its topology: the one-way delay of the declared round trip to the
// farthest replica that trails (physics), and the profile's lag estimate (jitter at p99 and apply time added).
import type { Fix } from '../diagnostic';
import { durationText, placeOf, propertyOf, roundUpNice } from '../estimate/fix-support';
import type { DataEstimate } from '../estimate/estimate';
import { needsConsensus } from '../model/levels';
import type { DataModel, PolicyModel, Sourced } from '../model/model';
import type { Range } from '../util/range';
import { formatDuration } from '../syntax/units';
import type { Report } from './rule';

export interface StatedBound {
  source: Sourced<unknown>;
  boundMs: number;
  /** As written: `staleness <= 5ms`, `consistency bounded(10ms)`. */
  written: string;
  uri: string;
  range: Range;
  /** Where a fix edits the number, when the value is the data's own or a user tier's. */
  edit?: { uri: string; range: Range };
  /** "tier `x` sets " or "". */
  setBy: string;
  tier?: string;
}

/** A bound a data type states, before it is described (most are never reported: described only when they are). */
export interface Bound {
  kind: 'staleness' | 'level';
  boundMs: number;
}

const none: Bound[] = [];

/** The bounds a data type states, or none when its reads cannot be stale (consensus levels, R + W > N). */
export function statedBounds(data: DataModel): Bound[] {
  const level = data.effective.level;
  if (level && needsConsensus(level.value)) return none; // reads go to the leader or a quorum
  const rep = data.effective.replication?.value;
  const n = data.topology?.totalReplicas;
  // Read quorums that meet every write quorum see every completed write: nothing trails a read.
  if (rep && n && rep.r + rep.w > n && level?.value.name !== 'regional') return none;
  const stale = data.effective.stalenessMs;
  const bounded = level?.value.name === 'bounded' && level.value.maxStalenessMs !== undefined;
  if (!stale && !bounded) return none;
  const out: Bound[] = [];
  if (stale) out.push({ kind: 'staleness', boundMs: stale.value });
  if (bounded) out.push({ kind: 'level', boundMs: level.value.maxStalenessMs! });
  return out;
}

/** A stated bound described: where it is written, as written, and where a fix edits it. */
export function describedBound(model: PolicyModel, data: DataModel, b: Bound): StatedBound {
  if (b.kind === 'staleness') {
    const stale = data.effective.stalenessMs!;
    const place = placeOf(model, data, stale);
    const prop = propertyOf(data, place, stale, 'staleness');
    const bound = prop?.node.bound?.text ?? formatDuration(stale.value);
    const written = `staleness ${prop?.node.comparator ?? '<='} ${bound}`;
    const edit = place.editable && prop?.node.bound ? { uri: prop.uri, range: prop.node.bound.range } : undefined;
    const { uri, range, setBy } = place;
    return { source: stale, boundMs: stale.value, written, uri, range, edit, setBy, tier: place.tier?.name };
  }
  const level = data.effective.level!;
  const place = placeOf(model, data, level);
  const prop = propertyOf(data, place, level, 'consistency');
  const arg = prop?.node.level?.args[0];
  const edit = place.editable && arg && 'kind' in arg ? { uri: prop.uri, range: arg.range } : undefined;
  const range = level.tier ? place.range : (prop?.node.level?.range ?? place.range);
  const written = `consistency ${level.value.display}`;
  const { uri, setBy } = place;
  const boundMs = level.value.maxStalenessMs!;
  return { source: level, boundMs, written, uri, range, edit, setBy, tier: place.tier?.name };
}

/** The one-way delay of the declared round trip from the leader to the farthest trailing replica, or 0. */
export function physicalFloorMs(e: DataEstimate): number {
  return e.lag && e.lag.lagMs > 0 && e.lag.from !== undefined ? e.lag.rttMs / 2 : 0;
}

/** A report on a stated bound, with a fix raising it to `atLeast` (rounded up to a number a person writes). */
export function boundReport(b: StatedBound, atLeast: number, message: string): Report {
  const raised = durationText(roundUpNice(atLeast));
  const title = `Raise the bound to ${raised}${b.tier ? ` in tier \`${b.tier}\`` : ''}`;
  const fixes: Fix[] | undefined = b.edit ? [{ title, edits: [{ ...b.edit, newText: raised }] }] : undefined;
  return { uri: b.uri, range: b.range, message, fixes };
}
