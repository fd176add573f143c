// The one entry point the shells call: files in, model and sorted diagnostics out.
import { applySeverities, runChecks, type CheckOptions } from './check/run-checks';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import { estimateData, type DataEstimate } from './estimate/estimate';
import { buildModel, builtinScheme } from './model/build-model';
import type { DataModel, PolicyModel } from './model/model';
import { preludeTexts } from './model/prelude-text.generated';
import { parseDocument, type ParsedDocument } from './syntax/parse';

export interface SourceFile {
  uri: string;
  text: string;
}

export interface AnalyzeOptions extends CheckOptions {
  /** Profile for files that declare none (an editor setting); callers pass only built-in profile names. */
  defaultProfile?: string;
  /** Currency for files that declare none (an editor setting); default: the profile's. */
  defaultCurrency?: 'INR' | 'USD';
}

export interface Analysis {
  documents: Map<string, ParsedDocument>;
  model: PolicyModel;
  /** Diagnostics of the given files (never of built-ins), sorted. */
  diagnostics: Diagnostic[];
  estimate(data: DataModel): DataEstimate;
}

let prelude: ParsedDocument[] | undefined;

/** The built-in prelude files, parsed once. */
export function preludeDocuments(): ParsedDocument[] {
  prelude ??= Object.entries(preludeTexts).map(([name, text]) => parseDocument(text, `${builtinScheme}///${name}`));
  return prelude;
}

export function analyze(files: SourceFile[], options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(files.map((f) => parseDocument(f.text, f.uri)), options);
}

/** As `analyze`, for callers that keep parsed documents between edits. */
export function analyzeParsed(parsed: ParsedDocument[], options: AnalyzeOptions = {}): Analysis {
  const docs = [...preludeDocuments(), ...parsed];
  const { model, diagnostics: modelDiagnostics } = buildModel(docs);
  const fallback = options.defaultProfile;
  if (fallback) for (const f of model.files) f.profile ??= { value: fallback, origin: { uri: f.uri, range: { start: 0, end: 0 } } };
  const currency = options.defaultCurrency;
  if (currency) for (const f of model.files) f.currency ??= { value: currency, origin: { uri: f.uri, range: { start: 0, end: 0 } } };
  const cache = new Map<DataModel, DataEstimate>();
  const estimate = (d: DataModel) => {
    let e = cache.get(d);
    if (!e) cache.set(d, (e = estimateData(d, model)));
    return e;
  };
  const all = [...parsed.flatMap((p) => p.diagnostics), ...modelDiagnostics, ...runChecks(model, estimate, options)];
  const diagnostics = applySeverities(all.filter((d) => !d.uri.startsWith(builtinScheme)), options.rules).sort(compareDiagnostics);
  return { documents: new Map(docs.map((d) => [d.uri, d])), model, diagnostics, estimate };
}
