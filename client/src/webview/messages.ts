// The messages between the simulation results panel (client/src/simulation-panel.ts, extension side) and its
// webview script (simulation.ts, browser side). Results travel as JSON through postMessage, never as HTML.
import type { SimulateResponse } from '../../../server/src/lsp/protocol';

/** Extension → webview. */
export type ToWebview =
  | { type: 'running'; title: string; seed?: number }
  | {
      type: 'result';
      title: string;
      file: string;
      response: SimulateResponse;
      /** Runs shown in this panel so far. */ run: number;
    };

/** Webview → extension. */
export type FromWebview = { type: 'ready' } | { type: 'rerun' } | { type: 'changeSeed' };
