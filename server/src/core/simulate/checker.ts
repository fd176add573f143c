// The version-based checks of one data type's run, fed as operations complete: staleness and bounds
// (guarantees/staleness.ts), the session guarantees (guarantees/sessions.ts), consistent prefix
// (guarantees/prefix.ts), lost updates of merged counters (acknowledged adds missing from the converged
// value) and convergence (replicas that still disagree once replication settled). Linearizability and
// sequential consistency are judged on the history's values instead (verify/).
import type { Group } from './group';
import { ringRoom, ringSize } from './guarantees/ring';
import { Prefix } from './guarantees/prefix';
import { Sessions } from './guarantees/sessions';
import { Staleness, type Bound } from './guarantees/staleness';
import { Witnesses } from './guarantees/witness';
import type { Op } from './ops';
import type { VV } from './state';

export class Checker {
  readonly staleness: Staleness;
  readonly sessions: Sessions;
  readonly prefix: Prefix | undefined;
  /** Per key, acknowledged and indeterminate adds; only counters' are kept, as only they are read (`final`,
   *  which the run calls for counters alone). */
  private okAdds: Float64Array;
  private infoAdds: Float64Array;
  private counter: boolean;
  lostUpdates = 0;
  readonly lostWitnesses = new Witnesses();
  /** Final values above every acknowledged and indeterminate add: a write applied twice. */
  duplicates = 0;
  /** Keys whose replicas still disagreed after the run settled (undefined: not judged). */
  diverged: number | undefined;

  /**
   * @param reads whether the run can complete a read of this data type at all (its read share is above 0).
   * Without reads, the session state and the rings of acknowledged writes (sessions.ts, ring.ts) are never
   * consulted: every session guarantee, staleness, bound and prefix figure is judged in `readOk` alone, and
   * the ring's contents reach the result only through a read. So a write-only run skips keeping them, and
   * its results are exactly those it would have had (a counter's lost-update count, from `okAdds`, still is).
   */
  constructor(
    g: Group,
    private reads: boolean,
    /** The writes the run is expected to make (sizes the rings of acknowledged writes; no result depends on it). */
    writes: number,
  ) {
    const ring = ringSize(g.keys, g.slots);
    const names = { group: g.name, write: g.counter ? ('add' as const) : ('write' as const) };
    this.sessions = new Sessions(g.keys, g.slots, ring, names, ringRoom(writes, g.keys, g.slots, ring));
    this.staleness = new Staleness(g.slots, boundsOf(g), this.sessions.rings);
    this.prefix = g.slots > 1 ? new Prefix(g.keys, g.slots, names) : undefined;
    this.counter = g.counter;
    this.okAdds = new Float64Array(g.counter ? g.keys : 0);
    this.infoAdds = new Float64Array(g.counter ? g.keys : 0);
  }

  writeOk(session: number, key: number, slot: number, idx: number, op: Op): void {
    if (this.reads) this.sessions.writeOk(session, key, slot, idx, op);
    if (this.counter) this.okAdds[key]++;
  }

  writeInfo(key: number): void {
    if (this.counter) this.infoAdds[key]++;
  }

  readOk(session: number, key: number, vv: VV, op: Op, fallback: boolean): void {
    this.staleness.read(key, vv, op, fallback);
    this.sessions.readOk(session, key, vv, op, fallback);
    this.prefix?.read(key, vv, op, fallback);
  }

  /** A counter key's converged value after the run: acknowledged adds missing from it were lost. */
  final(key: number, value: number, name: string): void {
    const ok = this.okAdds[key];
    if (value < ok) {
      this.lostUpdates += ok - value;
      this.lostWitnesses.add(() => ({
        explanation: `${name}/${key} converged to ${value} after ${ok} acknowledged adds: ${ok - value} lost`,
        ops: [],
      }));
    }
    if (value > ok + this.infoAdds[key]) this.duplicates += value - ok - this.infoAdds[key];
  }
}

/** The bounds a read is measured against: a bounded level's, and a declared `staleness <= T`. */
function boundsOf(g: Group): Bound[] {
  const out: Bound[] = [];
  const b = (label: string, kind: 'ms' | 'versions', limit: number): Bound => ({
    label,
    kind,
    limit,
    violations: 0,
    fallbackViolations: 0,
    witnesses: new Witnesses(),
  });
  const l = g.level;
  if (l.name === 'bounded' && l.maxStalenessMs !== undefined) out.push(b(l.display, 'ms', l.maxStalenessMs));
  if (l.name === 'bounded' && l.maxStalenessVersions !== undefined)
    out.push(b(l.display, 'versions', l.maxStalenessVersions));
  if (g.stalenessMs !== undefined) out.push(b(`staleness <= ${g.stalenessMs} ms`, 'ms', g.stalenessMs));
  return out;
}
