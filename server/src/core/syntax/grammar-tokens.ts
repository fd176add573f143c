// Chevrotain twins of the token types (token-type.ts), for the Chevrotain grammar (grammar.ts) and the tests'
// Chevrotain lexer: each made by `createToken` from the same definition, in the same order, with the same
// index, so a token the scanner made matches its twin in Chevrotain's parser as it matches its own type.
import { createToken, Lexer, type ITokenConfig, type TokenType } from 'chevrotain';
import { definitions, FIRST_TOKEN_INDEX, type TokenConfig } from './token-type';
import * as Tokens from './tokens';

let twins: Map<TokenType, TokenType> | undefined;
let owners: Map<number, TokenType> | undefined;

/** The twin of every type, made on first use. */
function twinMap(): Map<TokenType, TokenType> {
  if (twins) return twins;
  // Chevrotain numbers every type from one counter (its own types took the first indexes): count up to ours.
  let probe = createToken({ name: 'INDEX_FILLER', pattern: Lexer.NA });
  while (probe.tokenTypeIdx! < FIRST_TOKEN_INDEX - 1) probe = createToken({ name: 'INDEX_FILLER', pattern: Lexer.NA });
  const made = new Map<TokenType, TokenType>();
  for (const { type, config } of definitions) {
    const twin = createToken(chevrotainConfig(config, made));
    if (twin.tokenTypeIdx !== type.tokenTypeIdx) {
      throw new Error(`token ${type.name}: Chevrotain gave index ${twin.tokenTypeIdx}, not ${type.tokenTypeIdx}`);
    }
    made.set(type, twin);
  }
  twins = made;
  return made;
}

function chevrotainConfig(c: TokenConfig, made: Map<TokenType, TokenType>): ITokenConfig {
  const config: ITokenConfig = { name: c.name, pattern: c.pattern === 'NA' ? Lexer.NA : c.pattern };
  if (c.label !== undefined) config.label = c.label;
  if (c.categories) config.categories = c.categories.map((t) => made.get(t)!);
  if (c.longer_alt) config.longer_alt = made.get(c.longer_alt)!;
  if (c.group) config.group = c.group === 'SKIPPED' ? Lexer.SKIPPED : c.group;
  if (c.line_breaks !== undefined) config.line_breaks = c.line_breaks;
  return config;
}

/** The Chevrotain twin of a token type. */
export function twin(type: TokenType): TokenType {
  const t = twinMap().get(type);
  if (!t) throw new Error(`no twin for token type ${type.name}`);
  return t;
}

/** The type (of tokens.ts) a token of this index has: what a Chevrotain-lexed token is retyped to. */
export function ownType(tokenTypeIdx: number): TokenType {
  owners ??= new Map(definitions.map((d) => [d.type.tokenTypeIdx!, d.type]));
  const t = owners.get(tokenTypeIdx);
  if (!t) throw new Error(`no token type has index ${tokenTypeIdx}`);
  return t;
}

/** tokens.ts as the grammar reads it: every type, list of types and keyword lookup gives the twins. */
export function grammarTokens(): typeof Tokens {
  const isType = (v: unknown): v is TokenType => typeof v === 'object' && v !== null && twinMap().has(v as TokenType);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(Tokens)) {
    if (isType(value)) out[key] = twin(value);
    else if (Array.isArray(value) && value.every(isType)) out[key] = value.map(twin);
    else out[key] = value;
  }
  out.kw = (name: Tokens.KeywordName) => twin(Tokens.kw(name));
  out.nameKw = (name: Tokens.KeywordName) => {
    const t = Tokens.nameKw(name);
    return t && twin(t);
  };
  return out as typeof Tokens;
}
