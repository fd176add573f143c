// Rule findings kept between analyses (the editor's). Most rules look at one data type at a time (with the
// declarations around it that are not data); their findings on a data type whose text did not change are
// reused after an edit elsewhere, moved with the text the edit moved. The rules that look at one topology at
// a time keep theirs per topology model (check/topology-cache.ts). The other rules (names, references,
// transactions, scenarios, profiles) run over the whole model every time; so does every rule when a per-data
// rule reports outside the declarations of the data types it checks (a finding is kept with the data type
// whose declaration holds it). The order is `runChecks`'s: rule by rule, data type by data type. test/property/incremental.property.test.ts compares every diagnostic
// with a fresh analysis after random edits.
import { allRules } from './check/index';
import { runChecks, type CheckOptions } from './check/run-checks';
import { movedDiagnostic, type Diagnostic } from './diagnostic';
import { contextOf, declarationKey, sameContext } from './estimate-cache';
import { perTopology, topologyFindings } from './check/topology-cache';
import { duplicateNames, type Clean } from './check/names-cache';
import { transactionFindings } from './check/transaction-cache';
import type { DataEstimate } from './estimate/estimate';
import type { DataModel, PolicyModel } from './model/model';
import type { ParsedDocument } from './syntax/parse';
import { documentId, editStep, type EditStep } from './syntax/reparse';
import type { Rule } from './check/rule';
import type { Range } from './util/range';

/** Rules whose findings on a data type depend on it and on declarations that are not data only. */
const perData = new Set([
  'availability-unreachable',
  'budget-exceeded',
  'cap-prefer-availability',
  'degrade-below-floor',
  'latency-below-physics',
  'level-below-tier',
  'lww-on-money',
  'missing-consistency',
  'multi-primary-linearizable',
  'quorum-no-overlap',
  'quorum-too-large',
  'session-guarantee-unsupported',
  'sla-looser-than-tier',
  'staleness-below-lag',
  'staleness-below-physics',
  'store-cannot-provide',
  'strong-with-staleness',
  'when-gap',
  'when-overlap',
  'workload-over-capacity',
]);
const dataRules = allRules.filter((r) => perData.has(r.code));

/** Data types whose findings were reused or found afresh (every cache), for tests and the bench. */
export const checkCacheStats = { reused: 0, computed: 0 };

interface Found {
  /** Where the data type's declaration started, to tell two declarations of the same text apart. */
  start: number;
  /** Per rule of `dataRules`, in order. */
  byRule: Diagnostic[][];
  /** Whether any rule found anything (most data types: none). */
  any: boolean;
}

interface Scope {
  context: string[];
  docs: number[];
  byText: Map<string, Found>;
  /** The declarations of the last analysis, when duplicate-name found nothing in them (check/names-cache.ts). */
  names: Clean;
}

export class CheckCache {
  private readonly scopes = new Map<string, Scope>();
  private readonly topologies = topologyFindings();
  private readonly transactions = transactionFindings();

  run(
    docs: ParsedDocument[],
    options: CheckOptions,
    optionsKey: string,
    model: PolicyModel,
    estimate: (d: DataModel) => DataEstimate,
  ): Diagnostic[] {
    const root = docs[docs.length - 1].uri;
    const context = contextOf(docs, optionsKey, ['data']);
    const ids = docs.map(documentId);
    const before = this.scopes.get(root);
    const moves = sameContext(before?.context, context) ? movesSince(before!.docs, docs, ids) : undefined;
    const byText = new Map<string, Found>();
    const scope: Scope = {
      context,
      docs: ids,
      byText,
      names: before?.context[0] === optionsKey ? before.names : undefined,
    };
    this.scopes.set(root, scope);
    const byUri = new Map(docs.map((d) => [d.uri, d]));
    const kept = new Map<DataModel, Found>();
    const keys = new Map<DataModel, string>();
    for (const data of model.data.values()) {
      const doc = byUri.get(data.origin.uri);
      const key = doc ? declarationKey(doc, data.decl) : `${data.origin.uri}\u0000`;
      keys.set(data, key);
      const old = moves && before!.byText.get(key);
      const f = old ? moved(old, data, moves!) : undefined;
      if (f) kept.set(data, f);
    }
    const dirty = [...model.data.values()].filter((d) => !kept.has(d));
    const fresh = findings(dirty, model, estimate, options);
    if (!fresh) {
      this.scopes.delete(root);
      return runChecks(model, estimate, options);
    }
    checkCacheStats.reused += kept.size;
    checkCacheStats.computed += dirty.length;
    const found: Found[] = [];
    for (const data of model.data.values()) {
      const f = kept.get(data) ?? fresh.get(data)!;
      byText.set(keys.get(data)!, f);
      found.push(f);
    }
    const out: Diagnostic[] = [];
    const reporting = found.filter((f) => f.any);
    for (const rule of allRules) {
      const i = dataRules.indexOf(rule);
      if (perTopology.has(rule.code)) out.push(...this.topologies.run(rule, model, estimate, options, optionsKey));
      else if (rule.code === 'transaction-mixed-levels')
        out.push(...this.transactions.run(rule, model, estimate, options, optionsKey));
      else if (rule.code === 'duplicate-name') {
        const names = duplicateNames(rule, model, estimate, options, scope.names);
        scope.names = names.clean;
        out.push(...names.found);
      } else if (i < 0) out.push(...runChecks(model, estimate, options, [rule]));
      else for (const f of reporting) for (const d of f.byRule[i]) out.push(d);
    }
    return out;
  }

  /** Forget the scopes of files no longer analysed. */
  keep(roots: Set<string>): void {
    for (const r of [...this.scopes.keys()]) if (!roots.has(r)) this.scopes.delete(r);
  }
}

/**
 * The per-data rules' findings on the data types given (the rules see a model holding only those), each
 * attributed to the data type whose declaration holds it; undefined when one is held by none of them (a rule
 * reporting elsewhere, whose finding cannot be kept with one data type) or a rule fails. A finding may hold a
 * range object of the AST, which incremental parsing moves in place: the cache keeps copies.
 */
function findings(
  datas: DataModel[],
  model: PolicyModel,
  estimate: (d: DataModel) => DataEstimate,
  options: CheckOptions,
): Map<DataModel, Found> | undefined {
  const view: PolicyModel = { ...model, data: new Map(datas.map((d) => [d.name, d])), memo: undefined };
  const found = (d: DataModel): Found => ({ start: d.decl.range.start, byRule: dataRules.map(() => []), any: false });
  const out = new Map(datas.map((d) => [d, found(d)]));
  const copy = (_: string, r: Range) => ({ start: r.start, end: r.end });
  const holder = holders(datas);
  for (let i = 0; i < dataRules.length; i++) {
    let failed = false;
    const rule = dataRules[i];
    const wrapped: Rule = {
      code: rule.code,
      check: (ctx) => {
        try {
          rule.check(ctx);
        } catch (e) {
          failed = true;
          throw e;
        }
      },
    };
    const reported = runChecks(view, estimate, options, [wrapped]);
    if (failed) return undefined;
    for (const d of reported) {
      const f = out.get(holder(d)!);
      if (!f) return undefined;
      f.byRule[i].push(movedDiagnostic(d, copy)!);
      f.any = true;
    }
  }
  return out;
}

/** Which of the data types holds a finding in its declaration (by file, then a binary search by offset). */
function holders(datas: DataModel[]): (d: Diagnostic) => DataModel | undefined {
  const byUri = new Map<string, DataModel[]>();
  for (const data of datas) {
    const list = byUri.get(data.origin.uri);
    if (list) list.push(data);
    else byUri.set(data.origin.uri, [data]);
  }
  for (const list of byUri.values()) list.sort((a, b) => a.decl.range.start - b.decl.range.start);
  return (d) => {
    const list = byUri.get(d.uri) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].decl.range.start <= d.range.start) lo = mid + 1;
      else hi = mid;
    }
    const data = list[lo - 1];
    return data && d.range.end <= data.decl.range.end ? data : undefined;
  };
}

type Moves = Map<string, EditStep | undefined>;

/** Per document URI, the edit since the last analysis (undefined: unchanged); undefined if any changed more. */
function movesSince(before: number[], docs: ParsedDocument[], ids: number[]): Moves | undefined {
  if (before.length !== ids.length) return undefined;
  const moves: Moves = new Map();
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === before[i]) moves.set(docs[i].uri, undefined);
    else {
      const step = editStep(docs[i]);
      if (step?.previous !== before[i]) return undefined;
      moves.set(docs[i].uri, step);
    }
  }
  return moves;
}

/**
 * Findings of the last analysis moved by the edit, or undefined when one touches the edited text. At an
 * insertion point a range that starts there moves with the text after it, one that ends there stays.
 */
function moved(f: Found, data: DataModel, moves: Moves): Found | undefined {
  const at = (uri: string, r: Range): Range | undefined => {
    if (!moves.has(uri)) return undefined;
    const step = moves.get(uri);
    if (!step) return r;
    const start = r.start < step.from ? r.start : r.start >= step.oldEnd ? r.start + step.delta : -1;
    const end = r.end <= step.from ? r.end : r.end >= step.oldEnd ? r.end + step.delta : -1;
    if (start < 0 || end < start) return undefined;
    return start === r.start && end === r.end ? r : { start, end };
  };
  if (!f.any) return movedStart(f, data, moves);
  const start = at(data.origin.uri, { start: f.start, end: f.start + 1 });
  if (!start || start.start !== data.decl.range.start) return undefined;
  let byRule: Diagnostic[][] | undefined; // copied on the first list that moves
  for (let i = 0; i < f.byRule.length; i++) {
    const list = f.byRule[i];
    if (list.length === 0) continue; // never written to
    let next: Diagnostic[] | undefined;
    for (let k = 0; k < list.length; k++) {
      const m = movedDiagnostic(list[k], at);
      if (!m) return undefined;
      if (m !== list[k]) (next ??= list.slice())[k] = m;
    }
    if (next) (byRule ??= f.byRule.slice())[i] = next;
  }
  if (!byRule && start.start === f.start) return f;
  return { start: data.decl.range.start, byRule: byRule ?? f.byRule, any: true };
}

/** `moved` for a data type with no findings: only where it starts moves (without allocating, but its result). */
function movedStart(f: Found, data: DataModel, moves: Moves): Found | undefined {
  if (!moves.has(data.origin.uri)) return undefined;
  const step = moves.get(data.origin.uri);
  let start = f.start;
  if (step) {
    const end = f.start + 1;
    start = f.start < step.from ? f.start : f.start >= step.oldEnd ? f.start + step.delta : -1;
    const moved = end <= step.from ? end : end >= step.oldEnd ? end + step.delta : -1;
    if (start < 0 || moved < start) return undefined;
  }
  if (start !== data.decl.range.start) return undefined;
  return start === f.start ? f : { start, byRule: f.byRule, any: false };
}
