// duplicate-name over a scope whose names did not change (core/check-cache.ts, the editor's): after an edit
// inside a declaration, the declarations are the last analysis' — the same objects, or, where the edit re-read
// a declaration, the same kind, name, container and file. When the last analysis found no duplicate then,
// there is none now, without hashing every name again.
import type { Diagnostic } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import type { DataModel, Declared, PolicyModel } from '../model/model';
import type { Rule } from './rule';
import { runChecks, type CheckOptions } from './run-checks';

/** The declarations of the last run that found no duplicate, or undefined. */
export type Clean = Declared[] | undefined;

export function duplicateNames(
  rule: Rule,
  model: PolicyModel,
  estimate: (d: DataModel) => DataEstimate,
  options: CheckOptions,
  clean: Clean,
): { found: Diagnostic[]; clean: Clean } {
  if (clean && sameNames(clean, model.declarations)) return { found: [], clean: model.declarations };
  const found = runChecks(model, estimate, options, [rule]);
  return { found, clean: found.length === 0 ? model.declarations : undefined };
}

function sameNames(a: Declared[], b: Declared[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y) continue;
    if (x.kind !== y.kind || x.name !== y.name || x.container !== y.container) return false;
    if (x.builtin !== y.builtin || x.origin.uri !== y.origin.uri) return false;
  }
  return true;
}
