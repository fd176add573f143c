// Where generated values came from, in words for JSDoc: `rbi-core-banking.consistency:29`, the source
// text of a property, and the comments written directly above a declaration.
import { isBuiltin } from '../model/build-model';
import type { Origin } from '../model/model';
import type { ParsedDocument } from '../syntax/parse';
import { LineIndex } from '../util/range';

/** The last path segment of a URI, decoded: `file:///work/p/bank.consistency` → `bank.consistency`. */
export function fileName(uri: string): string {
  const last =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export class Sources {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly documents: ReadonlyMap<string, ParsedDocument>) {}

  private index(uri: string): LineIndex | undefined {
    let ix = this.indexes.get(uri);
    const doc = this.documents.get(uri);
    if (!ix && doc) this.indexes.set(uri, (ix = new LineIndex(doc.text)));
    return ix;
  }

  /** `bank.consistency:12`, or `rbi.consistency:12 (built-in)` for the prelude. */
  line(origin: Origin): string {
    const ix = this.index(origin.uri);
    const where = ix ? `${fileName(origin.uri)}:${ix.position(origin.range.start).line + 1}` : fileName(origin.uri);
    return isBuiltin(origin.uri) ? `${where} (built-in)` : where;
  }

  /** The text at `origin`, on one line, at most 80 characters. */
  text(origin: Origin): string {
    const doc = this.documents.get(origin.uri);
    if (!doc) return '';
    const t = doc.text.slice(origin.range.start, origin.range.end).replace(/\s+/g, ' ').trim();
    return t.length > 80 ? `${t.slice(0, 79)}…` : t;
  }

  /** JSDoc for a value: its source text and line, plus where it was inherited from. */
  doc(origin: Origin | undefined, opts: { tier?: string; note?: string } = {}): string[] {
    if (!origin) return opts.note ? [opts.note] : [];
    const text = this.text(origin);
    const via = opts.tier ? ` via tier ${opts.tier}` : '';
    return [`${text ? `\`${text}\` — ` : ''}${this.line(origin)}${via}${opts.note ? `; ${opts.note}` : ''}`];
  }

  /** The comments written directly above `offset` (no blank line between), without comment markers. */
  leadingComment(uri: string, offset: number): string | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const text = doc.text;
    const parts: string[] = [];
    let end = offset;
    const comments = doc.comments
      .filter((c) => c.startOffset + c.image.length <= offset)
      .sort((a, b) => a.startOffset - b.startOffset);
    for (let k = comments.length - 1; k >= 0; k--) {
      const c = comments[k];
      const cEnd = c.startOffset + c.image.length;
      if (!/^[ \t]*(?:\r\n|\r|\n)?[ \t]*$/.test(text.slice(cEnd, end))) break;
      const lineStart =
        Math.max(text.lastIndexOf('\n', c.startOffset - 1), text.lastIndexOf('\r', c.startOffset - 1)) + 1;
      if (text.slice(lineStart, c.startOffset).trim() !== '') break;
      parts.unshift(strip(c.image));
      end = c.startOffset;
    }
    const joined = parts.join('\n').trim();
    return joined === '' ? undefined : joined;
  }
}

function strip(comment: string): string {
  if (comment.startsWith('//')) return comment.replace(/^\/\/\/?\s?/, '').trimEnd();
  const body = comment.replace(/^\/\*\*?/, '').replace(/\*\/$/, '');
  return body
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^\s*\*(?!\/)\s?/, '').trimEnd())
    .join('\n')
    .trim();
}
