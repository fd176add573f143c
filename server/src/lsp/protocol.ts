// Custom requests and command ids shared by the server and the client (constants and types only).
export { commands } from '../service/commands';
export type { ExportTypeScriptParams, ExportTypeScriptResult } from '../service/export';
export type { SimulateParams, SimulateResponse, SimulationKind, SimulationTarget } from '../service/simulation';
export type * from '../core/simulate/results';
export type { Bin } from '../core/simulate/histogram';

/** `consistency/exportTypeScript` {uri} → ExportTypeScriptResult | null: the generated module of a policy. */
export const exportTypeScriptRequest = 'consistency/exportTypeScript';

/** `consistency/simulate` SimulateParams (+ workDoneToken) → SimulateResponse: runs the simulator in the server's
 *  worker thread, with $/progress percentages; cancelling the request stops the run (its partial results answer). */
export const simulateRequest = 'consistency/simulate';

/** `consistency/builtinText`: the text of a built-in document such as `builtin:///rbi.consistency`. */
export const builtinTextRequest = 'consistency/builtinText';

export interface BuiltinTextParams {
  uri: string;
}

/** The URI scheme of built-in documents; the client shows them read-only. */
export const builtinUriScheme = 'builtin';

/** The settings section the server reads (`consistency.profile`, `consistency.rules`, …). */
export const settingsSection = 'consistency';
