// Token types without Chevrotain: plain objects with the fields Chevrotain's `createToken` gives (a type
// index, the indexes of the types in each category), so the hand-written scanner and parser load no parser
// library (Chevrotain and its lodash are a third of a bundle and ~35 ms of every CLI start). The Chevrotain
// grammar (grammar.ts: completion and the tests' oracle) makes a twin of each type with the same index
// (grammar-tokens.ts), so tokens scanned here match its types unchanged.
import type { TokenType } from 'chevrotain';

/** A type's definition, as Chevrotain's `ITokenConfig` spells it (`NA`: never matched by a pattern). */
export interface TokenConfig {
  name: string;
  pattern: RegExp | string | 'NA';
  label?: string;
  categories?: TokenType[];
  longer_alt?: TokenType;
  group?: 'comments' | 'SKIPPED';
  line_breaks?: boolean;
}

/**
 * The first index given out: above the indexes Chevrotain takes for its own types when it loads (its EOF and
 * its recording-phase token), so the grammar's twins can be given the same indexes in the same order.
 */
export const FIRST_TOKEN_INDEX = 10;

/** Every type made, in order, with its definition (the grammar's twins are made from this list). */
export const definitions: { type: TokenType; config: TokenConfig }[] = [];

/** A new token type: the next index, and every category above it told that it belongs (as createToken does). */
export function createTokenType(config: TokenConfig): TokenType {
  const type: TokenType = {
    name: config.name,
    tokenTypeIdx: FIRST_TOKEN_INDEX + definitions.length,
    CATEGORIES: config.categories ?? [],
    categoryMatches: [],
    categoryMatchesMap: {},
    isParent: false,
  };
  if (config.label !== undefined) type.LABEL = config.label;
  definitions.push({ type, config });
  belongTo([type], type);
  return type;
}

/** Each category of `node`, and theirs in turn, matches every type on the path down to it. */
function belongTo(path: TokenType[], node: TokenType): void {
  for (const category of node.CATEGORIES ?? []) {
    if (path.includes(category)) continue;
    for (const member of path) category.categoryMatchesMap![member.tokenTypeIdx!] = true;
    category.categoryMatches = Object.keys(category.categoryMatchesMap!).map(Number);
    category.isParent = true;
    belongTo([...path, category], category);
  }
}
