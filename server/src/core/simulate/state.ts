// A replica's version of a key: a version vector over the group's write slots (writes included per slot),
// the register value or counter count, and the winning write's timestamp, sequence and origin region.
// Single-leader groups have one slot per leader term, each counting the writes of that term's log: a
// version includes a write exactly when its log does (a failover that drops an old leader's writes shows).
// Multi-primary, leaderless and regional groups have one slot per region and resolve concurrent versions
// by the conflict strategy (registers keep one winner, so lost updates appear exactly where it drops one;
// merges keep every write and count them).

export type Strategy = 'last_writer_wins' | 'highest_sequence' | 'lowest_amount' | 'abort' | 'merge';

/** The strategy a declared conflict resolution simulates as (`manual` and `keep_all_versions` keep siblings: merge). */
export function strategyOf(conflict: string | undefined): Strategy {
  switch (conflict) {
    case 'highest_sequence':
    case 'lowest_amount':
    case 'abort':
    case 'last_writer_wins':
      return conflict;
    case undefined:
      return 'last_writer_wins';
    default:
      return 'merge'; // merge union, merge sum, manual, keep_all_versions
  }
}

/** A version vector: per slot, how many of its writes are included (plain arrays: they are small and made often). */
export type VV = number[];

/** n zeros, as a packed array (`new Array(n)` would make a holey one, slower on every access), trimmed to
 *  its length: `push` leaves room for 17 elements, which would spread a table of versions over memory. */
export function zeros(n: number): VV {
  const out: VV = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out.slice();
}

export interface Version {
  vv: VV;
  /** A register's value (the winning write's unique value), or a single-leader counter's count. */
  value: number;
  /** Timestamp (coordinator clock), Lamport sequence and origin region of the winning write; ties break on origin. */
  ts: number;
  seq: number;
  origin: number;
}

export function emptyVersion(slots: number): Version {
  return { vv: zeros(slots), value: 0, ts: -Infinity, seq: 0, origin: -1 };
}

export function copyVersion(v: Version): Version {
  return { vv: v.vv.slice(), value: v.value, ts: v.ts, seq: v.seq, origin: v.origin };
}

/** Overwrites `s` with `w` (a replica adopting the leader's state when it rejoins). */
export function assign(s: Version, w: Version): void {
  for (let i = 0; i < w.vv.length; i++) s.vv[i] = w.vv[i];
  s.value = w.value;
  s.ts = w.ts;
  s.seq = w.seq;
  s.origin = w.origin;
}

/** a ≥ b pointwise: a includes every write b includes. */
export function includes(a: VV, b: VV): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] < b[i]) return false;
  return true;
}

/** The value a reader sees: merged counters count the writes of every slot (a log's terms included);
 *  registers and single-slot counters keep `value`. */
export function valueOf(v: Version, s: Strategy): number {
  if (s !== 'merge' || v.vv.length === 1) return v.value;
  let sum = 0;
  for (let i = 0; i < v.vv.length; i++) sum += v.vv[i];
  return sum;
}

/** Does register version a beat b when they are concurrent? */
function beats(s: Strategy, a: Version, b: Version): boolean {
  return beatsBy(s, a.value, a.ts, a.seq, a.origin, b.value, b.ts, b.seq, b.origin);
}

/** `beats` on the versions' fields (table.ts keeps versions as rows of numbers). */
export function beatsBy(
  s: Strategy,
  aValue: number,
  aTs: number,
  aSeq: number,
  aOrigin: number,
  bValue: number,
  bTs: number,
  bSeq: number,
  bOrigin: number,
): boolean {
  switch (s) {
    case 'highest_sequence':
      return aSeq !== bSeq ? aSeq > bSeq : aOrigin > bOrigin;
    case 'lowest_amount':
      return aValue !== bValue ? aValue < bValue : aTs !== bTs ? aTs < bTs : aOrigin < bOrigin;
    case 'abort': // first writer wins; the later one is aborted
      return aTs !== bTs ? aTs < bTs : aOrigin < bOrigin;
    default:
      return aTs !== bTs ? aTs > bTs : aOrigin > bOrigin;
  }
}

/** How a replica orders versions: a conflict strategy, or `log` — a leader's log, whose versions count writes
 *  per term and are ordered as Raft orders logs (the later last term, then the longer), never merged. */
export type Order = Strategy | 'log';

/** Is log version a more up to date than b (Raft: the later last term, then the higher index in it)? */
export function newerLog(a: VV, b: VV): boolean {
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

/** What `apply` did: already included, newer (replaced), concurrent and won (or merged), concurrent and lost. */
export const Applied = { Old: 0, Newer: 1, Won: 2, Lost: 3 } as const;
export type Applied = (typeof Applied)[keyof typeof Applied];

/** Folds version `w` into state `s` (in place). */
export function apply(s: Version, w: Version, strategy: Order): Applied {
  if (strategy === 'log') {
    if (!newerLog(w.vv, s.vv)) return Applied.Old;
    assign(s, w);
    return Applied.Newer;
  }
  let ge = true; // w ≥ s
  let le = true; // w ≤ s
  const a = w.vv;
  const b = s.vv;
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) ge = false;
    else if (a[i] > b[i]) le = false;
  }
  if (le) return Applied.Old;
  if (ge) {
    assign(s, w);
    return Applied.Newer;
  }
  for (let i = 0; i < a.length; i++) if (a[i] > b[i]) b[i] = a[i];
  if (strategy === 'merge') return Applied.Won;
  const win = beats(strategy, w, s);
  const seq = Math.max(s.seq, w.seq);
  if (win) {
    s.value = w.value;
    s.ts = w.ts;
    s.origin = w.origin;
  }
  s.seq = seq;
  return win ? Applied.Won : Applied.Lost;
}
