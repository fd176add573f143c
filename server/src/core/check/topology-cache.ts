// Findings of the rules that look at one topology at a time, kept per topology model between analyses
// (check/per-item-findings.ts). The model cache (core/model/model-cache.ts) keeps a topology's model object while
// its declaration is untouched; its findings are then reused, moved with the declaration.
import type { TopologyModel } from '../model/model';
import { PerItemFindings } from './per-item-findings';

/** Rules whose findings on a topology depend on it alone (each loops over the topologies, one at a time). */
export const perTopology = new Set(['link-faster-than-light', 'unreachable-region', 'duplicate-link']);

const none: readonly unknown[] = [];

export const topologyFindings = () =>
  new PerItemFindings<TopologyModel>({
    items: (model) => model.topologies,
    key: (topology) => topology,
    inputs: () => none,
    narrowed: (model, name, topology) => ({ ...model, topologies: new Map([[name, topology]]) }),
    declared: (topology) => ({ uri: topology.origin.uri, range: topology.decl.range }),
  });
