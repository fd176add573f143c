// One declaration's part of the model (build-model.ts assembles them): a topology, a tier, a profile block or
// a data type, with the declarations, references and diagnostics it makes. Each is taken from the scope's
// cache when its AST node is the one it was built from (and, for a data type, its tiers and topology are
// still the same objects), else built and kept (model-cache.ts).
import type { Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { computeEffective, levelOf } from './effective';
import { keepDiagnostics, type Kept } from './kept';
import { limits } from '../util/limits';
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
  const builtin = uri.startsWith(builtinScheme);
  const container = d.name?.text;
  for (const r of d.regions) {
    if (!r.name) continue;
    const name = r.name.text;
    declared.push({ kind: 'region', name, origin: { uri, range: r.name.range }, full: r.range, builtin, container });
  }
  const topology = buildTopology(d, uri, diagnostics);
  const links: Reference[] = [];
  for (const l of d.links) {
    if (l.a) links.push(linkEnd(l.a, topology, uri));
    if (l.b) links.push(linkEnd(l.b, topology, uri));
  }
  const keep = kept(diagnostics, uri, d, scope);
  return store(scope?.topologies, d, { topology, declared, links, kept: keep ?? whole(d, diagnostics) }, keep);
}

/** A reference from a link to a region of its topology. */
function linkEnd(e: A.Name, topology: TopologyModel, uri: string): Reference {
  const target = topology.regions.get(e.text)?.origin;
  return { kind: 'region', name: e.text, uri, range: e.range, target, scope: topology.name };
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
  const keep = kept(diagnostics, uri, d, scope);
  return store(scope?.tiers, d, { tier, declared, kept: keep ?? whole(d, diagnostics) }, keep);
}

export function profileEntry(d: A.ProfileDecl, uri: string, scope?: ModelScope): ProfileEntry {
  const cached = scope?.profiles.get(d);
  if (cached) return reused(cached);
  const diagnostics: Diagnostic[] = [];
  const profile = buildProfile(d, uri, uri.startsWith(builtinScheme), diagnostics);
  const keep = kept(diagnostics, uri, d, scope);
  return store(scope?.profiles, d, { profile, kept: keep ?? whole(d, diagnostics) }, keep);
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
  // What it looked up, for a cached entry's next build (no cache: never read, not kept).
  const looked: DataEntry['tiers'] | undefined = scope ? [] : undefined;
  const props = collectProps(decl.body, 'data', uri, diagnostics);
  const tiers = resolveTiers(props.tiers, model, uri, looked, refs);
  const topologyName = props.topology?.ref?.text;
  const topology = topologyOf(topologyName, model);
  if (props.topology?.ref) {
    const { range } = props.topology.ref;
    refs.push({ kind: 'topology', name: props.topology.ref.text, uri, range, target: topology?.origin });
  }
  const ctx = { uri, diagnostics, topology, dataName: decl.name?.text };
  const effective = computeEffective(props, tiers, undefined, ctx);
  if (props.primary)
    for (const r of props.primary.regions) {
      const target = topology?.regions.get(r.text)?.origin;
      refs.push({ kind: 'region', name: r.text, uri, range: r.range, target, scope: topology?.name });
    }
  const whens: WhenModel[] = props.whens.length === 0 ? noWhens : [];
  for (const w of whensRead(props.whens, uri, diagnostics)) {
    const wprops = collectProps(w.body, 'when', uri, diagnostics);
    const wtiers = resolveTiers(wprops.tiers, model, uri, looked, refs);
    whens.push({ decl: w, props: wprops, tiers: wtiers, effective: computeEffective(wprops, wtiers, effective, ctx) });
  }
  for (const dg of props.degrades)
    if (dg.level) levelOf({ kind: 'consistency', level: dg.level, range: dg.range, keyword: dg.keyword }, ctx);
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
    memo: undefined,
  };
  const keep = kept(diagnostics, uri, decl, scope);
  const entry: DataEntry = {
    data,
    refs,
    kept: keep ?? whole(decl, diagnostics),
    tiers: looked ?? noLookups,
    topologyName,
    topology,
    checked: scope?.build ?? 0,
  };
  return store(scope?.data, decl, entry, keep);
}

// Empty lists shared by the entries that have none (the model is never changed once built).
const noWhens: WhenModel[] = [];
const noLookups: DataEntry['tiers'] = [];
const noTiers: TierModel[] = [];

/** The tiers a block names, each looked up (and noted in `looked`) and referred to; those that exist. */
function resolveTiers(
  list: A.PropertyOf<'tier'>[],
  model: PolicyModel,
  uri: string,
  looked: DataEntry['tiers'] | undefined,
  refs: Reference[],
): TierModel[] {
  if (list.length === 0) return noTiers;
  const out: TierModel[] = [];
  for (const p of list) {
    if (!p.ref) continue;
    const tier = model.tiers.get(p.ref.text);
    looked?.push([p.ref.text, tier]);
    refs.push({ kind: 'tier', name: p.ref.text, uri, range: p.ref.range, target: tier?.origin });
    if (tier) out.push(tier);
  }
  return out;
}

/** The `when` branches read: all of them, or those up to the limit (one diagnostic on the first past it). */
function whensRead(whens: A.PropertyOf<'when'>[], uri: string, diagnostics: Diagnostic[]): A.PropertyOf<'when'>[] {
  if (whens.length <= limits.whenBranches) return whens; // no closures for the usual case
  const what = (n: string) => `This data type's ${n} \`when\` branches`;
  return upTo(whens, 'whenBranches', (w) => ({ uri, range: w.keyword }), what, diagnostics);
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

/** A declaration's diagnostics as they are (not kept: its entry is built again next time). */
const whole = (d: A.Declaration, list: Diagnostic[]): Kept => ({ start: d.range.start, list });

/** A built entry, with its diagnostics; cached when they can be kept (`keep`, else it is built again next time). */
function store<D extends A.Declaration, E extends { kept: Kept }>(
  cache: WeakMap<D, E> | undefined,
  d: D,
  entry: E,
  keep: Kept | undefined,
): E {
  modelCacheStats.built++;
  if (keep) cache?.set(d, entry);
  return entry;
}
