// transaction-mixed-levels' findings kept per transaction between analyses (check/per-item-findings.ts): a
// transaction's findings depend on it and on its members' models, which the model cache keeps while their
// declarations are untouched. They are reused, moved with the transaction, while its declaration is the same
// node and its members the same models (a finding pointing into a member is not kept: found again each time).
import type { TransactionModel } from '../model/model';
import { PerItemFindings } from './per-item-findings';

export const transactionFindings = () =>
  new PerItemFindings<TransactionModel>({
    items: (model) => model.transactions,
    key: (tx) => tx.decl,
    inputs: (tx) => tx.members.map((m) => m.data),
    narrowed: (model, name, tx) => ({ ...model, transactions: new Map([[name, tx]]) }),
    declared: (tx) => ({ uri: tx.origin.uri, range: tx.decl.range }),
  });
