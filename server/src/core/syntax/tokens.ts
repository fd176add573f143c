// Every token of the .consistency language. Keywords belong to the `Keyword` category, so completion,
// semantic tokens and the TextMate grammar's keyword list can all read this one table.
import type { TokenType } from 'chevrotain';
import { createTokenType } from './token-type';

/**
 * Where a user's name stands (a data type, region, topology, tier, category, condition field…): any word,
 * keywords included, so `data profile {…}` and `category profile` read as names. Values the language defines
 * (levels, replication modes, units…) take an Identifier, which keywords other than the soft ones are not.
 */
export const Name = createTokenType({ name: 'Name', pattern: 'NA', label: 'a name' });

export const Identifier = createTokenType({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
  categories: [Name],
  line_breaks: false,
});

export const Keyword = createTokenType({ name: 'Keyword', pattern: 'NA' });

/** Keyword spellings, in the order they are documented in docs/language.md. */
export const keywordNames = [
  'import',
  'policy',
  'currency',
  'profile',
  'store',
  'topology',
  'region',
  'replicas',
  'primary',
  'city',
  'coordinates',
  'link',
  'jitter',
  'tier',
  'data',
  'transaction',
  'consistency',
  'replication',
  'quorum',
  'write',
  'read',
  'latency',
  'availability',
  'partition',
  'prefer',
  'conflict',
  'workload',
  'peak',
  'reads',
  'budget',
  'staleness',
  'category',
  'sessions',
  'money',
  'when',
  'and',
  'degrade',
  'to',
  'applies',
] as const;

/** Keywords of scenarios, replica work, a region's `rtt`, random quorums and profile blocks that stay usable
 *  as names (`when load > 2x`, `data seed {…}`): their tokens are also Identifiers, so the parser takes them
 *  wherever a name goes. */
export const softKeywordNames = [
  'scenario',
  'duration',
  'load',
  'clients',
  'in',
  'fault',
  'crash',
  'slow',
  'at',
  'for',
  'seed',
  'keys',
  'timeout',
  'replica',
  'rtt',
  'random',
  'election',
  'visibility',
  'extends',
  'source',
] as const;

/** The soft keywords of `profile NAME extends BASE { key value source "…" }` blocks. */
export const profileSoftKeywords = ['extends', 'source'] as const;
export type KeywordName = (typeof keywordNames)[number] | (typeof softKeywordNames)[number];

/** Every keyword spelling, reserved and soft. */
export const allKeywordNames: readonly KeywordName[] = [...keywordNames, ...softKeywordNames];

const keywordTokens = new Map<KeywordName, TokenType>();
/** Per reserved keyword, the type the lexer gives it where it may also be a name: a keyword and a Name. */
const nameKeywordTokens = new Map<KeywordName, TokenType>();
for (const name of allKeywordNames) {
  const soft = (softKeywordNames as readonly string[]).includes(name);
  const type = createTokenType({
    name: `Kw_${name}`,
    pattern: new RegExp(`${name}(?![A-Za-z0-9_]|-[A-Za-z0-9_])`),
    longer_alt: Identifier,
    // Soft keywords are Identifiers too (names and values); reserved ones are names only through nameKeywordTokens.
    categories: soft ? [Keyword, Identifier] : [Keyword],
    label: `'${name}'`,
  });
  keywordTokens.set(name, type);
  // Same name (the CST and the editor features see one keyword), matched by the grammar's keyword and by Name.
  if (soft) continue;
  const asName = createTokenType({ name: `Kw_${name}`, pattern: 'NA', categories: [type, Name], label: `'${name}'` });
  nameKeywordTokens.set(name, asName);
}

/**
 * The type of a reserved keyword that may stand for a name (`data profile`, `category profile`). The lexer
 * gives keywords this type except where one cannot be a name (lexer.ts), which keeps the plain keyword type.
 */
export function nameKw(name: KeywordName): TokenType | undefined {
  return nameKeywordTokens.get(name);
}

/** The token type of a keyword. */
export function kw(name: KeywordName): TokenType {
  const t = keywordTokens.get(name);
  if (!t) throw new Error(`not a keyword: ${name}`);
  return t;
}

export const WhiteSpace = createTokenType({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: 'SKIPPED',
  line_breaks: true,
});
export const LineComment = createTokenType({
  name: 'LineComment',
  line_breaks: false,
  pattern: /\/\/[^\n\r]*/,
  group: 'comments',
});
export const BlockComment = createTokenType({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: 'comments',
  line_breaks: true,
});
/** An unclosed block comment runs to the end of the text; the lexer layer reports it as an error. */
export const UnclosedComment = createTokenType({
  name: 'UnclosedComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
  line_breaks: true,
});
export const StringLiteral = createTokenType({
  name: 'StringLiteral',
  line_breaks: false,
  pattern: /"(?:[^"\\\n\r]|\\.)*"/,
  label: 'a string',
});
/** A string with no closing quote on its line; reported as an error, parsed as a string. */
export const UnclosedString = createTokenType({
  name: 'UnclosedString',
  line_breaks: false,
  pattern: /"(?:[^"\\\n\r]|\\.)*/,
  categories: [StringLiteral],
});
export const Percentile = createTokenType({
  name: 'Percentile',
  line_breaks: false,
  pattern: /p\d+(?:\.\d+)?(?![A-Za-z0-9_])/,
  longer_alt: Identifier,
  label: 'percentile (p50, p95, p99, p99.9)',
});
export const NumberLiteral = createTokenType({
  name: 'NumberLiteral',
  line_breaks: false,
  pattern: /\d+(?:_\d+)*(?:\.\d+)?/,
  label: 'a number',
});
export const CurrencySign = createTokenType({
  name: 'CurrencySign',
  line_breaks: false,
  // '₹' as an escape: a minified bundle (comments gone) is then ASCII, one-byte text for V8 to compile.
  pattern: /[\u20b9$]/,
  label: "'₹' or '$'",
});
export const Arrow = createTokenType({ name: 'Arrow', pattern: '<->', label: "'<->'" });
export const LessEq = createTokenType({ name: 'LessEq', pattern: '<=', label: "'<='" });
export const GreaterEq = createTokenType({ name: 'GreaterEq', pattern: '>=', label: "'>='" });
export const EqEq = createTokenType({ name: 'EqEq', pattern: '==', label: "'=='" });
export const NotEq = createTokenType({ name: 'NotEq', pattern: '!=', label: "'!='" });
export const Less = createTokenType({ name: 'Less', pattern: '<', label: "'<'" });
export const Greater = createTokenType({ name: 'Greater', pattern: '>', label: "'>'" });
export const LBrace = createTokenType({ name: 'LBrace', pattern: '{', label: "'{'" });
export const RBrace = createTokenType({ name: 'RBrace', pattern: '}', label: "'}'" });
export const LParen = createTokenType({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createTokenType({ name: 'RParen', pattern: ')', label: "')'" });
export const Comma = createTokenType({ name: 'Comma', pattern: ',', label: "','" });
export const Dot = createTokenType({ name: 'Dot', pattern: '.', label: "'.'" });
export const Slash = createTokenType({ name: 'Slash', pattern: '/', label: "'/'" });
export const PercentSign = createTokenType({ name: 'PercentSign', pattern: '%', label: "'%'" });
export const Minus = createTokenType({ name: 'Minus', pattern: '-', label: "'-'" });
export const Pipe = createTokenType({ name: 'Pipe', pattern: '|', label: "'|'" });

/** Comparison operators, in the order the parser tries them (longest first). */
export const comparators = [LessEq, GreaterEq, EqEq, NotEq, Less, Greater];

/** Lexer order matters: comments before Slash, longer operators before shorter, keywords before Identifier. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnclosedComment,
  StringLiteral,
  UnclosedString,
  Arrow,
  LessEq,
  GreaterEq,
  EqEq,
  NotEq,
  Less,
  Greater,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Dot,
  Slash,
  PercentSign,
  Minus,
  Pipe,
  CurrencySign,
  NumberLiteral,
  Keyword,
  Name,
  ...keywordTokens.values(),
  ...nameKeywordTokens.values(),
  Percentile,
  Identifier,
];
