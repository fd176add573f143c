// Text → AST + syntax diagnostics: lexer, parser and AST builder in one call.
import { diagnostic, type Diagnostic } from '../diagnostic';
import { closest } from '../util/suggest';
import type { PolicyFile } from './ast';
import { AstBuilder } from './ast-builder';
import { tokenize } from './lexer';
import type { ParseError } from './parse-error';
import { parseTokens } from './parser';
import { keywordNames } from './tokens';
import { boundNesting } from './depth';
import { grouped, limits } from '../util/limits';
import { lineBreaks } from '../util/range';
import type { Token } from './token';

export interface ParsedDocument {
  uri: string;
  text: string;
  ast: PolicyFile;
  tokens: Token[];
  comments: Token[];
  diagnostics: Diagnostic[];
}

export function parseDocument(text: string, uri: string): ParsedDocument {
  if (text.length > limits.fileChars) return tooLarge(text, uri);
  const lexed = tokenize(text, uri);
  const { ast, nesting, syntax, built } = buildAst(lexed.tokens, text, uri);
  const lexical = lexed.diagnostics.slice(0, limits.syntaxErrors);
  const diagnostics = [...nesting, ...lexical, ...syntax, ...built];
  return { uri, text, ast, tokens: lexed.tokens, comments: lexed.comments, diagnostics };
}

/** Tokens (of the whole text or a run of its declarations) → AST: the nesting bound, parser errors (and where
 *  reading stopped after too many), the builder's findings. */
export function buildAst(tokens: Token[], text: string, uri: string) {
  const bounded = boundNesting(tokens, uri);
  const { file, errors, stoppedAt } = parseTokens(bounded.tokens);
  const builder = new AstBuilder(uri, text);
  const ast = builder.file(file);
  const syntax = errors.map((e) => syntaxDiagnostic(e, text, uri));
  if (stoppedAt) syntax.push(stopped(stoppedAt, text, uri));
  return { ast, nesting: bounded.diagnostics, syntax, built: builder.diagnostics, stopped: stoppedAt !== undefined };
}

/** A file over the size limit is not read at all: one diagnostic at its start. */
function tooLarge(text: string, uri: string): ParsedDocument {
  const empty = parseDocument('', uri);
  const message =
    `This file has ${grouped(text.length)} characters, over the limit of ${grouped(limits.fileChars)} ` +
    '(docs/language.md#limits): it is not read.';
  const range = { start: 0, end: 0 };
  return { ...empty, text, diagnostics: [diagnostic({ code: 'limit-exceeded', uri, range, message })] };
}

/** Reading stopped after `limits.syntaxErrors` errors: said once, where it stopped. */
function stopped(t: Token, text: string, uri: string): Diagnostic {
  const atEnd = Number.isNaN(t.startOffset) || t.tokenType?.name === 'EOF';
  const start = atEnd ? text.length : t.startOffset;
  const line = text.slice(0, start).split('\n').length;
  return diagnostic({
    code: 'limit-exceeded',
    uri,
    range: { start, end: atEnd ? start : start + t.image.length },
    message:
      `After ${limits.syntaxErrors} syntax errors (the limit, docs/language.md#limits) the rest of the file, ` +
      `from line ${line}, is not read: fix the errors above first.`,
  });
}

/** What the parser was reading, in words, by the innermost rule. */
const ruleWords: Record<string, string> = {
  file: 'a declaration (import, policy, currency, profile, store, topology, tier, data, transaction or scenario)',
  declaration:
    'a declaration (import, policy, currency, profile, store, topology, tier, data, transaction or scenario)',
  importDecl: 'a file to import, such as `import "topologies.consistency"`',
  topologyDecl: 'a region, link or replica',
  replicaWork: 'replica work such as `replica write lognormal(median 2ms, p99 10ms)`',
  distribution: 'a distribution such as `lognormal(median 45ms, p99 80ms)`',
  distArg: 'a parameter such as `45ms`, `median 45ms` or `0.5 exponential(mean 5ms)`',
  scenarioDecl: 'a scenario property (data, duration, load, clients, fault, seed, keys, timeout)',
  scenarioProp: 'a scenario property (data, duration, load, clients, fault, seed, keys, timeout)',
  clientsProp: 'clients such as `clients 2000 in mumbai 60%, delhi 40%`',
  clientShare: 'a region and its share such as `mumbai 60%`',
  faultProp: 'a fault such as `fault partition mumbai | delhi at 10s for 20s`',
  partitionSide: 'region names separated by commas',
  regionDecl: 'a region setting (replicas, primary, city, coordinates)',
  regionProp: 'a region setting (replicas, primary, city, coordinates)',
  linkDecl: 'a link such as `link mumbai <-> delhi 45ms`',
  block: 'a property',
  property:
    'a property (consistency, replication, latency, availability, partition, conflict, workload, budget, ' +
    'staleness, tier, topology, category, primary, sessions, money, when, degrade)',
  replicationProp: '`sync`, `async` or `quorum write W read R`',
  latencyProp: 'a latency bound such as `latency read p99 <= 200ms`',
  partitionProp: '`partition prefer consistency` or `partition prefer availability`',
  workloadProp: 'a workload such as `35M/day reads 80%` or `peak 8500/s`',
  levelExpr: 'a consistency level',
  quantity: 'a number with its unit',
  condition: 'a condition such as `amount >= 1 lakh`',
  comparator: 'a comparison (<, <=, >, >=, ==, !=)',
  transactionDecl: 'data names separated by commas',
  qualifiedName: 'a name',
};

function syntaxDiagnostic(e: ParseError, text: string, uri: string): Diagnostic {
  const t = e.token;
  const atEnd = !t || Number.isNaN(t.startOffset) || t.tokenType?.name === 'EOF';
  const start = atEnd ? Math.max(0, text.trimEnd().length - 1) : t.startOffset;
  const end = atEnd ? Math.max(start, text.trimEnd().length) : t.startOffset + t.image.length;
  const found = atEnd ? 'the end of the file' : `'${t.image}'`;
  const rules = e.ruleStack;
  const rule = rules[rules.length - 1] ?? 'file';
  const diag: Diagnostic = diagnostic({ code: 'syntax-error', uri, range: { start, end }, message: '' });
  let wantsWord = true;
  if (e.kind === 'notAllInput' || (e.kind === 'mismatch' && e.expected === 'EOF')) {
    diag.message = `Unexpected ${found}: expected ${ruleWords.file}.`;
  } else if (e.kind === 'mismatch') {
    const expected = e.expected ?? 'something else';
    // A block's MANY loop ended on something it did not know: say what the block takes, not just '}'.
    const inLoop = expected === "'}'" && ['block', 'topologyDecl', 'regionDecl', 'scenarioDecl'].includes(rule);
    const specific = ['levelExpr', 'quantity', 'condition', 'comparator', 'distribution'].includes(rule);
    if (inLoop && !atEnd && topLevelOnly.has(t.image)) {
      diag.message = `Missing '}': the block is still open when '${t.image}' starts a new declaration.`;
    } else if (inLoop) {
      diag.message = `Expected ${ruleWords[rule === 'block' ? 'property' : rule]} or '}' but found ${found}.`;
    } else if (keywordOnNewLine(e, expected, atEnd, text)) {
      // The lexer does not read a keyword that starts a line as the name the previous line left out.
      diag.message =
        `Expected a name but found '${t.image}', which starts a new line: a keyword there starts the next property ` +
        'or declaration. Write the name on the line before.';
      wantsWord = false;
    } else {
      diag.message = `Expected ${specific ? ruleWords[rule] : friendlyTokenName(expected)} but found ${found}.`;
      wantsWord = expected.startsWith("'") && expected !== "'}'";
    }
  } else {
    diag.message = `Expected ${ruleWords[rule] ?? 'something else'} but found ${found}.`;
  }
  if (wantsWord && !atEnd && t.tokenType?.name === 'Identifier') {
    const kw = closest(t.image, keywordNames);
    if (kw) {
      diag.message += ` Did you mean '${kw}'?`;
      diag.fixes = [{ title: `Change to '${kw}'`, edits: [{ uri, range: { start, end }, newText: kw }] }];
    }
  }
  return diag;
}

/** A keyword where a name was expected, at the start of a line (the lexer keeps it from being that name). */
function keywordOnNewLine(e: ParseError, expected: string, atEnd: boolean, text: string): boolean {
  const t = e.token;
  if (expected !== 'a name' || atEnd || !t.tokenType?.name.startsWith('Kw_')) return false;
  return prevLine(e, text) < 1 + lineBreaks(text, 0, t.startOffset);
}

/** The line of the last non-blank text before the token an error is at. */
function prevLine(e: ParseError, text: string): number {
  const before = text.slice(0, e.token.startOffset).trimEnd();
  return before.split('\n').length;
}

/** Keywords that can only start a top-level declaration (tier and topology are also properties). */
const topLevelOnly = new Set(['import', 'policy', 'currency', 'profile', 'store', 'data', 'transaction', 'scenario']);

function friendlyTokenName(name: string): string {
  if (name.startsWith("'")) return name;
  if (name.startsWith('Kw_')) return `'${name.slice(3)}'`;
  const words: Record<string, string> = {
    Identifier: 'a name',
    NumberLiteral: 'a number',
    StringLiteral: 'a string',
    RBrace: "'}'",
    LBrace: "'{'",
    RParen: "')'",
    Arrow: "'<->'",
  };
  return words[name] ?? name;
}
