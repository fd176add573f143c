// One bad file never takes the others down: parsing and analysis that throw are caught here, for the CLI and
// the server alike. A file whose parse throws is kept as an empty document carrying one `internal-error`
// diagnostic; when the whole analysis throws, each file is analysed alone to find the ones that fail, the
// rest are analysed together, and each failing file gets one `internal-error` diagnostic (its scope — the
// file and what it imports — is what failed).
import { internalError } from '../core/check/internal-error';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic';
import { analyzeParsed, parseIsolated as coreParseIsolated } from '../core/pipeline';
import type { Analysis, AnalyzeOptions, UnitCache } from '../core/pipeline';
import { uriKey } from '../core/model/imports';
import { parseDocument, type ParsedDocument } from '../core/syntax/parse';

/** The parser and analyser the shells call (replaceable in tests, to make any file fail). */
export interface Engine {
  parse(text: string, uri: string): ParsedDocument;
  analyze(parsed: ParsedDocument[], options: AnalyzeOptions, cache?: UnitCache): Analysis;
}

export const coreEngine: Engine = { parse: parseDocument, analyze: analyzeParsed };

export const INTERNAL_ERROR = 'internal-error';

/** A parse that never throws (the core's parseIsolated with the engine's parser). */
export function parseIsolated(text: string, uri: string, engine: Engine = coreEngine): ParsedDocument {
  return coreParseIsolated(text, uri, (t, u) => engine.parse(t, u));
}

/** True when a document stands for a file whose parse or analysis failed. */
export function failed(doc: { diagnostics: Diagnostic[] }): boolean {
  return doc.diagnostics.some((d) => d.code === INTERNAL_ERROR);
}

/** analyzeParsed that never throws; `failures` is called with each file whose scope failed alone. */
export function analyzeIsolated(
  parsed: ParsedDocument[],
  options: AnalyzeOptions = {},
  cache?: UnitCache,
  engine: Engine = coreEngine,
): Analysis {
  try {
    return engine.analyze(parsed, options, cache);
  } catch {
    const bad: Diagnostic[] = [];
    // Alone, a file still sees the others' texts through its imports (as in the analysis of them all).
    const texts = new Map(parsed.map((p) => [uriKey(p.uri), p.text]));
    const alone = { ...options, load: (uri: string) => texts.get(uriKey(uri)) ?? options.load?.(uri) };
    const good = parsed.filter((p) => {
      try {
        engine.analyze([p], alone);
        return true;
      } catch (e) {
        bad.push(internalError(p.uri, 'analysing the file', e));
        return false;
      }
    });
    let analysis: Analysis;
    try {
      analysis = engine.analyze(good, options, cache);
    } catch (e) {
      // The files fail only together: each gets the error, and the analysis has the documents alone.
      for (const p of good) bad.push(internalError(p.uri, 'analysing the file', e));
      analysis = analyzeParsed([], options);
    }
    const documents = new Map(analysis.documents);
    for (const p of parsed) if (!documents.has(p.uri)) documents.set(p.uri, p);
    const diagnostics = [...analysis.diagnostics, ...bad].sort(compareDiagnostics);
    return { ...analysis, documents, diagnostics };
  }
}
