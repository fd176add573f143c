// Builds the model of one file's scope from parsed files (the pipeline passes the prelude, the file's imports
// and the file): one namespace per kind for them; declarations registered, names bound (unresolved ones kept for
// the unknown-reference rule). `import` declarations are the pipeline's (model/imports.ts).
import { upTo } from './limits';
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import { computeEffective, levelOf } from './effective';
import type {
  DataModel,
  Declared,
  FileSettings,
  PolicyModel,
  Reference,
  TierModel,
  TopologyModel,
  TransactionModel,
  WhenModel,
} from './model';
import { collectProps, setTwice } from './props';
import { buildScenario } from './scenarios';
import { buildProfile, type ProfileModel } from './profiles';
import { estimateOnlyAliases, storeAliases } from './stores';
import { buildTopology } from './topology';
import { closest } from '../util/suggest';

/** URIs of built-in files start with this scheme. */
export const builtinScheme = 'builtin:';

/** Whether a URI names a built-in document (the prelude, a built-in profile). */
export const isBuiltin = (uri: string): boolean => uri.startsWith(builtinScheme);

export interface ModelResult {
  model: PolicyModel;
  diagnostics: Diagnostic[];
}

export function buildModel(docs: ParsedDocument[]): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const model: PolicyModel = {
    files: [],
    topologies: new Map(),
    tiers: new Map(),
    data: new Map(),
    transactions: new Map(),
    scenarios: new Map(),
    profiles: new Map(),
    declarations: [],
    references: [],
  };
  const declare = (
    kind: Declared['kind'],
    name: A.Name | undefined,
    uri: string,
    full: A.Declaration['range'],
    container?: string,
  ) => {
    if (name)
      model.declarations.push({
        kind,
        name: name.text,
        origin: { uri, range: name.range },
        full,
        builtin: isBuiltin(uri),
        container,
      });
  };
  const refer = (r: Reference) => model.references.push(r);

  // Pass 1: topologies, tiers and file settings, so data and transactions can refer to them.
  const dataDecls: { decl: A.DataDecl; uri: string }[] = [];
  const txDecls: { decl: A.TransactionDecl; uri: string }[] = [];
  const scenarioDecls: { decl: A.ScenarioDecl; uri: string }[] = [];
  for (const doc of docs) {
    const uri = doc.uri;
    const settings: FileSettings = { uri };
    model.files.push(settings);
    const settingSeen = new Map<string, A.Declaration>();
    for (const d of doc.ast.declarations) {
      if (d.kind === 'policy' || d.kind === 'currency' || (d.kind === 'profile' && !d.entries)) {
        const earlier = settingSeen.get(d.kind);
        if (earlier)
          diagnostics.push(
            setTwice(
              'duplicate-setting',
              `'${d.kind}' is set twice in this file; the later one wins.`,
              d.kind,
              uri,
              d.range,
              earlier.range,
            ),
          );
        settingSeen.set(d.kind, d);
      }
      switch (d.kind) {
        case 'policy':
          if (d.title) settings.title = d.title.value;
          break;
        case 'currency':
          if (d.value) {
            if (d.value.text === 'INR' || d.value.text === 'USD')
              settings.currency = { value: d.value.text, origin: { uri, range: d.value.range } };
            else
              diagnostics.push(
                diagnostic({
                  code: 'unknown-currency',
                  uri,
                  range: d.value.range,
                  message: `Unknown currency '${d.value.text}'; use INR or USD.`,
                }),
              );
          }
          break;
        case 'profile':
          if (d.entries) addProfile(model, buildProfile(d, uri, isBuiltin(uri), diagnostics), diagnostics);
          else if (d.value) settings.profile = { value: d.value.text, origin: { uri, range: d.value.range } };
          break;
        case 'store':
          for (const n of d.names) {
            const system = storeAliases[n.text.toLowerCase()];
            const other = estimateOnlyAliases[n.text.toLowerCase()];
            if (!system && other) settings.system ??= { name: other, origin: { uri, range: n.range } };
            else if (!system) {
              const near = closest(n.text.toLowerCase(), [
                ...Object.keys(storeAliases),
                ...Object.keys(estimateOnlyAliases),
              ]);
              const hint = near ? ` Did you mean '${near}'?` : '';
              diagnostics.push(
                diagnostic({
                  code: 'unknown-store',
                  uri,
                  range: n.range,
                  message: `Unknown store '${n.text}'; use one of ${[...Object.keys(storeAliases), 'spanner'].join(', ')}.${hint}`,
                  fixes: near
                    ? [{ title: `Change to '${near}'`, edits: [{ uri, range: n.range, newText: near }] }]
                    : undefined,
                }),
              );
            } else if (!settings.stores?.some((s) => s.name === system)) {
              (settings.stores ??= []).push({ name: system, origin: { uri, range: n.range } });
              settings.system ??= { name: system, origin: { uri, range: n.range } };
            }
          }
          break;
        case 'topology': {
          declare('topology', d.name, uri, d.range);
          for (const r of d.regions) declare('region', r.name, uri, r.range, d.name?.text);
          const topo = buildTopology(d, uri, diagnostics);
          if (d.name && !model.topologies.has(d.name.text)) model.topologies.set(d.name.text, topo);
          break;
        }
        case 'tier': {
          declare('tier', d.name, uri, d.range);
          const ctx = { uri, diagnostics };
          const props = collectProps(d.body, 'tier', uri, diagnostics);
          const tier: TierModel = {
            name: d.name?.text ?? '',
            origin: { uri, range: d.name?.range ?? d.range },
            decl: d,
            props,
            builtin: isBuiltin(uri),
            level: levelOf(props.consistency, ctx),
          };
          // A user's tier of the same name as a built-in one replaces it.
          const existing = d.name ? model.tiers.get(d.name.text) : undefined;
          if (d.name && (!existing || (existing.builtin && !tier.builtin))) model.tiers.set(d.name.text, tier);
          break;
        }
        case 'data':
          declare('data', d.name, uri, d.range);
          dataDecls.push({ decl: d, uri });
          break;
        case 'transaction':
          declare('transaction', d.name, uri, d.range);
          txDecls.push({ decl: d, uri });
          break;
        case 'scenario':
          declare('scenario', d.name, uri, d.range);
          scenarioDecls.push({ decl: d, uri });
          break;
      }
    }
  }
  for (const t of model.topologies.values()) {
    const referEnd = (end: A.Name | undefined) => {
      if (end)
        refer({
          kind: 'region',
          name: end.text,
          uri: t.origin.uri,
          range: end.range,
          target: t.regions.get(end.text)?.origin,
          scope: t.name,
        });
    };
    for (const l of t.decl.links) {
      referEnd(l.a);
      referEnd(l.b);
    }
  }

  const resolveTiers = (refs: A.PropertyOf<'tier'>[], uri: string): TierModel[] => {
    const out: TierModel[] = [];
    for (const p of refs) {
      if (!p.ref) continue;
      const tier = model.tiers.get(p.ref.text);
      refer({ kind: 'tier', name: p.ref.text, uri, range: p.ref.range, target: tier?.origin });
      if (tier) out.push(tier);
    }
    return out;
  };

  // Pass 2: data types, with their tiers, topology and effective settings.
  for (const { decl, uri } of dataDecls) {
    const props = collectProps(decl.body, 'data', uri, diagnostics);
    const tiers = resolveTiers(props.tiers, uri);
    let topology: TopologyModel | undefined;
    let topologyAssumed = false;
    if (props.topology?.ref) {
      topology = model.topologies.get(props.topology.ref.text);
      refer({
        kind: 'topology',
        name: props.topology.ref.text,
        uri,
        range: props.topology.ref.range,
        target: topology?.origin,
      });
    } else if (model.topologies.size === 1) {
      topology = [...model.topologies.values()][0];
      topologyAssumed = true;
    }
    const ctx = { uri, diagnostics, topology, dataName: decl.name?.text };
    const effective = computeEffective(props, tiers, undefined, ctx);
    for (const r of props.primary?.regions ?? []) {
      refer({
        kind: 'region',
        name: r.text,
        uri,
        range: r.range,
        target: topology?.regions.get(r.text)?.origin,
        scope: topology?.name,
      });
    }
    const what = (n: string) => `This data type's ${n} \`when\` branches`;
    const branches = upTo(props.whens, 'whenBranches', (w) => ({ uri, range: w.keyword }), what, diagnostics);
    const whens: WhenModel[] = branches.map((w) => {
      const wprops = collectProps(w.body, 'when', uri, diagnostics);
      const wtiers = resolveTiers(wprops.tiers, uri);
      return { decl: w, props: wprops, tiers: wtiers, effective: computeEffective(wprops, wtiers, effective, ctx) };
    });
    for (const dg of props.degrades)
      levelOf(
        dg.level ? { kind: 'consistency', level: dg.level, range: dg.range, keyword: dg.keyword } : undefined,
        ctx,
      );
    const data: DataModel = {
      name: decl.name?.text ?? '',
      origin: { uri, range: decl.name?.range ?? decl.range },
      decl,
      props,
      tiers,
      topology,
      topologyAssumed,
      effective,
      whens,
    };
    if (decl.name && !model.data.has(decl.name.text)) model.data.set(decl.name.text, data);
  }

  for (const { decl, uri } of txDecls) {
    const tx: TransactionModel = {
      name: decl.name?.text ?? '',
      origin: { uri, range: decl.name?.range ?? decl.range },
      decl,
      members: decl.members.map((m) => {
        const data = model.data.get(m.text);
        refer({ kind: 'data', name: m.text, uri, range: m.range, target: data?.origin });
        return { name: m, data };
      }),
    };
    if (decl.name && !model.transactions.has(decl.name.text)) model.transactions.set(decl.name.text, tx);
  }
  for (const { decl, uri } of scenarioDecls) {
    const s = buildScenario(decl, uri, model, refer, diagnostics);
    if (decl.name && !model.scenarios.has(decl.name.text)) model.scenarios.set(decl.name.text, s);
  }
  return { model, diagnostics };
}

/** Registers a declared profile: a user profile replaces a built-in one of its name (as a user tier does);
 *  a second user profile of the same name is reported. */
function addProfile(model: PolicyModel, p: ProfileModel, diagnostics: Diagnostic[]): void {
  if (!p.name) return;
  const existing = model.profiles.get(p.name);
  if (!existing || (existing.builtin && !p.builtin)) {
    model.profiles.set(p.name, p);
    return;
  }
  if (p.builtin) return;
  diagnostics.push(
    diagnostic({
      code: 'bad-profile',
      uri: p.origin.uri,
      range: p.origin.range,
      message: `Profile '${p.name}' is already a profile declared elsewhere; give this one another name and \`extends ${p.name}\`.`,
    }),
  );
}
