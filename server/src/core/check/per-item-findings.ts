// Findings of a rule that looks at one item (a topology, a transaction) at a time, kept per item between
// analyses (the editor's, core/check-cache.ts): an item whose key object lives on (the model cache keeps a
// model object, incremental parsing a declaration node, while the declaration is untouched) and whose inputs
// are the same objects gets its findings again, moved with its declaration (as copies: a finding may hold a
// range of the AST, which incremental parsing moves in place, or one the rule computed). The others are found
// by running the rule on the model narrowed to that one item. Settings changed: everything is found again.
import type { Diagnostic } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import { keepDiagnostics, placed, type Kept } from '../model/kept';
import type { DataModel, PolicyModel } from '../model/model';
import type { Range } from '../util/range';
import type { Rule } from './rule';
import { runChecks, type CheckOptions } from './run-checks';

/** How a kind of item is found in a model and what its findings rest on. */
export interface ItemKind<I> {
  /** The model's items of this kind, by name, in the model's order. */
  items(model: PolicyModel): Map<string, I>;
  /** The object findings are kept under: they live while it does. */
  key(item: I): object;
  /** What else the findings rest on, compared one by one by identity (none: the key alone). */
  inputs(item: I): readonly unknown[];
  /** The model with this one item of the kind. */
  narrowed(model: PolicyModel, name: string, item: I): PolicyModel;
  /** The item's declaration: findings all inside it are kept, moved with it; others are found each time. */
  declared(item: I): { uri: string; range: Range };
}

interface Found {
  inputs: readonly unknown[];
  kept: Kept;
}

export class PerItemFindings<I> {
  private options?: string;
  private byKey = new WeakMap<object, Map<string, Found>>();

  constructor(private readonly kind: ItemKind<I>) {}

  /** `rule`'s findings, item by item in the model's order: kept ones moved, the others found. */
  run(
    rule: Rule,
    model: PolicyModel,
    estimate: (d: DataModel) => DataEstimate,
    options: CheckOptions,
    optionsKey: string,
  ): Diagnostic[] {
    if (optionsKey !== this.options) {
      this.options = optionsKey;
      this.byKey = new WeakMap();
    }
    const kind = this.kind;
    const out: Diagnostic[] = [];
    for (const [name, item] of kind.items(model)) {
      const key = kind.key(item);
      let byRule = this.byKey.get(key);
      const found = byRule?.get(rule.code);
      const inputs = kind.inputs(item);
      const { uri, range } = kind.declared(item);
      if (found && same(found.inputs, inputs)) {
        for (const d of placed(found.kept, range.start)) out.push(d);
        continue;
      }
      const list = runChecks(kind.narrowed(model, name, item), estimate, options, [rule]);
      for (const d of list) out.push(d);
      const kept = keepDiagnostics(list, uri, range);
      if (!kept) continue; // a finding outside the item (an internal error, a member's place): found next time
      if (!byRule) this.byKey.set(key, (byRule = new Map()));
      byRule.set(rule.code, { inputs, kept });
    }
    return out;
  }
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
