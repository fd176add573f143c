// The history checkers' public surface: whole-history and streaming linearizability, regional linearizability,
// sequential consistency, witnesses, and the history file reader. Pure: nothing outside this folder is imported.
export type {
  HistOp, Invocation, ModelKind, CheckKind, Verdict, UnknownReasons, WeakReasons, Witness, WitnessStart,
  CheckResult, VerifyOptions, Bounds,
} from './types';
export { defaultBounds, boundsOf } from './types';
export { checkLinearizable } from './linearizable';
export { Monitor } from './monitor';
export { monitorHistory, feed } from './feed';
export { checkRegional, RegionalMonitor, regionView } from './regional';
export { checkSequential } from './sequential';
export { checkWitness } from './witness';
export { parseHistory, HistoryError, HISTORY_FORMAT } from './parse';
export type { HistoryRun, HistoryHeader, HistoryData } from './parse';
