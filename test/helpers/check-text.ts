// Test helpers: analyse text with `<|…|>` range markers and assert on diagnostics by code and range.
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { analyze, type Analysis } from '../../server/src/core/pipeline';
import { parseMarkers } from './markers';

export const TEST_URI = 'file:///test.consistency';

/** Removes `<|` and `|>` markers; returns the clean text and the marked ranges in order. */
export function markers(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  const { text, ranges } = parseMarkers(marked, { cursors: false });
  return { text, ranges };
}

export function check(text: string, extraFiles: { uri: string; text: string }[] = []): Analysis {
  return analyze([{ uri: TEST_URI, text }, ...extraFiles]);
}

export function codes(text: string): string[] {
  return check(text).diagnostics.map((d) => d.code);
}

/** Asserts that `code` is reported exactly on the marked range(s), and returns those diagnostics. */
export function expectDiagnostic(
  marked: string,
  code: string,
  extraFiles: { uri: string; text: string }[] = [],
): Diagnostic[] {
  const { text, ranges } = markers(marked);
  const found = check(text, extraFiles).diagnostics.filter((d) => d.code === code && d.uri === TEST_URI);
  const show = (ds: { start: number; end: number }[]) =>
    ds.map((r) => JSON.stringify(text.slice(r.start, r.end))).join(', ');
  assert.deepEqual(
    found.map((d) => d.range),
    ranges,
    `expected ${code} on [${show(ranges)}], got [${show(found.map((d) => d.range))}]: ${found.map((d) => d.message).join(' | ')}`,
  );
  return found;
}

/** Asserts that `code` is not reported at all. */
export function expectNo(text: string, code: string, extraFiles: { uri: string; text: string }[] = []): void {
  const found = check(text, extraFiles).diagnostics.filter((d) => d.code === code);
  assert.deepEqual(
    found.map((d) => d.message),
    [],
    `expected no ${code}`,
  );
}

/** Applies a diagnostic's first fix to the text. */
export function applyFix(text: string, d: Diagnostic, index = 0): string {
  const fix = d.fixes?.[index];
  assert.ok(fix, `diagnostic ${d.code} has no fix #${index}`);
  const edits = [...fix.edits].sort((a, b) => b.range.start - a.range.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}
