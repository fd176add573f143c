// The one entry point the shells call: files in, models and sorted diagnostics out. Each file is checked in
// its own scope: the built-in prelude, the file, and what it imports (docs/language.md#files), so unrelated
// files never see each other's names. A file's diagnostics come from its own scope; one that a file's use of
// an import causes inside the imported file is reported on the `import` that brings it.
import { guarded, internalError } from './check/internal-error';
import type { Rule } from './check/rule';
import { applySeverities, runChecks, type CheckOptions } from './check/run-checks';
import { diagnostic, compareDiagnostics, type Diagnostic } from './diagnostic';
import { estimateData, type DataEstimate } from './estimate/estimate';
import type { CheckCache } from './check-cache';
import type { EstimateCache } from './estimate-cache';
import type { ModelCache } from './model/model-cache';
import { isBuiltin, buildModel, builtinScheme } from './model/build-model';
import { importEdges, importLeadingTo, importPath, resolveImport, uriKey, visibleFrom } from './model/imports';
import type { ImportEdge } from './model/imports';
import type { DataModel, Declared, PolicyModel, Reference } from './model/model';
import { preludeTexts } from './model/prelude-text.generated';
import { parseDocument, type ParsedDocument } from './syntax/parse';
import { followable } from './util/sources';

export interface SourceFile {
  uri: string;
  text: string;
}

export interface AnalyzeOptions extends CheckOptions {
  /** Profile for files that declare none (an editor setting); callers pass only built-in profile names. */
  defaultProfile?: string;
  /** Currency for files that declare none (an editor setting); default: the profile's. */
  defaultCurrency?: 'INR' | 'USD';
  /** The text of a file an `import` names that is not among the files given (the CLI reads the disk). */
  load?: (uri: string) => string | undefined;
  /** The rules to run (default: all of them); tests pass their own. */
  ruleSet?: Rule[];
  /** Estimates kept between analyses (the editor's): reused for data types whose inputs did not change. */
  estimates?: EstimateCache;
  /** Rule findings kept between analyses (the editor's), likewise. */
  checks?: CheckCache;
  /** Model entries kept between analyses (the editor's): reused for declarations an edit did not touch. */
  models?: ModelCache;
}

/** One file's scope: what it sees, its model, its estimates. */
export interface Unit {
  root: string;
  /** The URIs of the files it sees besides the prelude, dependencies first, the root last. */
  documents: string[];
  model: PolicyModel;
  estimate(data: DataModel): DataEstimate;
  /** What its model and rules report, wherever it points (the pipeline sorts out where each belongs). */
  diagnostics: Diagnostic[];
}

export interface Analysis {
  /** Every document read: the files given, the files they import, the prelude. */
  documents: Map<string, ParsedDocument>;
  /** The model of the first file given (what a single-file caller wants); the prelude alone without files. */
  model: PolicyModel;
  /** Each file's scope, by its URI. */
  units: Map<string, Unit>;
  /** The model a file sees (its unit's); the first file's model for a URI that is not a file of the analysis. */
  modelOf(uri: string): PolicyModel;
  /** Every declaration and every reference of every file, each as its own file sees it (for editor features). */
  declarations: Declared[];
  references: Reference[];
  /** Diagnostics of the files (never of built-ins), sorted. */
  diagnostics: Diagnostic[];
  estimate(data: DataModel): DataEstimate;
}

/** Units kept between analyses (the editor's): reused while the documents they see and the options are the same. */
export type UnitCache = Map<string, { docs: ParsedDocument[]; options: string; unit: Unit }>;

let prelude: ParsedDocument[] | undefined;

/** The built-in prelude files, parsed once. */
export function preludeDocuments(): ParsedDocument[] {
  prelude ??= Object.entries(preludeTexts).map(([name, text]) => parseDocument(text, `${builtinScheme}///${name}`));
  return prelude;
}

export function analyze(files: SourceFile[], options: AnalyzeOptions = {}): Analysis {
  return analyzeParsed(
    files.map((f) => parseIsolated(f.text, f.uri)),
    options,
  );
}

/** A file whose parse throws is read as empty, with the text kept and one `internal-error`: the other files are
 *  unaffected. `parse` is the parser (the shells pass theirs, replaceable in tests). */
export function parseIsolated(text: string, uri: string, parse = parseDocument): ParsedDocument {
  return guarded(
    () => parse(text, uri),
    (e) => ({ ...parseDocument('', uri), text, diagnostics: [internalError(uri, 'parsing the file', e)] }),
  );
}

/** The files given and every file they import (read with `options.load`), by key; unknown imports reported. */
function collect(parsed: ParsedDocument[], options: AnalyzeOptions, out: Diagnostic[]): Map<string, ParsedDocument> {
  const docs = new Map<string, ParsedDocument>();
  for (const p of parsed) if (!docs.has(uriKey(p.uri))) docs.set(uriKey(p.uri), p);
  const queue = [...docs.values()];
  for (let i = 0; i < queue.length; i++) {
    const doc = queue[i];
    for (const d of doc.ast.declarations) {
      if (d.kind !== 'import' || !d.path) continue;
      const path = d.path.value;
      const uri = resolveImport(doc.uri, path);
      const range = d.path.range;
      const unknown = (message: string) => {
        out.push(diagnostic({ code: 'unknown-import', uri: doc.uri, range, message }));
      };
      if (!path.endsWith('.consistency')) unknown(`\`import "${path}"\` is not a .consistency file.`);
      else if (uri === undefined) unknown(`\`import "${path}"\` cannot be resolved from this file.`);
      if (!path.endsWith('.consistency') || uri === undefined) continue;
      const key = uriKey(uri!);
      if (docs.has(key)) continue;
      let failed = false;
      const text = guarded(
        () => options.load?.(uri!),
        (e) => {
          failed = true;
          out.push({ ...internalError(doc.uri, `reading \`import "${path}"\``, e), range });
          return undefined;
        },
      );
      if (failed) continue;
      if (text === undefined) {
        unknown(`\`import "${path}"\`: no such file (${decodeURI(uri!)}).`);
        continue;
      }
      const loaded = parseIsolated(text, uri!);
      docs.set(key, loaded);
      queue.push(loaded);
    }
  }
  return docs;
}

/** A unit whose model or checks throw: the prelude's model, and one `internal-error` on its file. */
function buildUnit(root: ParsedDocument, seen: ParsedDocument[], options: AnalyzeOptions, optionsKey: string): Unit {
  return guarded(
    () => buildUnitUnguarded(root, seen, options, optionsKey),
    (e) => {
      const model = buildModel(preludeDocuments()).model;
      const estimate = (d: DataModel) => estimateData(d, model);
      const diagnostics = [internalError(root.uri, 'analysing the file', e)];
      return { root: root.uri, documents: [...seen.map((s) => s.uri), root.uri], model, estimate, diagnostics };
    },
  );
}

function buildUnitUnguarded(
  root: ParsedDocument,
  seen: ParsedDocument[],
  options: AnalyzeOptions,
  optionsKey: string,
): Unit {
  const docs = [...preludeDocuments(), ...seen, root];
  const { model, diagnostics: modelDiagnostics } = buildModel(docs, options.models?.scope(root.uri));
  const fallback = options.defaultProfile;
  const at = (uri: string) => ({ uri, range: { start: 0, end: 0 } });
  if (fallback) for (const f of model.files) f.profile ??= { value: fallback, origin: at(f.uri) };
  const currency = options.defaultCurrency;
  if (currency) for (const f of model.files) f.currency ??= { value: currency, origin: at(f.uri) };
  const cache = new Map<DataModel, DataEstimate>();
  const compute = (d: DataModel) => estimateData(d, model);
  const kept = options.estimates?.scope(docs, optionsKey, compute) ?? compute;
  const estimate = (d: DataModel) => {
    let e = cache.get(d);
    if (!e) cache.set(d, (e = kept(d)));
    return e;
  };
  const reused = options.ruleSet ? undefined : options.checks?.run(docs, options, optionsKey, model, estimate);
  const all = [...modelDiagnostics, ...(reused ?? runChecks(model, estimate, options, options.ruleSet))];
  const diagnostics = all.filter((d) => !isBuiltin(d.uri));
  return { root: root.uri, documents: [...seen.map((s) => s.uri), root.uri], model, estimate, diagnostics };
}

const diagnosticKey = (d: Diagnostic) => `${d.code}|${uriKey(d.uri)}|${d.range.start}-${d.range.end}|${d.message}`;

/** As `analyze`, for callers that keep parsed documents between edits (and, optionally, units). */
export function analyzeParsed(parsed: ParsedDocument[], options: AnalyzeOptions = {}, cache?: UnitCache): Analysis {
  const documentDiagnostics: Diagnostic[] = [];
  const docs = collect(parsed, options, documentDiagnostics);
  const edgeMemo = new Map<string, ImportEdge[]>();
  const edges = (key: string) => {
    let e = edgeMemo.get(key);
    if (!e) edgeMemo.set(key, (e = importEdges(docs.get(key)!, (k) => docs.has(k))));
    return e;
  };
  const optionsKey = JSON.stringify([options.defaultProfile, options.defaultCurrency, options.rules]);
  const units = new Map<string, Unit>();
  for (const [key, doc] of docs) {
    const seen = visibleFrom(key, edges).map((k) => docs.get(k)!);
    const cached = cache?.get(key);
    const same =
      cached?.options === optionsKey &&
      cached.docs.length === seen.length + 1 &&
      cached.docs.every((d, i) => d === (seen[i] ?? doc));
    const unit = same ? cached.unit : buildUnit(doc, seen, options, optionsKey);
    if (cache && !same) cache.set(key, { docs: [...seen, doc], options: optionsKey, unit });
    units.set(doc.uri, unit);
  }
  if (cache) for (const key of [...cache.keys()]) if (!docs.has(key)) cache.delete(key);
  const roots = new Set([...docs.values()].map((d) => d.uri));
  options.estimates?.keep(roots);
  options.checks?.keep(roots);
  options.models?.keep(roots);

  const own = new Map<string, Set<string>>(); // per file: what its own unit reports on it
  for (const u of units.values()) {
    const root = uriKey(u.root);
    own.set(root, new Set(u.diagnostics.filter((d) => uriKey(d.uri) === root).map(diagnosticKey)));
  }
  const all: Diagnostic[] = [...documentDiagnostics];
  for (const doc of docs.values()) all.push(...doc.diagnostics);
  const reanchored = new Set<string>();
  for (const u of units.values()) {
    const root = uriKey(u.root);
    for (const d of u.diagnostics) {
      const at = uriKey(d.uri);
      if (at === root) all.push(hinted(d, u, units, root));
      else if (!own.get(at)?.has(diagnosticKey(d))) {
        const moved = reanchor(d, u, docs, edges);
        if (moved && !reanchored.has(diagnosticKey(moved))) {
          reanchored.add(diagnosticKey(moved));
          all.push(moved);
        }
      }
    }
  }
  const users = all.filter((d) => !isBuiltin(d.uri));
  const diagnostics = applySeverities(users.map(cited), options.rules).sort(compareDiagnostics);

  const first = parsed[0] ? units.get(docs.get(uriKey(parsed[0].uri))!.uri) : undefined;
  const model = first?.model ?? buildModel(preludeDocuments()).model;
  let byData: WeakMap<DataModel, Unit> | undefined; // on the first estimate asked for (a keystroke asks none)
  const unitOf = (d: DataModel) => {
    if (!byData) {
      byData = new WeakMap();
      for (const u of units.values()) for (const x of u.model.data.values()) byData.set(x, u);
    }
    return byData.get(d);
  };
  const fallbackCache = new Map<DataModel, DataEstimate>();
  const estimate = (d: DataModel) => {
    const u = unitOf(d);
    if (u) return u.estimate(d);
    let e = fallbackCache.get(d);
    if (!e) fallbackCache.set(d, (e = estimateData(d, model)));
    return e;
  };
  const documents = new Map<string, ParsedDocument>([...preludeDocuments(), ...docs.values()].map((d) => [d.uri, d]));
  const byKey = new Map([...units.values()].map((u) => [uriKey(u.root), u]));
  const modelOf = (uri: string) => byKey.get(uriKey(uri))?.model ?? model;
  const declarations: Declared[] = model.declarations.filter((d) => d.builtin);
  const references: Reference[] = [];
  for (const u of units.values()) {
    const root = uriKey(u.root);
    for (const d of u.model.declarations) if (uriKey(d.origin.uri) === root) declarations.push(d);
    for (const r of u.model.references) if (uriKey(r.uri) === root) references.push(r);
  }
  return { documents, model, units, modelOf, declarations, references, diagnostics, estimate };
}

/**
 * A name that resolves to nothing here but is declared in a file this one does not import: say which, and
 * offer the import.
 */
function hinted(d: Diagnostic, u: Unit, units: Map<string, Unit>, root: string): Diagnostic {
  if (d.code !== 'unknown-reference') return d;
  const ref = u.model.references.find((r) => !r.target && r.range.start === d.range.start && uriKey(r.uri) === root);
  if (!ref || ref.kind === 'region') return d;
  for (const other of units.values()) {
    if (uriKey(other.root) === root || u.documents.some((x) => uriKey(x) === uriKey(other.root))) continue;
    const there = uriKey(other.root);
    const same = (x: Declared) => x.kind === ref.kind && x.name === ref.name && uriKey(x.origin.uri) === there;
    const decl = other.model.declarations.find(same);
    if (!decl) continue;
    const path = importPath(u.root, decl.origin.uri);
    const edit = { uri: u.root, range: { start: 0, end: 0 }, newText: `import "${path}"\n` };
    return {
      ...d,
      message:
        `${d.message} A ${ref.kind === 'data' ? 'data type' : ref.kind} '${ref.name}' is declared in ${path}, ` +
        'which this file does not import: a file sees only the prelude, itself and what it imports.',
      fixes: [{ title: `Add \`import "${path}"\``, edits: [edit] }, ...(d.fixes ?? [])],
    };
  }
  return d;
}

/** A diagnostic a file's scope finds inside a file it imports (and that file alone does not): on the import. */
function reanchor(
  d: Diagnostic,
  u: Unit,
  docs: Map<string, ParsedDocument>,
  edges: (key: string) => ImportEdge[],
): Diagnostic | undefined {
  const via = importLeadingTo(uriKey(u.root), uriKey(d.uri), edges);
  if (!via) return undefined;
  const doc = docs.get(uriKey(d.uri));
  const line = doc ? doc.text.slice(0, d.range.start).split('\n').length : 0;
  const file = importPath(u.root, d.uri);
  return {
    ...d,
    uri: u.root,
    range: via.range,
    message: `In ${file} (line ${line}), as this file uses it: ${d.message}`,
    related: [{ uri: d.uri, range: d.range, message: 'reported here' }, ...(d.related ?? [])],
  };
}

/** A diagnostic whose citations of the source text link to docs/sources.md. */
function cited(d: Diagnostic): Diagnostic {
  const message = followable(d.message);
  const related = d.related?.map((r) => ({ ...r, message: followable(r.message) }));
  return message === d.message && !d.related ? d : { ...d, message, ...(related ? { related } : {}) };
}
