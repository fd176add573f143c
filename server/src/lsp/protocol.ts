// Custom requests and command ids shared by the server, the client and the tests: each request is one typed
// RequestType, so a call site cannot send the wrong parameters or read the wrong result.
import { RequestType } from 'vscode-languageserver-protocol';
import type { WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ExportTypeScriptParams, ExportTypeScriptResult } from '../service/export';
import type { SimulateParams, SimulateResponse } from '../service/simulation';
export { commands } from '../service/commands';
export type { ExportTypeScriptParams, ExportTypeScriptResult } from '../service/export';
export type { SimulateParams, SimulateResponse, SimulationKind, SimulationTarget } from '../service/simulation';
export type * from '../core/simulate/results';
export type { Bin } from '../core/simulate/histogram';

/** `consistency/exportTypeScript` {uri} → ExportTypeScriptResult | null: the generated module of a policy. */
export const exportTypeScriptRequest = new RequestType<ExportTypeScriptParams, ExportTypeScriptResult | null, void>(
  'consistency/exportTypeScript',
);

/** `consistency/simulate` SimulateParams (+ workDoneToken) → SimulateResponse: runs the simulator in the server's
 *  worker thread, with $/progress percentages; cancelling the request stops the run (its partial results answer). */
export const simulateRequest = new RequestType<SimulateParams & WorkDoneProgressParams, SimulateResponse | null, void>(
  'consistency/simulate',
);

/** `consistency/builtinText`: the text of a built-in document such as `builtin:///rbi.consistency`. */
export const builtinTextRequest = new RequestType<BuiltinTextParams, string | null, void>('consistency/builtinText');

export interface BuiltinTextParams {
  uri: string;
}

/** The URI scheme of built-in documents; the client shows them read-only. */
export const builtinUriScheme = 'builtin';

/** The settings section the server reads (`consistency.profile`, `consistency.rules`, …). */
export const settingsSection = 'consistency';

/**
 * Node flags the language server runs with. It re-analyses on every edit and allocates short-lived trees:
 * a 32 MB young generation (V8's default is 16 MB) cuts scavenges by a third and analysis time by about a
 * quarter on a 5,000-line file (`npm run bench` runs with the same flags). A runtime v8.setFlagsFromString
 * does not resize the young generation, so the client passes them when it starts the server.
 */
export const serverNodeFlags = ['--max-semi-space-size=32'];
