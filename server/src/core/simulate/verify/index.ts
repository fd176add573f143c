// The history checkers' public surface: whole-history and streaming linearizability, regional linearizability,
// sequential consistency, witnesses, and the history file reader. Pure: nothing outside this folder is imported.
//
// Design, in short (details in each file's header):
// - Models: a register (initial 0; written values unique per key) and a counter (initial 0; reads return the
//   sum). Every check is per key. Operations that touch in time (one ends when the other begins) are concurrent.
// - Indeterminate (info) operations: a read constrains nothing and is dropped. A write or increment may take effect
//   once at any time after its invocation, or never: its return is at +∞, and "never" is the same as "last". An
//   indeterminate register write whose value no read returns is dropped — no read can tell it happened, so any
//   order with it stays valid without it; one whose value is read is kept and must precede that read.
//   Indeterminate increments of one size are interchangeable and taken in call order (likewise definite ones that
//   may take effect at the same point, by deadline).
// - Streaming (Monitor): a key is cut at an invocation later than all its earlier invocations and completions.
//   Where nothing is in flight (quiescent) the window is checked at once; a key that does not quiesce is cut after
//   `cutOps` operations where at most `maxPinned` are in flight, checked when they complete, and each end state
//   records which of them it applied. Carried across a cut: the possible states (with the pinned operations), the
//   register writes that may still take effect (by value, the oldest evicted past `maxCarriedWrites`: a read of an
//   unexplained value may then be one of them, a weaker check), the counter increments that may still be applied
//   (counted per size inside the state; past 3 sizes or 65535 of one the key is unknown for the rest of the run).
//   More than `maxStates` states become "any state", fixed by the next read: a weaker check, counted. A window
//   past `maxWindowOps` is not checked (unknown, counted); checking restarts from "any state" at a later cut. A
//   window whose end states are too many for its budget is judged by one order and the next starts from "any".
//   Memory: the windows in flight and a small carry per key (at most 16 operations of the last windows, kept for
//   witnesses), not the run.
// - Budgets: a step budget per search (a window; a whole key gets one per `maxWindowOps` of its operations) and a
//   memo cap; past them the verdict is unknown, never a guess.
// - Witnesses: delta debugging where leaving an operation out frees it (a read dropped; a write or increment may
//   take effect at any time, or never), so a stale read keeps the writes that make it stale; 1-minimal unless the
//   effort cap ran out; named patterns with a one-line explanation.
// - Regional: per region, its own operations plus other regions' writes and increments taken as indeterminate
//   (asynchronous replication: any time after their invocation, in no promised order).
// - Sequential consistency: one order per key keeping each process's own order, real time ignored; checked whole
//   up to `maxOpsPerKey` operations per key (a longer key is checked on its first ones, its later writes free;
//   a violation there counts, else the key is unknown).
// - Results: "violated" if any window is, else "unknown" if any window could not be judged, else "ok"; counts of
//   windows, unknown windows by reason, weaker windows by reason; the first `maxWitnesses` witnesses. The same
//   input gives byte-identical JSON.
export type {
  HistOp,
  Invocation,
  ModelKind,
  CheckKind,
  Verdict,
  UnknownReasons,
  WeakReasons,
  Witness,
  WitnessStart,
  CheckResult,
  VerifyOptions,
  Bounds,
} from './types';
export { defaultBounds, boundsOf } from './types';
export { checkLinearizable } from './linearizable';
export { Monitor } from './monitor';
export { monitorHistory, feed } from './feed';
export { checkRegional, RegionalMonitor, regionView } from './regional';
export { checkSequential } from './sequential';
export { certifies, orderByHint } from './certificate';
export { checkWitness } from './witness';
export { parseHistory, HistoryError, HISTORY_FORMAT } from './parse';
export type { HistoryRun, HistoryHeader, HistoryData } from './parse';
