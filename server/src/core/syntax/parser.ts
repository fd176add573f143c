// The parser of .consistency files: hand-written recursive descent over the lexer's tokens, reading the rules
// of the Chevrotain grammar (grammar.ts) into typed nodes (nodes.ts) and recovering from errors as it does
// (test/core/syntax/parser-differential.test.ts compares the errors, and the AST built from each). It only
// recognises structure; meaning (units, levels, names) is given by ast-builder.ts and the model. This file:
// the file and its declarations.
import type { Token } from './token';
import { Descent, type Rule } from './descent';
import type { ParseError } from './parse-error';
import { block, qualifiedName } from './parser-properties';
import { scenarioDecl, topologyDecl } from './parser-topology';
import { distribution, profileQuantity } from './parser-values';
import * as M from './token-match';
import * as N from './nodes';
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

const file: Rule<N.FileNode> = (p, n) => p.many(n, startsDeclaration, declarationItem, M.EOF, 1);
const declarationItem: Rule<N.FileNode> = (p, n) => {
  const d = new N.DeclarationNode();
  n.declarations.push(d);
  p.sub(n, d, declaration, 'declaration');
};

const declaration: Rule<N.DeclarationNode> = (p, n) => {
  if (p.at(K.import)) p.sub(n, (n.decl = new N.StringDecl('import')), importDecl, 'importDecl');
  else if (p.at(K.policy)) p.sub(n, (n.decl = new N.StringDecl('policy')), policyDecl, 'policyDecl');
  else if (p.at(K.currency)) p.sub(n, (n.decl = new N.WordDecl()), currencyDecl, 'currencyDecl');
  else if (p.at(K.profile)) p.sub(n, (n.decl = new N.ProfileNode()), profileDecl, 'profileDecl');
  else if (p.at(K.store)) p.sub(n, (n.decl = new N.StoreNode()), storeDecl, 'storeDecl');
  else if (p.at(K.topology)) p.sub(n, (n.decl = new N.TopologyNode()), topologyDecl, 'topologyDecl');
  else if (p.at(K.tier)) p.sub(n, (n.decl = new N.TierNode()), tierDecl, 'tierDecl');
  else if (p.at(K.data)) p.sub(n, (n.decl = new N.DataNode()), dataDecl, 'dataDecl');
  else if (p.at(K.transaction)) p.sub(n, (n.decl = new N.TransactionNode()), transactionDecl, 'transactionDecl');
  else if (p.at(K.scenario)) p.sub(n, (n.decl = new N.ScenarioNode()), scenarioDecl, 'scenarioDecl');
  else p.fail('noViableAlt');
};

/** `import "topologies.consistency"`: the file sees that file's declarations. */
const importDecl: Rule<N.StringDecl> = (p, n) => {
  p.consume(n, K.import);
  n.string = p.consume(n, M.StringLiteral);
};

const policyDecl: Rule<N.StringDecl> = (p, n) => {
  p.consume(n, K.policy);
  n.string = p.consume(n, M.StringLiteral);
};

const currencyDecl: Rule<N.WordDecl> = (p, n) => {
  p.consume(n, K.currency);
  n.word = p.consume(n, M.Identifier);
};

/** `profile india-2024` selects a profile; `profile acme extends vendors-2026 { … }` declares one. */
const profileDecl: Rule<N.ProfileNode> = (p, n) => {
  p.consume(n, K.profile);
  n.name = p.consume(n, M.Identifier);
  if (!p.at(K.extends) && !p.at(M.LBrace)) return;
  if (p.at(K.extends)) {
    p.consume(n, K.extends);
    n.base = p.consume(n, M.Identifier, 2);
  }
  n.lbrace = p.consume(n, M.LBrace);
  p.many(n, startsProfileEntry, profileEntryItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const profileEntryStart = M.anyOf(K.currency, M.Name);
const startsProfileEntry = (p: Descent) => p.at(profileEntryStart);
const profileEntryItem: Rule<N.ProfileNode> = (p, n) => {
  const e = new N.ProfileEntryNode();
  n.entries.push(e);
  p.sub(n, e, profileEntry, 'profileEntry');
};

/** `cosmos.ru-hour $0.008 source "…"`, `currency USD`, `postgres.read-service lognormal(…)`. */
const profileEntry: Rule<N.ProfileEntryNode> = (p, n) => {
  if (p.at(K.currency)) n.key = p.consume(n, K.currency);
  else if (p.at(M.Name)) p.sub(n, (n.keyName = new N.QualifiedNameNode()), qualifiedName, 'qualifiedName');
  else p.fail('noViableAlt');
  if (p.at(M.StringLiteral)) n.text = p.consume(n, M.StringLiteral);
  else if (p.at(M.Identifier) && p.atK(2, M.LParen))
    p.sub(n, (n.dist = new N.DistributionNode()), distribution, 'distribution');
  else if (p.at(M.CurrencySign) || p.at(M.NumberLiteral))
    p.sub(n, (n.value = new N.QuantityNode()), profileQuantity, 'profileQuantity');
  else if (p.at(M.Identifier)) n.word = p.consume(n, M.Identifier, 3);
  else p.fail('noViableAlt');
  if (p.at(K.source)) {
    p.consume(n, K.source);
    n.source = p.consume(n, M.StringLiteral, 2);
  }
};

/** `store dynamodb` or `store postgres, cassandra`: the systems the policy targets. */
const storeDecl: Rule<N.StoreNode> = (p, n) => {
  p.consume(n, K.store);
  p.atLeastOneSep(n, M.Comma, p.at(M.Identifier), storeName);
};
const storeName: Rule<N.StoreNode> = (p, n) => void n.names.push(p.consume(n, M.Identifier));

const tierDecl: Rule<N.TierNode> = (p, n) => {
  p.consume(n, K.tier);
  p.sub(n, (n.name = new N.QualifiedNameNode()), qualifiedName, 'qualifiedName');
  p.sub(n, (n.block = new N.BlockNode()), block, 'block');
};

const dataDecl: Rule<N.DataNode> = (p, n) => {
  p.consume(n, K.data);
  n.name = p.consume(n, M.Name);
  p.sub(n, (n.block = new N.BlockNode()), block, 'block');
};

const transactionDecl: Rule<N.TransactionNode> = (p, n) => {
  p.consume(n, K.transaction);
  n.name = p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.manySep(n, M.Comma, p.at(M.Name), member, M.RBrace);
  p.consume(n, M.RBrace);
};
const member: Rule<N.TransactionNode> = (p, n) => void n.members.push(p.consume(n, M.Name, 2));

export interface ParseOutput {
  file: N.FileNode;
  errors: ParseError[];
  /** Set when reading stopped after `limits.syntaxErrors` errors: the token it stopped at. */
  stoppedAt?: Token;
}

/** One parser, reused (it holds no state between parses). */
const parser = new Descent();

export function parseTokens(tokens: Token[]): ParseOutput {
  parser.reset(tokens);
  const node = parser.top(new N.FileNode(), file, 'file');
  const { errors, stoppedAt } = parser;
  parser.reset([]);
  return { file: node, errors, ...(stoppedAt ? { stoppedAt } : {}) };
}
