// Types of the history checkers: operations of a history, the object models, options, and the results the
// simulator shows. Pure data; the checkers live beside this file and import nothing outside this folder.

/** One completed operation of a history (times in ms). */
export interface HistOp {
  /** Unique, increasing in invoke order. */
  id: number;
  /** A process runs one operation at a time. */
  process: number;
  /** Keys are independent objects: every check is per key. */
  key: string;
  f: 'read' | 'write' | 'add';
  /** write: the value written (unique per key); add: the increment; read: the value returned (null unless ok). */
  value: number | null;
  invoke: number;
  /** For `info`, when the client gave up: the effect may happen any time after invoke, or never. */
  complete: number;
  /** fail: had no effect; info: indeterminate. */
  type: 'ok' | 'fail' | 'info';
  /** The client's region, for the regional check. */
  region?: number;
}

/** What an operation is known to be at its invocation (enough for the streaming monitor to track quiescence). */
export type Invocation = Pick<HistOp, 'key' | 'f' | 'invoke'> & { region?: number };

/** register: initial 0, write sets, read returns the value. counter: initial 0, add increments, read the sum. */
export type ModelKind = 'register' | 'counter';

/** The three checks. */
export type CheckKind = 'linearizable' | 'regional' | 'sequential';

/** A check's verdict. */
export type Verdict = 'ok' | 'violated' | 'unknown';

/** Why a window (or a key) could not be judged. */
export interface UnknownReasons {
  /** The search ran out of its step budget. */
  budget: number;
  /** A window grew past its cap without a quiescent point (or a key past the sequential check's cap). */
  cap: number;
  /** Too many indeterminate operations to carry (counter increments of more than 3 sizes, or 65535 of one). */
  info: number;
  /** The search's memo outgrew its memory cap. */
  memory: number;
}

/** Why a window was checked from a weaker starting point than the exact one (no false violation, maybe a miss). */
export interface WeakReasons {
  /** More possible states than the bound: the window began from "any state". */
  states: number;
  /** After an unknown or violating window, checking restarted from "any state". */
  restart: number;
  /** The previous window's end states were too many to enumerate within its budget (it was judged by one order). */
  budget: number;
  /** Indeterminate writes evicted from the carried set: a read of an unexplained value may be one of them. */
  evicted: number;
}

/** A possible state before a witness's first operation. */
export interface WitnessStart {
  /** The value, or "any" (after a restart, the next read fixes it). */
  value: number | 'any';
  /** Counters: [increment, count] still pending — each may be applied at any time, or never. */
  pending?: [number, number][];
  /** Ids of the witness's `context` operations already in effect in this state. */
  applied?: number[];
}

/**
 * A small sub-history that no order explains: from any of the start states, with the `pending` writes (register:
 * [value, 1]) or increments (counter: [increment, count]) free to take effect at any time or never, no order of
 * `ops` explains the values read. 1-minimal: freeing any one of `ops` (a read dropped; a write or increment made
 * pending) explains them.
 */
export interface Witness {
  key: string;
  /** The region whose clients saw it (regional check only). */
  region?: number;
  /** stale-read, new-old-inversion, never-written, failed-write, future-read, lost-increment, or generic. */
  pattern: string;
  explanation: string;
  /** The operations, by id. */
  ops: HistOp[];
  start: WitnessStart[];
  pending: [number, number][];
  /** False when the minimisation ran out of effort (then `ops` may hold more than needed). */
  minimal: boolean;
  /**
   * Operations in flight when the witness starts (a window cut while they ran): each start state lists in
   * `applied` those already in effect; the others still take effect, in real-time order, unless past `until`.
   */
  context?: HistOp[];
  /** Operations completing at or after this time (ms) were still in flight at the end: they need not take effect. */
  until?: number;
}

/** One check's result over one data type's history. */
export interface CheckResult {
  check: CheckKind;
  model: ModelKind;
  verdict: Verdict;
  /** Operations given (every type). */
  ops: number;
  keys: number;
  windows: number;
  windowsUnknown: number;
  /** Operations in windows (or keys) that could not be judged. */
  opsUnknown: number;
  unknownReasons: UnknownReasons;
  /** Windows checked from a weaker start than the exact one. */
  windowsWeak: number;
  weakReasons: WeakReasons;
  violatingWindows: number;
  violatingKeys: number;
  witnesses: Witness[];
}

/** Bounds of the checkers; every field has a default. */
export interface VerifyOptions {
  /**
   * Search steps per window (monitor); per key, for the whole-history and sequential checks, as much per
   * `maxWindowOps` operations of the key (at least this).
   */
  budget?: number;
  /** Operations a window may hold before it is given up as unknown (monitor). */
  maxWindowOps?: number;
  /** Operations after which a window with no quiescent point is cut where few operations are in flight. */
  cutOps?: number;
  /** Operations in flight at most at such a cut (each start state then says which it had applied; ≤ 30). */
  maxPinned?: number;
  /** Possible states carried across a window boundary before "any state" replaces them. */
  maxStates?: number;
  /** Indeterminate register writes carried per key before the oldest are evicted. */
  maxCarriedWrites?: number;
  /** Witnesses kept per check. */
  maxWitnesses?: number;
  /** Searches one witness minimisation may run. */
  witnessChecks?: number;
  /** Operations per key the sequential check takes (beyond: the first ones only, and the key is unknown). */
  maxOpsPerKey?: number;
  /** Memo entries × bitset words one search may store. */
  maxMemoWords?: number;
}

/** The options with every default filled in. */
export type Bounds = Required<VerifyOptions>;

/** Defaults of {@link VerifyOptions}. */
export const defaultBounds: Bounds = {
  budget: 200_000,
  maxWindowOps: 256,
  cutOps: 32,
  maxPinned: 8,
  maxStates: 32,
  maxCarriedWrites: 64,
  maxWitnesses: 5,
  witnessChecks: 400,
  maxOpsPerKey: 1000,
  maxMemoWords: 1 << 25,
};

/** Fills in the defaults. */
export function boundsOf(o: VerifyOptions = {}): Bounds {
  return { ...defaultBounds, ...o };
}
