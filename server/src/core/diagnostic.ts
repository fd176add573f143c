// The one diagnostic shape every stage of the core produces (lexer, parser, model, rules).
import { defaultSeverity, type Code, type Severity } from './codes';
import type { Range } from './util/range';

export type { Code, Severity } from './codes';

/** A text edit in offsets of one document. */
export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** A suggested fix, as data; the editor turns it into a quick fix, the CLI prints its title. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  /** Stable code from the registry (core/codes.ts), e.g. `latency-below-physics`; documented in docs/rules.md. */
  code: Code;
  severity: Severity;
  uri: string;
  range: Range;
  message: string;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

/** A diagnostic at its code's default severity (the registry's, core/codes.ts); the pipeline applies the
 *  user's settings afterwards. */
export function diagnostic(d: Omit<Diagnostic, 'severity'>): Diagnostic {
  const { code, ...rest } = d;
  return { code, severity: defaultSeverity(code), ...rest };
}

/** Sort by document, then position, then code, so every output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * A diagnostic with its ranges (its own, related places', fixes' edits') placed by `at`: itself when `at`
 * returns every range unchanged, undefined when `at` has no place for one. Where each is placed is `at`'s:
 * the check cache moves findings with an edit, incremental parsing shifts them, the model's kept entries copy.
 */
export function movedDiagnostic(
  d: Diagnostic,
  at: (uri: string, r: Range) => Range | undefined,
): Diagnostic | undefined {
  const range = at(d.uri, d.range);
  if (!range) return undefined;
  let ok = true;
  let same = range === d.range;
  const place = <T extends { uri: string; range: Range }>(x: T): T => {
    const r = at(x.uri, x.range);
    if (!r) ok = false;
    if (!r || r === x.range) return x;
    same = false;
    return { ...x, range: r };
  };
  const related = d.related?.map(place);
  const fixes = d.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map(place) }));
  if (!ok) return undefined;
  if (same) return d;
  const out: Diagnostic = { ...d, range };
  if (related) out.related = related;
  if (fixes) out.fixes = fixes;
  return out;
}
