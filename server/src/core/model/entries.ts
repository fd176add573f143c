// One declaration's part of the model (build-model.ts assembles them): a topology, a tier, a profile block or
// a data type, with the declarations, references and diagnostics it makes. Each is taken from the scope's
// cache when its AST node is the one it was built from (and, for a data type, its tiers and topology are
// still the same objects), else built and kept (model-cache.ts).
import type { Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { computeEffective, levelOf } from './effective';
import { keepDiagnostics, type Kept } from './kept';
import { upTo } from './limits';
import type { DataModel, Declared, PolicyModel, Reference, TierModel, TopologyModel, WhenModel } from './model';
import { modelCacheStats, type DataEntry, type ModelScope, type ProfileEntry } from './model-cache';
import type { TierEntry, TopologyEntry } from './model-cache';
import { buildProfile } from './profiles';
import { collectProps } from './props';
import { buildTopology } from './topology';

const builtinScheme = 'builtin:';

export function declaredOf(
  kind: Declared['kind'],
  name: A.Name | undefined,
  uri: string,
  full: A.Declaration['range'],
  container?: string,
): Declared[] {
  if (!name) return [];
  const builtin = uri.startsWith(builtinScheme);
  return [{ kind, name: name.text, origin: { uri, range: name.range }, full, builtin, container }];
}

/** A data type's, transaction's or scenario's declaration (a topology's and a tier's are in their entries). */
export function declarationOf(
  d: A.DataDecl | A.TransactionDecl | A.ScenarioDecl,
  uri: string,
  scope?: ModelScope,
): Declared[] {
  const kept = scope?.declared.get(d);
  if (kept) return kept;
  const out = declaredOf(d.kind, d.name, uri, d.range);
  scope?.declared.set(d, out);
  return out;
}

/** The diagnostics an entry made, kept (copied) when it is cached. */
function kept(list: Diagnostic[], uri: string, d: A.Declaration, scope: ModelScope | undefined): Kept | undefined {
  return scope ? keepDiagnostics(list, uri, d.range) : { start: d.range.start, list };
}

export function topologyEntry(d: A.TopologyDecl, uri: string, scope?: ModelScope): TopologyEntry {
  const cached = scope?.topologies.get(d);
  if (cached) return reused(cached);
  const diagnostics: Diagnostic[] = [];
  const declared = declaredOf('topology', d.name, uri, d.range);
  for (const r of d.regions) declared.push(...declaredOf('region', r.name, uri, r.range, d.name?.text));
  const topology = buildTopology(d, uri, diagnostics);
  const links: Reference[] = [];
  const end = (e: A.Name | undefined) => {
    if (e) {
      const target = topology.regions.get(e.text)?.origin;
      links.push({ kind: 'region', name: e.text, uri, range: e.range, target, scope: topology.name });
    }
  };
  for (const l of d.links) {
    end(l.a);
    end(l.b);
  }
  return store(scope?.topologies, d, { topology, declared, links }, kept(diagnostics, uri, d, scope), diagnostics);
}

export function tierEntry(d: A.TierDecl, uri: string, scope?: ModelScope): TierEntry {
  const cached = scope?.tiers.get(d);
  if (cached) return reused(cached);
  const diagnostics: Diagnostic[] = [];
  const ctx = { uri, diagnostics };
  const props = collectProps(d.body, 'tier', uri, diagnostics);
  const tier: TierModel = {
    name: d.name?.text ?? '',
    origin: { uri, range: d.name?.range ?? d.range },
    decl: d,
    props,
    builtin: uri.startsWith(builtinScheme),
    level: levelOf(props.consistency, ctx),
  };
  const declared = declaredOf('tier', d.name, uri, d.range);
  return store(scope?.tiers, d, { tier, declared }, kept(diagnostics, uri, d, scope), diagnostics);
}

export function profileEntry(d: A.ProfileDecl, uri: string, scope?: ModelScope): ProfileEntry {
  const cached = scope?.profiles.get(d);
  if (cached) return reused(cached);
  const diagnostics: Diagnostic[] = [];
  const profile = buildProfile(d, uri, uri.startsWith(builtinScheme), diagnostics);
  return store(scope?.profiles, d, { profile }, kept(diagnostics, uri, d, scope), diagnostics);
}

/** A data type, with its tiers, topology and effective settings (looked up in `model`, built up to the data). */
export function dataEntry(decl: A.DataDecl, uri: string, model: PolicyModel, scope?: ModelScope): DataEntry {
  const cached = scope?.data.get(decl);
  // Checked in the last build, whose tiers and topologies are these: the same lookups, without looking.
  const unchanged = cached && scope!.sameNames && cached.checked === scope!.build - 1;
  if (cached && (unchanged || sameLookups(cached, model))) {
    cached.checked = scope!.build;
    return reused(cached);
  }
  const diagnostics: Diagnostic[] = [];
  const refs: Reference[] = [];
  const looked: DataEntry['tiers'] = [];
  const resolveTiers = (list: A.PropertyOf<'tier'>[]): TierModel[] => {
    const out: TierModel[] = [];
    for (const p of list) {
      if (!p.ref) continue;
      const tier = model.tiers.get(p.ref.text);
      looked.push([p.ref.text, tier]);
      refs.push({ kind: 'tier', name: p.ref.text, uri, range: p.ref.range, target: tier?.origin });
      if (tier) out.push(tier);
    }
    return out;
  };
  const props = collectProps(decl.body, 'data', uri, diagnostics);
  const tiers = resolveTiers(props.tiers);
  const topologyName = props.topology?.ref?.text;
  const topology = topologyOf(topologyName, model);
  if (props.topology?.ref) {
    const { range } = props.topology.ref;
    refs.push({ kind: 'topology', name: props.topology.ref.text, uri, range, target: topology?.origin });
  }
  const ctx = { uri, diagnostics, topology, dataName: decl.name?.text };
  const effective = computeEffective(props, tiers, undefined, ctx);
  for (const r of props.primary?.regions ?? []) {
    const target = topology?.regions.get(r.text)?.origin;
    refs.push({ kind: 'region', name: r.text, uri, range: r.range, target, scope: topology?.name });
  }
  const what = (n: string) => `This data type's ${n} \`when\` branches`;
  const branches = upTo(props.whens, 'whenBranches', (w) => ({ uri, range: w.keyword }), what, diagnostics);
  const whens: WhenModel[] = branches.map((w) => {
    const wprops = collectProps(w.body, 'when', uri, diagnostics);
    const wtiers = resolveTiers(wprops.tiers);
    return { decl: w, props: wprops, tiers: wtiers, effective: computeEffective(wprops, wtiers, effective, ctx) };
  });
  for (const dg of props.degrades)
    levelOf(dg.level ? { kind: 'consistency', level: dg.level, range: dg.range, keyword: dg.keyword } : undefined, ctx);
  const data: DataModel = {
    name: decl.name?.text ?? '',
    origin: { uri, range: decl.name?.range ?? decl.range },
    decl,
    props,
    tiers,
    topology,
    topologyAssumed: topologyName === undefined && topology !== undefined,
    effective,
    whens,
  };
  const entry = { data, refs, tiers: looked, topologyName, topology, checked: scope?.build ?? 0 };
  return store(scope?.data, decl, entry, kept(diagnostics, uri, decl, scope), diagnostics);
}

/** The topology a data type uses: the one it names, else the scope's only one. */
function topologyOf(name: string | undefined, model: PolicyModel): TopologyModel | undefined {
  if (name !== undefined) return model.topologies.get(name);
  return model.topologies.size === 1 ? model.topologies.values().next().value : undefined;
}

/** Whether a kept data type's tiers and topology are still the objects it was built with. */
function sameLookups(e: DataEntry, model: PolicyModel): boolean {
  for (const [name, tier] of e.tiers) if (model.tiers.get(name) !== tier) return false;
  return topologyOf(e.topologyName, model) === e.topology;
}

function reused<T>(e: T): T {
  modelCacheStats.reused++;
  return e;
}

/** A built entry, with its diagnostics; cached when they can be kept (else it is built again next time). */
function store<D extends A.Declaration, E extends { kept: Kept }>(
  cache: WeakMap<D, E> | undefined,
  d: D,
  entry: Omit<E, 'kept'>,
  keep: Kept | undefined,
  diagnostics: Diagnostic[],
): E {
  modelCacheStats.built++;
  const out = { ...entry, kept: keep ?? { start: d.range.start, list: diagnostics } } as E;
  if (keep) cache?.set(d, out);
  return out;
}
