// Canonical formatting: 2-space indent, one declaration or property per line, single spaces, at most one
// blank line, comments kept where they were (own line or trailing), regions and links of a topology and
// runs of trailing comments aligned. Short region, transaction and one-property `when` blocks written on one
// line stay on one line. Refuses (no edits) on syntax errors, and whenever the result would not lex to the
// same tokens and comments. Idempotent: format(format(x)) == format(x).
import type { Token } from '../core/syntax/token';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PolicyFile, Property } from '../core/syntax/ast';
import { tokenize } from '../core/syntax/lexer';
import type { ParsedDocument } from '../core/syntax/parse';
import { toRange } from './positions';
import type { Snapshot } from './snapshot';

interface El {
  image: string;
  start: number;
  end: number;
  type: string;
  comment: boolean;
}

interface Line {
  depth: number;
  parts: { text: string; glue: boolean }[];
  comment?: string;
  blankBefore: boolean;
  kind?: Kind;
}

/** Lines of these kinds align with their neighbours of the same kind. */
type Kind = 'region' | 'link' | 'transaction' | 'when';

/** Trailing comments start in this column unless the code is longer (the samples' convention). */
const commentColumn = 38;

const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

export function formatting(s: Snapshot, uri: string): TextEdit[] {
  const doc = s.document(uri);
  const formatted = doc && formatDocument(doc);
  if (!doc || formatted === undefined || formatted === doc.text) return [];
  const a = doc.text;
  let p = 0;
  while (p < a.length && p < formatted.length && a[p] === formatted[p]) p++;
  let q = 0;
  while (q < a.length - p && q < formatted.length - p && a[a.length - 1 - q] === formatted[formatted.length - 1 - q])
    q++;
  return [
    {
      range: toRange(s.lines.get(uri), { start: p, end: a.length - q }),
      newText: formatted.slice(p, formatted.length - q),
    },
  ];
}

/** The canonical text of a document, or undefined when it cannot be formatted safely. */
export function formatDocument(doc: ParsedDocument): string | undefined {
  const unreadable = (code: string) =>
    (code.startsWith('syntax-') && code !== 'syntax-bad-quantity') || code === 'internal-error';
  if (doc.diagnostics.some((d) => unreadable(d.code))) return undefined;
  const el = (t: Token, comment: boolean): El => ({
    image: comment && t.image.startsWith('//') ? t.image.trimEnd() : t.image,
    start: t.startOffset,
    end: t.startOffset + t.image.length,
    type: t.tokenType.name,
    comment,
  });
  const els = [...doc.tokens.map((t) => el(t, false)), ...doc.comments.map((c) => el(c, true))].sort(
    (a, b) => a.start - b.start,
  );
  const { starts, kinds, props } = itemStarts(doc.ast);
  const text = doc.text;
  const eol = /\r\n/.exec(text)?.[0] ?? '\n';

  const lines: Line[] = [];
  const blocks: { inline: boolean; owner: string }[] = [];
  let line: Line | undefined;
  let prev: El | undefined;
  for (let i = 0; i < els.length; i++) {
    const e = els[i];
    const gap = prev ? text.slice(prev.end, e.start) : '';
    const inline = blocks.some((b) => b.inline);
    const block = blocks[blocks.length - 1];
    let nl = !prev || (prev.comment && prev.image.startsWith('//'));
    if (e.comment) nl ||= breaks(gap) > 0;
    else if (!inline) {
      nl ||= starts.has(e.start) || e.type === 'RBrace' || prev?.type === 'LBrace';
      if (block?.owner === 'region' && e.type.startsWith('Kw_')) nl = true; // one region setting per line
      if (
        block?.owner === 'transaction' &&
        e.type === 'Identifier' &&
        (prev?.type === 'Comma' || prev?.type === 'LBrace')
      )
        nl = true;
    }
    if (e.type === 'RBrace') blocks.pop();
    if (nl || !line) {
      line = {
        depth: blocks.length,
        parts: [],
        blankBefore: !!prev && breaks(gap) >= 2 && prev.type !== 'LBrace' && e.type !== 'RBrace',
      };
      line.kind = kinds.get(e.start);
      lines.push(line);
    }
    if (e.comment && e.image.startsWith('//') && line.parts.length > 0) line.comment = e.image;
    else line.parts.push({ text: e.image, glue: !!prev && line.parts.length > 0 && glued(prev, e, gap) });
    if (e.type === 'LBrace') blocks.push(openBlock(els, i, text, props, doc.ast));
    prev = e;
  }
  const out = render(lines, eol);
  return sameTokens(doc, out) ? out : undefined;
}

function glued(p: El, e: El, gap: string): boolean {
  if (p.comment || e.comment) return false;
  if (['Comma', 'RParen', 'Dot', 'PercentSign', 'Slash'].includes(e.type)) return true;
  if (['LParen', 'Dot', 'CurrencySign', 'Minus', 'Slash'].includes(p.type)) return true;
  if (e.type === 'LParen' && p.type === 'Identifier') return true;
  if (p.type === 'LBrace' && e.type === 'RBrace') return true;
  return p.type === 'NumberLiteral' && e.type === 'Identifier' && gap === ''; // `45ms` and `12 lakh` both stay
}

interface Block {
  inline: boolean;
  owner: string;
}

/** What owns the `{` at `offset`, from the syntax tree (in `transaction data {`, `data` is a name). */
function ownerAt(file: PolicyFile, offset: number): string {
  const inside = (r: { start: number; end: number }) => r.start <= offset && offset < r.end;
  const decl = file.declarations.find((d) => inside(d.range));
  if (!decl) return 'data';
  if (decl.kind === 'topology') return decl.regions.some((r) => inside(r.range)) ? 'region' : 'topology';
  if (decl.kind === 'data' || decl.kind === 'tier') {
    const inWhen = (body: Property[]): boolean =>
      body.some((p) => p.kind === 'when' && inside(p.range) && p.conditions.every((c) => c.range.end <= offset));
    return inWhen(decl.body) ? 'when' : decl.kind;
  }
  return decl.kind;
}

/** Whether the block opened at els[i] stays on one line, and what owns it. */
function openBlock(els: El[], i: number, text: string, props: Set<number>, file: PolicyFile): Block {
  const owner = ownerAt(file, els[i].start);
  let depth = 0;
  let j = i + 1;
  let comments = false;
  let braces = false;
  let count = 0;
  for (; j < els.length; j++) {
    if (els[j].type === 'RBrace' && depth === 0) break;
    if (els[j].type === 'LBrace') (depth++, (braces = true));
    if (els[j].type === 'RBrace') depth--;
    if (els[j].comment) comments = true;
    if (props.has(els[j].start)) count++;
  }
  if (j === i + 1) return { inline: true, owner }; // `{}`
  const oneLine = j < els.length && breaks(text.slice(els[i].start, els[j].start)) === 0;
  const inline =
    oneLine &&
    !comments &&
    !braces &&
    (owner === 'region' || owner === 'transaction' || (owner === 'when' && count <= 1));
  return { inline, owner };
}

function itemStarts(file: PolicyFile): { starts: Set<number>; kinds: Map<number, Kind>; props: Set<number> } {
  const starts = new Set<number>();
  const props = new Set<number>();
  const kinds = new Map<number, Kind>();
  const walk = (body: Property[]) =>
    body.forEach((p) => {
      props.add(p.range.start);
      if (p.kind === 'when') (kinds.set(p.range.start, 'when'), walk(p.body));
    });
  for (const d of file.declarations) {
    starts.add(d.range.start);
    if (d.kind === 'tier' || d.kind === 'data') walk(d.body);
    if (d.kind === 'transaction') kinds.set(d.range.start, 'transaction');
    if (d.kind === 'topology') {
      d.regions.forEach((r) => kinds.set(r.range.start, 'region'));
      d.links.forEach((l) => kinds.set(l.range.start, 'link'));
      d.work.forEach((w) => starts.add(w.range.start));
    }
    if (d.kind === 'scenario') d.body.forEach((p) => props.add(p.range.start));
  }
  for (const x of [...props, ...kinds.keys()]) starts.add(x);
  return { starts, kinds, props };
}

function code(l: Line): string {
  return l.parts.map((p, i) => (i === 0 || p.glue ? p.text : ` ${p.text}`)).join('');
}

/** Consecutive lines of one kind at one depth with no blank line between: [start, end) pairs. */
function runs(lines: Line[], same: (l: Line) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (
      j < lines.length &&
      same(lines[j]) &&
      (j === i || (!lines[j].blankBefore && lines[j].depth === lines[i].depth && same(lines[i])))
    )
      j++;
    if (j > i) out.push([i, j]);
    i = Math.max(j, i + 1);
  }
  return out;
}

function render(lines: Line[], eol: string): string {
  for (const kind of ['region', 'transaction', 'when'] as const) {
    const oneLine = (l: Line) =>
      l.kind === kind && l.parts.some((p) => p.text === '{') && l.parts[l.parts.length - 1].text === '}';
    for (const [i, j] of runs(lines, oneLine)) alignBefore(lines.slice(i, j), '{');
  }
  for (const [i, j] of runs(lines, (l) => l.kind === 'link')) {
    const run = lines.slice(i, j).filter((l) => l.parts.length > 4);
    for (const c of [1, 3]) {
      const width = Math.max(0, ...run.map((l) => l.parts[c].text.length));
      for (const l of run) l.parts[c].text = l.parts[c].text.padEnd(width);
    }
  }
  const texts = lines.map((l) => `${'  '.repeat(l.depth)}${code(l)}`);
  for (const [i, j] of runs(lines, (l) => l.comment !== undefined)) {
    const width = Math.max(commentColumn - 1, ...texts.slice(i, j).map((t) => (t.includes('\n') ? 0 : t.length)));
    for (let k = i; k < j; k++)
      texts[k] = `${texts[k].includes('\n') ? texts[k] : texts[k].padEnd(width)} ${lines[k].comment}`;
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l.blankBefore) out.push('');
    out.push(texts[i].trimEnd());
  });
  return out.length ? out.join(eol) + eol : '';
}

/** Pads the part before `mark` in each line so that `mark` starts in the same column. */
function alignBefore(run: Line[], mark: string): void {
  const at = run.map((l) => l.parts.findIndex((p, k) => k > 0 && p.text === mark && !p.glue));
  const width = Math.max(
    0,
    ...run.map((l, n) => (at[n] > 0 ? code({ ...l, parts: l.parts.slice(0, at[n]) }).length : 0)),
  );
  run.forEach((l, n) => {
    if (at[n] <= 0) return;
    const before = code({ ...l, parts: l.parts.slice(0, at[n]) }).length;
    l.parts[at[n] - 1].text += ' '.repeat(width - before);
  });
}

/** True when `out` lexes to the same tokens and comments as the document. */
function sameTokens(doc: ParsedDocument, out: string): boolean {
  const again = tokenize(out, doc.uri);
  const images = (ts: Token[]) => ts.map((t) => `${t.tokenType.name}:${t.image.trimEnd()}`).join('\u0000');
  return images(again.tokens) === images(doc.tokens) && images(again.comments) === images(doc.comments);
}
