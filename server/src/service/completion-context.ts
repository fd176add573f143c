// Where the cursor is, for completion: the word being typed, the tokens before it, and which tokens the
// grammar accepts next (Chevrotain's computeContentAssist), restarted at the current declaration, or at
// the current line of the innermost block when an error earlier in the declaration stops the parser. Content
// assist reads only each token's type index, which the scanner's tokens have (core/syntax/token.ts); the lines
// of tokens come from the document's line index.
import type { ISyntacticContentAssistPath } from 'chevrotain';
import type { ParsedDocument } from '../core/syntax/parse';
import { grammarParser } from '../core/syntax/grammar';
import type { Token } from '../core/syntax/token';
import type { LineIndex, Range } from '../core/util/range';

/** What owns the innermost open `{`. */
export type BlockOwner = 'file' | 'data' | 'tier' | 'when' | 'topology' | 'region' | 'transaction' | 'scenario';

export interface CompletionContext {
  /** Text to replace: the word (or qualified tier name) under the cursor, or an empty range at it. */
  replace: Range;
  /** Tokens before the word being typed. */
  preceding: Token[];
  paths: ISyntacticContentAssistPath[];
  owner: BlockOwner;
}

const wordLike = (t: Token) =>
  ['Identifier', 'Percentile'].includes(t.tokenType.name) || t.tokenType.name.startsWith('Kw_');
const topLevel = new Set([
  'import',
  'policy',
  'currency',
  'profile',
  'store',
  'topology',
  'tier',
  'data',
  'transaction',
  'scenario',
]);
const owners = new Set(['data', 'tier', 'when', 'topology', 'region', 'transaction', 'scenario']);
const namesNext = new Set(['topology', 'tier', 'data', 'transaction', 'scenario']);

export function insideCommentOrString(doc: ParsedDocument, offset: number): boolean {
  const inside = (t: Token, openEnded: boolean) => {
    const end = t.startOffset + t.image.length;
    return offset > t.startOffset && (offset < end || (openEnded && offset === end));
  };
  if (doc.comments.some((c) => inside(c, c.image.startsWith('//') || c.image.length < 4 || !c.image.endsWith('*/'))))
    return true;
  return doc.tokens.some(
    (t) =>
      (t.tokenType.name === 'StringLiteral' || t.tokenType.name === 'UnclosedString') &&
      inside(t, t.tokenType.name === 'UnclosedString'),
  );
}

/** `lines`: the document's line index (where the cursor and the tokens are). */
export function completionContext(doc: ParsedDocument, offset: number, lines: LineIndex): CompletionContext {
  const tokens = doc.tokens;
  let n = 0;
  while (n < tokens.length && tokens[n].startOffset + tokens[n].image.length <= offset) n++;
  const current = tokens[n];
  const typing = current && current.startOffset < offset && wordLike(current) ? current : undefined;
  let before = n;
  if (!typing && n > 0) {
    const last = tokens[n - 1];
    // cursor at the end of a word
    if (last.startOffset + last.image.length === offset && wordLike(last)) before = n - 1;
  }
  const word = typing ?? (before < n ? tokens[before] : undefined);
  let start = word ? word.startOffset : offset;
  // A qualified tier name: `rbi.hi|` replaces `rbi.hi`.
  let i = before;
  while (
    i >= 2 &&
    tokens[i - 1].tokenType.name === 'Dot' &&
    tokens[i - 2].tokenType.name === 'Identifier' &&
    tokens[i - 1].startOffset === tokens[i - 2].startOffset + tokens[i - 2].image.length
  ) {
    i -= 2;
    start = tokens[i].startOffset;
  }
  const wordEnd = word ? word.startOffset + word.image.length : offset;
  const preceding = tokens.slice(0, i);
  const replace = { start: Math.min(start, offset), end: Math.max(wordEnd, offset) };
  return { replace, preceding, ...assist(preceding, lines, lines.position(offset).line) };
}

/** `cursorLine`: the cursor's 0-based line. */
function assist(preceding: Token[], lines: LineIndex, cursorLine: number): Pick<CompletionContext, 'paths' | 'owner'> {
  const line = (t: Token) => lines.position(t.startOffset).line;
  const open: number[] = [];
  let declStart = -1;
  preceding.forEach((t, i) => {
    const name = t.tokenType.name;
    if (name === 'LBrace') open.push(i);
    else if (name === 'RBrace') open.pop();
    // A keyword right after a declaration keyword is that declaration's name (`transaction data {`), not a new one.
    else if (open.length === 0 && name.startsWith('Kw_') && topLevel.has(t.image)) {
      if (!(i > 0 && namesNext.has(preceding[i - 1].image))) declStart = i;
    }
  });
  if (declStart < 0) return { paths: grammarParser().computeContentAssist('file', []), owner: 'file' };
  const paths = grammarParser().computeContentAssist('declaration', preceding.slice(declStart));
  if (open.length === 0)
    return { paths: paths.length ? paths : grammarParser().computeContentAssist('file', []), owner: 'file' };
  const k = open[open.length - 1];
  let o = k - 1;
  // The owner keyword starts its line or follows `}` (inside a scenario, `data x` is not a data block).
  while (
    o >= 0 &&
    !(
      preceding[o].tokenType.name.startsWith('Kw_') &&
      owners.has(preceding[o].image) &&
      (o === 0 ||
        preceding[o - 1].tokenType.name === 'RBrace' ||
        preceding[o - 1].tokenType.name === 'LBrace' ||
        line(preceding[o - 1]) < line(preceding[o]))
    )
  )
    o--;
  const owner = (o >= 0 ? preceding[o].image : 'data') as BlockOwner;
  if (paths.length) return { paths, owner };
  return { paths: restartInBlock(preceding, o, k, owner, cursorLine, line), owner };
}

/**
 * After a syntax error: parse from the first token of the cursor's line inside the block, else from the
 * block's opening (its owner keyword for topologies and regions, which own their braces; `{` otherwise).
 */
function restartInBlock(
  preceding: Token[],
  o: number,
  k: number,
  owner: BlockOwner,
  cursorLine: number,
  line: (t: Token) => number,
): ISyntacticContentAssistPath[] {
  let j = preceding.length;
  while (j > k + 1 && line(preceding[j - 1]) === cursorLine) j--;
  const first = preceding[j];
  const topologyRule = first?.image === 'link' ? 'linkDecl' : first?.image === 'replica' ? 'replicaWork' : 'regionDecl';
  const rule =
    owner === 'topology'
      ? topologyRule
      : owner === 'region'
        ? 'regionProp'
        : owner === 'scenario'
          ? 'scenarioProp'
          : 'property';
  if (first && first.tokenType.name.startsWith('Kw_') && owner !== 'transaction') {
    const paths = grammarParser().computeContentAssist(rule, preceding.slice(j));
    if (paths.length) return paths;
  }
  if (owner === 'topology' || owner === 'region')
    return o >= 0 ? grammarParser().computeContentAssist(`${owner}Decl`, preceding.slice(o, k + 1)) : [];
  if (owner === 'transaction') return [];
  if (owner === 'scenario')
    return o >= 0 ? grammarParser().computeContentAssist('scenarioDecl', preceding.slice(o, k + 1)) : [];
  return grammarParser().computeContentAssist('block', [preceding[k]]);
}
