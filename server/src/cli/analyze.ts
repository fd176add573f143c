// The CLI's one call into the analysis: files in, the Analysis out, never an exception — a file whose parse or
// analysis fails gets one `internal-error` diagnostic and the others are still checked (service/isolation.ts).
// Such a failure makes every command exit with INTERNAL_FAILURE after printing what it could.
import type { Diagnostic } from '../core/diagnostic';
import type { Analysis, AnalyzeOptions } from '../core/pipeline';
import { analyzeIsolated, coreEngine, INTERNAL_ERROR, parseIsolated, type Engine } from '../service/isolation';

export { INTERNAL_FAILURE } from './exit-codes';

export function analyzeInputs(
  files: { uri: string; text: string }[],
  options: AnalyzeOptions,
  engine: Engine = coreEngine,
): Analysis {
  return analyzeIsolated(
    files.map((f) => parseIsolated(f.text, f.uri, engine)),
    options,
    undefined,
    engine,
  );
}

/** The diagnostics that say the checker failed (not that the policy is wrong). */
export function internalFailures(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === INTERNAL_ERROR);
}
