// Findings of the rules that look at one topology at a time, kept per topology model between analyses (the
// editor's, core/check-cache.ts). The model cache (core/model/model-cache.ts) keeps a topology's model object
// while its declaration is untouched; its findings are then reused, moved with the declaration (as copies:
// a finding may hold a range of the AST, which incremental parsing moves in place, or one the rule computed).
import type { Diagnostic } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import { keepDiagnostics, placed, type Kept } from '../model/kept';
import type { DataModel, PolicyModel, TopologyModel } from '../model/model';
import type { Rule } from './rule';
import { runChecks, type CheckOptions } from './run-checks';

/** Rules whose findings on a topology depend on it alone (each loops over the topologies, one at a time). */
export const perTopology = new Set(['link-faster-than-light', 'unreachable-region', 'duplicate-link']);

export class TopologyFindings {
  private options?: string;
  private byTopology = new WeakMap<TopologyModel, Map<string, Kept>>();

  /** `rule`'s findings, topology by topology in the model's order: kept ones moved, the others found. */
  run(
    rule: Rule,
    model: PolicyModel,
    estimate: (d: DataModel) => DataEstimate,
    options: CheckOptions,
    optionsKey: string,
  ): Diagnostic[] {
    if (optionsKey !== this.options) {
      this.options = optionsKey;
      this.byTopology = new WeakMap();
    }
    const out: Diagnostic[] = [];
    for (const [name, topology] of model.topologies) {
      let kept = this.byTopology.get(topology);
      const found = kept?.get(rule.code);
      const start = topology.decl.range.start;
      if (found) {
        for (const d of placed(found, start)) out.push(d);
        continue;
      }
      const view: PolicyModel = { ...model, topologies: new Map([[name, topology]]) };
      const list = runChecks(view, estimate, options, [rule]);
      for (const d of list) out.push(d);
      const keep = keepDiagnostics(list, topology.origin.uri, topology.decl.range);
      if (!keep) continue; // a finding outside the topology (an internal error): found again next time
      if (!kept) this.byTopology.set(topology, (kept = new Map()));
      kept.set(rule.code, keep);
    }
    return out;
  }
}
