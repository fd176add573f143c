// What every output format shares: the report being printed, 1-based line/column positions of core offset
// ranges (through LineIndex), and severity counts.
import type { Diagnostic, Severity } from '../../core/diagnostic';
import { LineIndex, type Range } from '../../core/util/range';
import { displayPath } from '../files';
import type { Shown } from '../inputs';

/** The result of `consistency check`, as the formatters see it. */
export interface CheckReport {
  /** URIs of the files checked, sorted. */
  files: string[];
  /** Text of every document a diagnostic may point into (the files and the built-in prelude). */
  texts: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Directory paths are shown relative to. */
  cwd: string;
  /** How files are shown (default: relative to cwd); see inputs.ts pathsAsGiven. */
  shown?: Shown;
  /** Files given that declare nothing (empty, blank or only comments), reported as warnings. */
  empty?: string[];
  /** Files found but not read (not regular files, too big), with the reason. */
  refused?: { uri: string; reason: string }[];
}

/** A file's path as the report shows it. */
export function shownPath(report: { cwd: string; shown?: Shown }, uri: string): string {
  return report.shown ? report.shown(uri) : displayPath(uri, report.cwd);
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
  /** The URI of docs/rules.md: each code's help is its section there (`#<code>`). */
  rulesDoc: string;
}

/** 1-based line and column (UTF-16 code units, like the editor), plus the 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** `end` is exclusive: its column is the one just after the last character, as in SARIF. */
export interface Span {
  start: Position;
  end: Position;
}

export class Locator {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly texts: Map<string, string>) {}

  index(uri: string): LineIndex {
    let index = this.indexes.get(uri);
    if (!index) this.indexes.set(uri, (index = new LineIndex(this.texts.get(uri) ?? '')));
    return index;
  }

  position(uri: string, offset: number): Position {
    const p = this.index(uri).position(offset);
    return { line: p.line + 1, column: p.character + 1, offset };
  }

  span(uri: string, range: Range): Span {
    return { start: this.position(uri, range.start), end: this.position(uri, range.end) };
  }
}

export type Counts = Record<Severity, number>;

export function countSeverities(diagnostics: Diagnostic[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export { plural } from '../../core/util/plural';
