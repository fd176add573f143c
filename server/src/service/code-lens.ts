// CodeLens above each data type: its one-line estimate ("≈ ₹4.2 lakh/month · write p99 48 ms") and ▶ Simulate;
// above each scenario: ▶ Simulate (with the last run's summary once there is one, see simulation.ts); and once
// per file, above its first declaration, "Export TypeScript" (the generated module, see export.ts).
import type { CodeLens } from 'vscode-languageserver-types';
import { isBuiltin } from '../core/model/build-model';
import { commands } from './commands';
import { lensTitle, tryEstimate } from './estimate-text';
import { toRange } from './positions';
import { runKey, simulateLensTitle, simulationTargets } from './simulation';
import type { Snapshot } from './snapshot';

/** The title of the once-per-file export lens. */
export const exportLensTitle = 'Export TypeScript';

/** `lastRuns`: the summary of each target's last simulation, by `runKey`. */
export function codeLenses(s: Snapshot, uri: string, lastRuns: ReadonlyMap<string, string> = new Map()): CodeLens[] {
  const doc = s.document(uri);
  if (!doc) return [];
  const lines = s.lines.get(uri);
  const out: CodeLens[] = [];
  for (const { target, range: at } of simulationTargets(s, uri)) {
    const range = toRange(lines, at);
    if (target.kind === 'data') {
      const d = s.analysis.modelOf(uri).data.get(target.name)!;
      out.push({
        range,
        command: {
          title: lensTitle(tryEstimate(s.analysis, d)),
          command: commands.showEstimate,
          arguments: [uri, d.name],
        },
      });
    }
    out.push({
      range,
      command: {
        title: simulateLensTitle(lastRuns.get(runKey(uri, target))),
        command: commands.simulate,
        arguments: [uri, target.kind, target.name],
      },
    });
  }
  // Last, so on a line shared with a data type it reads "≈ … | ▶ Simulate | Export TypeScript".
  const first = doc.ast.declarations[0];
  if (first && !isBuiltin(uri)) {
    const at = toRange(lines, { start: first.range.start, end: first.range.start });
    out.push({ range: at, command: { title: exportLensTitle, command: commands.exportTypeScript, arguments: [uri] } });
  }
  return out;
}
