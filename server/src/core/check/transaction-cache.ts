// transaction-mixed-levels' findings kept per transaction between analyses (the editor's, core/check-cache.ts):
// a transaction's findings depend on it and on its members' models, which the model cache keeps while their
// declarations are untouched. They are reused, moved with the transaction, while its declaration is the same
// node and its members the same models (a finding pointing into a member is not kept: found again each time).
import type { Diagnostic } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import { keepDiagnostics, placed, type Kept } from '../model/kept';
import type { DataModel, PolicyModel, TransactionModel } from '../model/model';
import type * as A from '../syntax/ast';
import type { Rule } from './rule';
import { runChecks, type CheckOptions } from './run-checks';

interface Found {
  members: (DataModel | undefined)[];
  kept: Kept;
}

export class TransactionFindings {
  private options?: string;
  private byDecl = new WeakMap<A.TransactionDecl, Found>();

  /** `rule`'s findings, transaction by transaction in the model's order: kept ones moved, the others found. */
  run(
    rule: Rule,
    model: PolicyModel,
    estimate: (d: DataModel) => DataEstimate,
    options: CheckOptions,
    optionsKey: string,
  ): Diagnostic[] {
    if (optionsKey !== this.options) {
      this.options = optionsKey;
      this.byDecl = new WeakMap();
    }
    const out: Diagnostic[] = [];
    for (const [name, tx] of model.transactions) {
      const found = this.byDecl.get(tx.decl);
      if (found && sameMembers(found.members, tx)) {
        for (const d of placed(found.kept, tx.decl.range.start)) out.push(d);
        continue;
      }
      const view: PolicyModel = { ...model, transactions: new Map([[name, tx]]) };
      const list = runChecks(view, estimate, options, [rule]);
      for (const d of list) out.push(d);
      const kept = keepDiagnostics(list, tx.origin.uri, tx.decl.range);
      if (kept) this.byDecl.set(tx.decl, { members: tx.members.map((m) => m.data), kept });
    }
    return out;
  }
}

function sameMembers(members: (DataModel | undefined)[], tx: TransactionModel): boolean {
  if (members.length !== tx.members.length) return false;
  for (let i = 0; i < members.length; i++) if (members[i] !== tx.members[i].data) return false;
  return true;
}
