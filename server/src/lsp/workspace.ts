// The documents the server analyses: open editors (by version) and the workspace's .consistency files on
// disk. Each is parsed once per text; the analysis is recomputed only after something changed, and then only
// the scopes (a file and what it imports) that saw a changed document. An import of a file outside the
// workspace is read from disk.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CheckCache } from '../core/check-cache';
import { EstimateCache } from '../core/estimate-cache';
import { ModelCache } from '../core/model/model-cache';
import type { AnalyzeOptions, UnitCache } from '../core/pipeline';
import { readTargetFile } from './files';
import type { ParsedDocument } from '../core/syntax/parse';
import { reparseDocument } from '../core/syntax/reparse';
import { composeChanges, type TextChange } from '../core/syntax/text-change';
import { analyzeIsolated, coreEngine, failed, parseIsolated, type Engine } from '../service/isolation';
import { createSnapshot, type Snapshot } from '../service/snapshot';

interface Entry {
  /** The URI analyses use: the editor's spelling while open, else the one found on disk. */
  uri: string;
  text: string;
  version?: number;
  open: boolean;
  onDisk: boolean;
  parsed?: ParsedDocument;
  /** The parse of an earlier text, to re-read incrementally (only what the edit touched). */
  previous?: ParsedDocument;
  /** The editor's edits from `previous`'s text to `text`, composed, when it said what they were. */
  change?: TextChange;
}

/** One spelling per file: `file:///a%20b` and `file:///a b` are the same document. */
export function uriKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private cached?: Snapshot;
  private options: AnalyzeOptions = {};
  private readonly units: UnitCache = new Map();
  private readonly estimates = new EstimateCache();
  private readonly checks = new CheckCache();
  private readonly models = new ModelCache();
  /** Parses done, for tests of the cache. */
  parses = 0;

  /**
   * `rulesDoc`: the URI of docs/rules.md where the server is installed (diagnostics link to it). `engine`:
   * the parser and analyser; whatever they throw becomes an `internal-error` on the file that caused it.
   */
  constructor(
    private readonly rulesDoc?: string,
    private readonly engine: Engine = coreEngine,
  ) {}

  setOptions(options: AnalyzeOptions): void {
    this.options = options;
    this.cached = undefined;
  }

  /** An editor opened or changed a document; `change`, when known, is the edit from its last text to `text`. */
  setOpen(uri: string, text: string, version: number, change?: TextChange): void {
    const e = this.entries.get(uriKey(uri));
    if (e && e.text !== text) {
      // Edits since the last parse add up to one change from its text (none known if one of them is not).
      const since = e.parsed ? change : e.change && change && composeChanges(e.change, change);
      Object.assign(e, { text, parsed: undefined, previous: e.parsed ?? e.previous, change: since });
    }
    if (e) Object.assign(e, { uri, open: true, version });
    else this.entries.set(uriKey(uri), { uri, text, version, open: true, onDisk: false });
    this.cached = undefined;
  }

  /** An editor closed a document: back to its text on disk (if it is a workspace file), else forgotten. */
  close(uri: string, diskText?: string): void {
    const key = uriKey(uri);
    const e = this.entries.get(key);
    if (!e) return;
    if (diskText === undefined) this.entries.delete(key);
    else
      Object.assign(e, {
        open: false,
        version: undefined,
        onDisk: true,
        ...(e.text !== diskText ? { text: diskText, parsed: undefined, change: undefined } : {}),
      });
    this.cached = undefined;
  }

  /** A workspace file found or changed on disk; an open document keeps its editor text. */
  setDisk(uri: string, text: string): void {
    const key = uriKey(uri);
    const e = this.entries.get(key);
    if (e?.open) e.onDisk = true;
    else if (e && e.text === text) e.onDisk = true;
    else {
      this.entries.set(key, { uri: e?.uri ?? uri, text, open: false, onDisk: true });
      this.cached = undefined;
    }
  }

  deleteDisk(uri: string): void {
    const key = uriKey(uri);
    const e = this.entries.get(key);
    if (!e) return;
    if (e.open) e.onDisk = false;
    else {
      this.entries.delete(key);
      this.cached = undefined;
    }
  }

  isOpen(uri: string): boolean {
    return !!this.entries.get(uriKey(uri))?.open;
  }

  /** The version of an open document, as the editor numbered it. */
  version(uri: string): number | undefined {
    return this.entries.get(uriKey(uri))?.version;
  }

  /**
   * Parses one document whose text changed since its last parse; false when none is left. Validation calls
   * it once per turn of the event loop, so requests and edits are served between documents.
   */
  parseNext(): boolean {
    for (const e of this.entries.values()) {
      if (e.parsed && e.parsed.uri === e.uri) continue;
      this.parse(e);
      return true;
    }
    return false;
  }

  private parse(e: Entry): ParsedDocument {
    // The previous parse is reused (only the edited declarations re-read) with the product's own parser.
    const before = e.previous?.uri === e.uri && !failed(e.previous) ? e.previous : undefined;
    const reuse =
      before && this.engine === coreEngine
        ? { ...coreEngine, parse: (t: string) => reparseDocument(before, t, e.change) }
        : undefined;
    e.parsed = parseIsolated(e.text, e.uri, reuse ?? this.engine);
    e.previous = undefined;
    e.change = undefined;
    this.parses++;
    return e.parsed;
  }

  /** The analysis of every document, recomputed only after a change. */
  snapshot(): Snapshot {
    if (this.cached) return this.cached;
    const parsed: ParsedDocument[] = [];
    const versions = new Map<string, number>();
    for (const e of this.entries.values()) {
      parsed.push(e.parsed && e.parsed.uri === e.uri ? e.parsed : this.parse(e));
      if (e.version !== undefined) versions.set(e.uri, e.version);
    }
    const load = (uri: string) => (uri.endsWith('.consistency') ? readTargetFile(uri) : undefined);
    const options = { ...this.options, load, estimates: this.estimates, checks: this.checks, models: this.models };
    const analysis = analyzeIsolated(parsed, options, this.units, this.engine);
    this.cached = createSnapshot(analysis, versions, this.rulesDoc);
    return this.cached;
  }
}
