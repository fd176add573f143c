// Incremental parsing: after an edit, only the top-level declarations around it are lexed and parsed again;
// the others keep their tokens and AST, moved to where the edit left them. The result is the one
// `parseDocument` gives for the new text (test/property/incremental.test.ts compares them after random edits).
// The region re-read runs from the end of the declaration before the first one touched (one declaration of
// margin on each side, as a declaration's end can depend on the token after it) to the start of the next
// untouched one, the anchor. That region is parsed with the anchor's tokens after it: the parse is known to be
// back in step when the anchor comes out as the same declaration with no error at or after it. Otherwise (an
// unclosed comment or string, a declaration that swallows the next, a keyword read differently) the whole
// text is parsed again.
import type { Diagnostic } from '../diagnostic';
import type { Declaration } from './ast';
import { tokenizeSlice } from './lexer';
import { buildAst, parseDocument, type ParsedDocument } from './parse';
import { shiftDiagnostic, shiftNode, shiftToken, type Shift } from './shift';
import { fits, textChange, type TextChange } from './text-change';
import { token, type Token } from './token';
import { UnclosedComment, UnclosedString } from './tokens';
import { limits } from '../util/limits';

/** How reparses went, for tests and the bench: re-read in place, parsed in full, failed (then parsed in full);
 *  and how many were told the change (not finding it by comparing the texts). */
export const reparseStats = { incremental: 0, full: 0, failed: 0, told: 0 };

/** A number per document, for caches that must tell one parse from another without holding on to it. */
const ids = new WeakMap<ParsedDocument, number>();
let nextId = 1;
export function documentId(doc: ParsedDocument): number {
  let id = ids.get(doc);
  if (id === undefined) ids.set(doc, (id = nextId++));
  return id;
}

/** The edit that made a document from the one before it (whose id is `previous`): [from, oldEnd) → +delta. */
export interface EditStep {
  previous: number;
  from: number;
  oldEnd: number;
  delta: number;
}
const steps = new WeakMap<ParsedDocument, EditStep>();

/** How `doc` came from its previous parse, when `reparseDocument` made it. */
export function editStep(doc: ParsedDocument): EditStep | undefined {
  return steps.get(doc);
}

/** The document for `text`, reusing `old` (which must not be used afterwards: its reused parts are moved).
 *  `edit`, when the caller knows it (the editor's change), spares comparing the texts; one that does not fit
 *  their lengths is ignored. */
export function reparseDocument(old: ParsedDocument, text: string, edit?: TextChange): ParsedDocument {
  if (old.text === text) return old;
  const told = edit !== undefined && fits(edit, old.text.length, text.length);
  if (told) reparseStats.told++;
  const change = told ? edit : textChange(old.text, text);
  const doc = reparsed(old, text, change);
  const { from, oldEnd } = change;
  steps.set(doc, { previous: documentId(old), from, oldEnd, delta: text.length - old.text.length });
  return doc;
}

function reparsed(old: ParsedDocument, text: string, change: TextChange): ParsedDocument {
  let doc: ParsedDocument | undefined;
  try {
    doc = incremental(old, text, change);
  } catch {
    // A fault here must not cost the editor its diagnostics: the full parse does not read `old`. The property
    // test asserts no reparse fails.
    reparseStats.failed++;
  }
  if (doc) reparseStats.incremental++;
  else reparseStats.full++;
  return doc ?? parseDocument(text, old.uri);
}

function incremental(old: ParsedDocument, text: string, change: TextChange): ParsedDocument | undefined {
  const decls = old.ast.declarations;
  if (decls.length < 3 || !ordered(decls, old.tokens)) return undefined;
  // Limits are counted over the whole file (syntax errors, nesting, size): near one, parse it whole.
  if (text.length > limits.fileChars || old.diagnostics.some((d) => d.code === 'limit-exceeded')) return undefined;
  const { from, oldEnd, newEnd } = change;
  const delta = newEnd - oldEnd;
  // Declarations touched, with their trailing trivia, by the edit or a character either side of it.
  const spanEnd = (i: number) => (i + 1 < decls.length ? decls[i + 1].range.start : old.text.length);
  let first = decls.findIndex((d, i) => spanEnd(i) >= from - 1 && d.range.start <= oldEnd + 1);
  if (first < 0) first = 0; // the edit is before the first declaration (in the comments heading the file)
  let last = first;
  while (last + 1 < decls.length && decls[last + 1].range.start <= oldEnd + 1) last++;
  const f = Math.max(0, first - 1);
  const anchorIndex = last + 2 < decls.length ? last + 2 : decls.length;
  const anchor: Declaration | undefined = decls[anchorIndex];
  const start = f > 0 ? decls[f].range.start : 0;
  const endOld = anchor ? anchor.range.start : old.text.length;
  if (from < start || oldEnd > endOld) return undefined;

  const tokensBefore = firstTokenAt(old.tokens, start);
  const anchorToken = anchor ? firstTokenAt(old.tokens, anchor.range.start) : old.tokens.length;
  const before = old.tokens[tokensBefore - 1];
  const head = old.tokens[anchorToken];
  const lexEnd = anchor ? endOld + delta + head.image.length : text.length;
  const lexed = tokenizeSlice(text, old.uri, { start, end: lexEnd, before });
  if (lexed.tokens.some((t) => t.tokenType === UnclosedString)) return undefined;
  if (lexed.comments.some((t) => t.tokenType === UnclosedComment)) return undefined;
  const shift: Shift = anchor ? { from: anchor.range.start, delta } : noShift;
  if (anchor) {
    // The anchor's first token, lexed again after the region: the same token, moved by the edit (its line is
    // the text's: the same wherever the offset is the same).
    const relexed = lexed.tokens.pop();
    if (!relexed || relexed.image !== head.image || relexed.startOffset !== endOld + delta) return undefined;
    if (relexed.tokenType !== head.tokenType) return undefined;
  }
  // Parse the region with the anchor's tokens (copies, moved) after it.
  const anchorTokens = anchor ? tokensOf(old.tokens, anchorToken, anchor.range.end).map((t) => moved(t, shift)) : [];
  const parsed = buildAst([...lexed.tokens, ...anchorTokens], text, old.uri);
  if (parsed.nesting.length > 0 || parsed.stopped) return undefined;
  const got = parsed.ast.declarations;
  if (anchor) {
    const again = got.pop();
    const same = again?.kind === anchor.kind && again.range.start === anchor.range.start + delta;
    if (!same || again.range.end !== anchor.range.end + delta) return undefined;
    const newAnchorStart = anchor.range.start + delta;
    if ([...parsed.syntax, ...lexed.diagnostics].some((d) => d.range.end > newAnchorStart)) return undefined;
    parsed.built = parsed.built.filter((d) => d.range.start < newAnchorStart);
  }

  // In step: keep what comes before, take the region's, move what comes after (diagnostics first: a builder
  // diagnostic may hold its node's range object, which moves with the AST).
  const regionDiagnostics = lexed.diagnostics.concat(parsed.syntax, parsed.built);
  const span: [number, number] = [start, decls[f].range.start];
  const diagnostics = mergeDiagnostics(old.diagnostics, span, endOld, shift, regionDiagnostics);
  if (diagnostics.filter((d) => d.code in rank).length >= limits.syntaxErrors) return undefined;
  // The old arrays are reused, spliced in place (copying a large array costs more than moving its tail).
  const tokens = old.tokens;
  for (let i = anchorToken; i < tokens.length; i++) shiftToken(tokens[i], shift);
  tokens.splice(tokensBefore, anchorToken - tokensBefore, ...lexed.tokens);
  const comments = old.comments;
  const commentsBefore = firstTokenAt(comments, start);
  const commentsAfter = anchor ? firstTokenAt(comments, endOld) : comments.length;
  for (let i = commentsAfter; i < comments.length; i++) shiftToken(comments[i], shift);
  comments.splice(commentsBefore, commentsAfter - commentsBefore, ...lexed.comments);
  for (let i = anchorIndex; i < decls.length; i++) shiftNode(decls[i], shift);
  const declarations = decls;
  declarations.splice(f, anchorIndex - f, ...got);
  const ast = { ...old.ast, declarations, range: { start: 0, end: text.length } };
  return { uri: old.uri, text, ast, tokens, comments, diagnostics };
}

const noShift: Shift = { from: Infinity, delta: 0 };

/** Declarations in order, each starting at a real token (recovery can leave a declaration without a place). */
function ordered(decls: Declaration[], tokens: Token[]): boolean {
  let end = 0;
  for (const d of decls) {
    if (d.range.start < end || d.range.end <= d.range.start) return false;
    end = d.range.end;
  }
  return tokens.length > 0;
}

/** The index of the first token starting at or after `offset` (binary search). */
function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokensOf(tokens: Token[], from: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < tokens.length && tokens[i].startOffset < end; i++) out.push(tokens[i]);
  return out;
}

/** A copy of a token, moved (for the parse that checks the anchor; the original moves only on success). */
function moved(t: Token, s: Shift): Token {
  return token(t.tokenType, t.image, t.startOffset + s.delta);
}

const rank: Record<string, number> = {
  'syntax-unexpected-character': 0,
  'syntax-unclosed-comment': 1,
  'syntax-unclosed-string': 2,
  'syntax-error': 3,
};

/**
 * The old diagnostics outside the region (those after it moved) with the region's, in `parseDocument`'s order.
 * A parse error on the first token of a declaration is the previous declaration's (a declaration's own parse
 * matched that token): kept at the region's first declaration, dropped at the anchor (its owner is re-read).
 */
function mergeDiagnostics(
  old: Diagnostic[],
  [start, firstDecl]: [number, number],
  end: number,
  s: Shift,
  region: Diagnostic[],
): Diagnostic[] {
  const previous = (d: Diagnostic, at: number) => d.code === 'syntax-error' && d.range.start === at;
  const before = old.filter((d) => d.range.start < start || previous(d, firstDecl));
  const after = old.filter((d) => d.range.start >= end && !previous(d, end)).map((d) => shiftDiagnostic(d, s));
  const all = [...before, ...region, ...after];
  const r = (d: Diagnostic) => rank[d.code] ?? 4;
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => r(a.d) - r(b.d) || a.i - b.i)
    .map((x) => x.d);
}
