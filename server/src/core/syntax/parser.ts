// The parser of .consistency files: hand-written recursive descent over the lexer's tokens, building the CST
// the Chevrotain grammar (grammar.ts) defines, node for node, and recovering from errors as it does
// (test/core/syntax/parser-differential.test.ts compares them). It only recognises structure; meaning (units,
// levels, names) is given by ast-builder.ts and the model. This file: the file and its declarations.
import type { CstNode, IToken } from 'chevrotain';
import { Descent, type Rule } from './descent';
import type { ParseError } from './parse-error';
import { block, qualifiedName } from './parser-properties';
import { scenarioDecl, topologyDecl } from './parser-topology';
import { distribution, profileQuantity } from './parser-values';
import * as M from './token-match';
import { K } from './token-match';

const declarationStart = M.anyOf(
  K.import,
  K.policy,
  K.currency,
  K.profile,
  K.store,
  K.topology,
  K.tier,
  K.data,
  K.transaction,
  K.scenario,
);
const startsDeclaration = (p: Descent) => p.at(declarationStart);

const file: Rule = (p, n) => p.many(n, startsDeclaration, declarationItem, M.EOF, 1);
const declarationItem: Rule = (p, n) => void p.sub(n, declaration, 'declaration');

const declaration: Rule = (p, n) => {
  if (p.at(K.import)) p.sub(n, importDecl, 'importDecl');
  else if (p.at(K.policy)) p.sub(n, policyDecl, 'policyDecl');
  else if (p.at(K.currency)) p.sub(n, currencyDecl, 'currencyDecl');
  else if (p.at(K.profile)) p.sub(n, profileDecl, 'profileDecl');
  else if (p.at(K.store)) p.sub(n, storeDecl, 'storeDecl');
  else if (p.at(K.topology)) p.sub(n, topologyDecl, 'topologyDecl');
  else if (p.at(K.tier)) p.sub(n, tierDecl, 'tierDecl');
  else if (p.at(K.data)) p.sub(n, dataDecl, 'dataDecl');
  else if (p.at(K.transaction)) p.sub(n, transactionDecl, 'transactionDecl');
  else if (p.at(K.scenario)) p.sub(n, scenarioDecl, 'scenarioDecl');
  else p.fail('noViableAlt');
};

/** `import "topologies.consistency"`: the file sees that file's declarations. */
const importDecl: Rule = (p, n) => {
  p.consume(n, K.import);
  p.consume(n, M.StringLiteral);
};

const policyDecl: Rule = (p, n) => {
  p.consume(n, K.policy);
  p.consume(n, M.StringLiteral);
};

const currencyDecl: Rule = (p, n) => {
  p.consume(n, K.currency);
  p.consume(n, M.Identifier);
};

/** `profile india-2024` selects a profile; `profile acme extends vendors-2026 { … }` declares one. */
const profileDecl: Rule = (p, n) => {
  p.consume(n, K.profile);
  p.consume(n, M.Identifier);
  if (!p.at(K.extends) && !p.at(M.LBrace)) return;
  if (p.at(K.extends)) {
    p.consume(n, K.extends);
    p.consume(n, M.Identifier, 2, 'base');
  }
  p.consume(n, M.LBrace);
  p.many(n, startsProfileEntry, profileEntryItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const profileEntryStart = M.anyOf(K.currency, M.Name);
const startsProfileEntry = (p: Descent) => p.at(profileEntryStart);
const profileEntryItem: Rule = (p, n) => void p.sub(n, profileEntry, 'profileEntry');

/** `cosmos.ru-hour $0.008 source "…"`, `currency USD`, `postgres.read-service lognormal(…)`. */
const profileEntry: Rule = (p, n) => {
  if (p.at(K.currency)) p.consume(n, K.currency, 0, 'key');
  else if (p.at(M.Name)) p.sub(n, qualifiedName, 'qualifiedName', 0, 'keyName');
  else p.fail('noViableAlt');
  if (p.at(M.StringLiteral)) p.consume(n, M.StringLiteral, 0, 'text');
  else if (p.at(M.Identifier) && p.atK(2, M.LParen)) p.sub(n, distribution, 'distribution', 0, 'dist');
  else if (p.at(M.CurrencySign) || p.at(M.NumberLiteral)) p.sub(n, profileQuantity, 'profileQuantity', 0, 'value');
  else if (p.at(M.Identifier)) p.consume(n, M.Identifier, 3, 'word');
  else p.fail('noViableAlt');
  if (p.at(K.source)) {
    p.consume(n, K.source);
    p.consume(n, M.StringLiteral, 2, 'source');
  }
};

/** `store dynamodb` or `store postgres, cassandra`: the systems the policy targets. */
const storeDecl: Rule = (p, n) => {
  p.consume(n, K.store);
  p.atLeastOneSep(n, M.Comma, p.at(M.Identifier), storeName);
};
const storeName: Rule = (p, n) => void p.consume(n, M.Identifier);

const tierDecl: Rule = (p, n) => {
  p.consume(n, K.tier);
  p.sub(n, qualifiedName, 'qualifiedName');
  p.sub(n, block, 'block');
};

const dataDecl: Rule = (p, n) => {
  p.consume(n, K.data);
  p.consume(n, M.Name);
  p.sub(n, block, 'block');
};

const transactionDecl: Rule = (p, n) => {
  p.consume(n, K.transaction);
  p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.manySep(n, M.Comma, p.at(M.Name), member, M.RBrace);
  p.consume(n, M.RBrace);
};
const member: Rule = (p, n) => void p.consume(n, M.Name, 2, 'member');

export interface ParseOutput {
  cst: CstNode;
  errors: ParseError[];
  /** Set when reading stopped after `limits.syntaxErrors` errors: the token it stopped at. */
  stoppedAt?: IToken;
}

/** One parser, reused (it holds no state between parses). */
const parser = new Descent();

export function parseTokens(tokens: IToken[]): ParseOutput {
  parser.reset(tokens);
  const cst = parser.top(file, 'file');
  const { errors, stoppedAt } = parser;
  parser.reset([]);
  return { cst, errors, ...(stoppedAt ? { stoppedAt } : {}) };
}
