// Completion that knows where it is: keywords the grammar accepts next (snippets for whole declarations
// and properties, minus properties the block forbids), level names after `consistency`, declared names
// where a reference goes, values of closed sets, and units after numbers.
import type { ISyntacticContentAssistPath } from 'chevrotain';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import { builtinProfileNames } from '../core/estimate/profiles/index';
import { storeAliases } from '../core/model/stores';
import { knownPlaceNames } from '../core/geo/cities';
import { conflictStrategies, moneyCategories } from '../core/model/effective';
import { levelDefs, sessionGuarantees } from '../core/model/levels';
import { notAllowed, type BlockKind } from '../core/model/props';
import { distributionNames, signatureOf } from '../core/model/distributions';
import { importPath } from '../core/model/imports';
import type { PropertyKind } from '../core/syntax/ast';
import { completionContext, insideCommentOrString, type CompletionContext } from './completion-context';
import * as V from './completion-values';
import { declarationAt, docComment } from './locate';
import { toOffset, toRange } from './positions';
import type { Snapshot } from './snapshot';

const empty: CompletionList = { isIncomplete: false, items: [] };

export function completion(s: Snapshot, uri: string, position: Position): CompletionList {
  const doc = s.document(uri);
  if (!doc) return empty;
  const lines = s.lines.get(uri);
  const offset = toOffset(lines, position);
  const paths = importPaths(s, uri, offset);
  if (paths) return paths;
  if (insideCommentOrString(doc, offset)) return empty;
  const ctx = completionContext(doc, offset, lines);
  const range = toRange(lines, ctx.replace);
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}, newText = label) => {
    if (items.some((i) => i.label === label)) return;
    items.push({
      label,
      kind,
      ...extra,
      sortText: String(items.length).padStart(4, '0'),
      textEdit: { range, newText },
    });
  };
  const snippet = (label: string, def: { snippet: string; doc: string; block?: boolean }) =>
    add(
      label,
      def.block ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
      { insertTextFormat: InsertTextFormat.Snippet, documentation: def.doc },
      def.snippet,
    );
  // What this file sees: the prelude, itself and what it imports.
  const model = s.analysis.modelOf(uri);
  const prev = ctx.preceding[ctx.preceding.length - 1];
  const rbrace = ctx.paths.find(
    (p) => p.nextTokenType.name === 'RBrace' && p.ruleStack[p.ruleStack.length - 1] === 'block',
  );
  let unitsDone = false;
  const touchingNumber =
    prev?.tokenType.name === 'NumberLiteral' && prev.startOffset + prev.image.length === ctx.replace.start;

  for (const p of ctx.paths) {
    const token = p.nextTokenType.name;
    const rule = p.ruleStack[p.ruleStack.length - 1];
    if (touchingNumber && !(rule === 'quantity' && (token === 'Identifier' || token === 'PercentSign'))) continue;
    if (token.startsWith('Kw_')) {
      const word = token.slice(3);
      if (ctx.owner === 'file' && V.declarationSnippets[word]) snippet(word, V.declarationSnippets[word]);
      else if (rule === 'scenarioProp' && V.scenarioSnippets[word]) snippet(word, V.scenarioSnippets[word]);
      else if (rbrace && V.propertySnippets[word] && p.ruleStack[rbrace.ruleStack.length] === 'property') {
        if (!notAllowed[blockKind(ctx, rbrace)].has(word as PropertyKind)) snippet(word, V.propertySnippets[word]);
      } else if (V.innerSnippets[word] && (rule === `${word}Decl` || word === 'quorum' || rule === 'replicaWork'))
        snippet(word, V.innerSnippets[word]);
      else add(word, CompletionItemKind.Keyword);
    } else if (token === 'Percentile') {
      for (const x of V.percentiles) add(x, CompletionItemKind.EnumMember);
    } else if (V.comparatorTokens[token]) {
      add(V.comparatorTokens[token], CompletionItemKind.Operator);
    } else if (
      (token === 'Identifier' || token === 'PercentSign') &&
      rule === 'quantity' &&
      prev?.tokenType.name === 'NumberLiteral'
    ) {
      if (!unitsDone) for (const u of V.units[unitKind(ctx)]) add(u, CompletionItemKind.Unit);
      unitsDone = true;
    } else if (token === 'Identifier' || token === 'Name') {
      identifiers(rule, p);
    }
  }
  return { isIncomplete: false, items };

  function identifiers(rule: string, p: ISyntacticContentAssistPath): void {
    const before = prev?.image;
    const value = (xs: Iterable<string>, kind: CompletionItemKind = CompletionItemKind.EnumMember) => {
      for (const x of xs) add(x, kind);
    };
    if (rule === 'levelExpr') {
      const open = ctx.preceding.map((t) => t.tokenType.name).lastIndexOf('LParen');
      if (before === '(' || before === ',') {
        if (ctx.preceding[open - 1]?.image === 'session') value(sessionGuarantees);
        return;
      }
      for (const [name, def] of Object.entries(levelDefs)) {
        const bounded = name === 'bounded';
        add(
          name,
          CompletionItemKind.EnumMember,
          {
            detail: `${def.costClass} cost class`,
            documentation: def.summary,
            ...(bounded ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
          },
          bounded ? 'bounded(${1:2s})' : name,
        );
        if (name === 'linearizable')
          add('strong', CompletionItemKind.EnumMember, { detail: 'alias of linearizable', documentation: def.summary });
      }
    } else if (rule === 'qualifiedName' && p.ruleStack.includes('property')) {
      for (const t of model.tiers.values()) {
        const d = s.document(t.origin.uri);
        add(t.name, CompletionItemKind.Interface, {
          detail: t.builtin ? 'built-in tier' : 'tier',
          documentation: d && docComment(d, t.decl.range.start),
        });
      }
    } else if (rule === 'property') {
      if (before === 'topology') value(model.topologies.keys(), CompletionItemKind.Module);
      else if (before === 'category')
        value(
          new Set([...moneyCategories, ...[...model.data.values()].flatMap((d) => d.effective.category?.value ?? [])]),
        );
      else if (before === 'conflict') value(Object.keys(conflictStrategies));
      else if (
        before &&
        conflictStrategies[before]?.length &&
        ctx.preceding[ctx.preceding.length - 2]?.image === 'conflict'
      )
        value(conflictStrategies[before]);
      else if (before === 'primary' || before === ',') value(regionsFor(ctx), CompletionItemKind.Variable);
      else if (before === 'sessions') value(['sticky', 'roaming']);
      else if (before === 'money') value(['no']);
    } else if (rule === 'replicationProp') value(V.replicationModes);
    else if (rule === 'replicaWork' && before === 'replica')
      value(V.replicaOps.filter((o) => o !== 'write' && o !== 'read'));
    else if (rule === 'distribution') distributions();
    else if (rule === 'scenarioProp' && (before === 'data' || before === ',')) {
      for (const d of model.data.values())
        add(d.name, CompletionItemKind.Struct, { detail: d.effective.level?.value.display });
    } else if (rule === 'clientShare' || rule === 'partitionSide' || rule === 'faultProp')
      value(regionsFor(ctx), CompletionItemKind.Variable);
    else if (rule === 'linkDecl') {
      const decl = declarationAt(doc!.ast, offset);
      if (decl?.kind === 'topology')
        value(
          decl.regions.flatMap((r) => r.name?.text ?? []),
          CompletionItemKind.Variable,
        );
    } else if (rule === 'regionProp' && before === 'city') value(knownPlaceNames(), CompletionItemKind.Value);
    else if (rule === 'transactionDecl' && (before === '{' || before === ',')) {
      for (const d of model.data.values())
        add(d.name, CompletionItemKind.Struct, { detail: d.effective.level?.value.display });
    } else if (rule === 'currencyDecl') value(['INR', 'USD']);
    else if (rule === 'profileDecl') value(builtinProfileNames);
    else if (rule === 'storeDecl') value(Object.keys(storeAliases));
    else if (rule === 'condition' && (before === 'when' || before === 'and'))
      value(V.conditionFields, CompletionItemKind.Field);
  }

  function distributions(): void {
    for (const name of distributionNames)
      add(
        name,
        CompletionItemKind.Function,
        { detail: signatureOf(name), insertTextFormat: InsertTextFormat.Snippet },
        `${name}($1)`,
      );
  }

  function regionsFor(c: CompletionContext): string[] {
    const decl = declarationAt(doc!.ast, c.replace.start);
    const topology = decl?.kind === 'data' && decl.name ? model.data.get(decl.name.text)?.topology : undefined;
    if (topology) return [...topology.regions.keys()];
    const sc = decl?.kind === 'scenario' && decl.name ? model.scenarios.get(decl.name.text) : undefined;
    if (sc?.data.length) return [...new Set(sc.data.flatMap((d) => [...(d.topology?.regions.keys() ?? [])]))];
    return [...new Set(model.declarations.filter((d) => d.kind === 'region').map((d) => d.name))];
  }
}

/** Inside the string of an `import`: the other policy files, as paths relative to this one. */
function importPaths(s: Snapshot, uri: string, offset: number): CompletionList | undefined {
  const doc = s.document(uri)!;
  const decl = doc.ast.declarations.find(
    (d) => d.kind === 'import' && d.path && d.path.range.start < offset && offset <= d.path.range.end,
  );
  if (decl?.kind !== 'import' || !decl.path) return undefined;
  const r = decl.path.range;
  const closed = doc.text[r.end - 1] === '"' && r.end - r.start > 1;
  const range = toRange(s.lines.get(uri), { start: r.start + 1, end: closed ? r.end - 1 : r.end });
  const items: CompletionItem[] = [];
  for (const other of s.analysis.documents.keys()) {
    if (other === uri || other.startsWith('builtin:')) continue;
    const path = importPath(uri, other);
    items.push({ label: path, kind: CompletionItemKind.File, sortText: path, textEdit: { range, newText: path } });
  }
  return { isIncomplete: false, items };
}

/** The kind of block a property would be added to, from the path of that block's `}`. */
function blockKind(ctx: CompletionContext, block: ISyntacticContentAssistPath): BlockKind {
  if (block.ruleStack.includes('whenProp')) return 'when';
  if (block.ruleStack.includes('tierDecl')) return 'tier';
  if (block.ruleStack.includes('dataDecl')) return 'data';
  return ctx.owner === 'when' || ctx.owner === 'tier' ? ctx.owner : 'data';
}

/** The units a number takes, by the last keyword of its property. */
function unitKind(ctx: CompletionContext): V.UnitKind {
  for (let i = ctx.preceding.length - 1; i >= 0; i--) {
    const t = ctx.preceding[i];
    if (t.tokenType.name === 'LBrace' || t.tokenType.name === 'RBrace') break;
    const kind = t.tokenType.name.startsWith('Kw_') ? V.unitsAfterKeyword[t.image] : undefined;
    if (kind) return kind;
  }
  return 'duration';
}
