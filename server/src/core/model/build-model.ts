// Builds the model of one file's scope from parsed files (the pipeline passes the prelude, the file's imports
// and the file): one namespace per kind for them; declarations registered, names bound (unresolved ones kept for
// the unknown-reference rule). `import` declarations are the pipeline's (model/imports.ts). Each declaration's
// part comes from entries.ts, which reuses the parts of a scope's last build (`cache`, the editor's) whose
// declarations the edit did not touch.
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import type { ParsedDocument } from '../syntax/parse';
import { dataEntry, declarationOf, profileEntry, tierEntry, topologyEntry } from './entries';
import { placed } from './kept';
import type { FileSettings, PolicyModel, TransactionModel } from './model';
import type { ModelScope, TopologyEntry } from './model-cache';
import type { ProfileModel } from './profiles';
import { buildScenario } from './scenarios';
import { isSetting, readCurrency, readStores, settingTwice } from './settings';

/** URIs of built-in files start with this scheme. */
export const builtinScheme = 'builtin:';

/** Whether a URI names a built-in document (the prelude, a built-in profile). */
export const isBuiltin = (uri: string): boolean => uri.startsWith(builtinScheme);

export interface ModelResult {
  model: PolicyModel;
  diagnostics: Diagnostic[];
}

export function buildModel(docs: ParsedDocument[], cache?: ModelScope): ModelResult {
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
    memo: undefined,
  };
  const add = <T>(to: T[], items: T[]) => {
    for (const x of items) to.push(x);
  };

  // Pass 1: topologies, tiers and file settings, so data and transactions can refer to them.
  const dataDecls: { decl: A.DataDecl; uri: string }[] = [];
  const txDecls: { decl: A.TransactionDecl; uri: string }[] = [];
  const scenarioDecls: { decl: A.ScenarioDecl; uri: string }[] = [];
  const topologies: TopologyEntry[] = []; // those registered, in order
  for (const doc of docs) {
    const uri = doc.uri;
    const settings: FileSettings = { uri };
    model.files.push(settings);
    const settingSeen = new Map<string, A.Declaration>();
    for (const d of doc.ast.declarations) {
      if (isSetting(d)) settingTwice(d, settingSeen, uri, diagnostics);
      switch (d.kind) {
        case 'policy':
          if (d.title) settings.title = d.title.value;
          break;
        case 'currency':
          readCurrency(d, settings, diagnostics);
          break;
        case 'profile':
          if (d.entries) {
            const e = profileEntry(d, uri, cache);
            add(diagnostics, placed(e.kept, d.range.start));
            addProfile(model, e.profile, diagnostics);
          } else if (d.value) settings.profile = { value: d.value.text, origin: { uri, range: d.value.range } };
          break;
        case 'store':
          readStores(d, settings, diagnostics);
          break;
        case 'topology': {
          const e = topologyEntry(d, uri, cache);
          add(model.declarations, e.declared);
          add(diagnostics, placed(e.kept, d.range.start));
          if (d.name && !model.topologies.has(d.name.text)) {
            model.topologies.set(d.name.text, e.topology);
            topologies.push(e);
          }
          break;
        }
        case 'tier': {
          const e = tierEntry(d, uri, cache);
          add(model.declarations, e.declared);
          add(diagnostics, placed(e.kept, d.range.start));
          // A user's tier of the same name as a built-in one replaces it.
          const existing = d.name ? model.tiers.get(d.name.text) : undefined;
          if (d.name && (!existing || (existing.builtin && !e.tier.builtin))) model.tiers.set(d.name.text, e.tier);
          break;
        }
        case 'data':
          add(model.declarations, declarationOf(d, uri, cache));
          dataDecls.push({ decl: d, uri });
          break;
        case 'transaction':
          add(model.declarations, declarationOf(d, uri, cache));
          txDecls.push({ decl: d, uri });
          break;
        case 'scenario':
          add(model.declarations, declarationOf(d, uri, cache));
          scenarioDecls.push({ decl: d, uri });
          break;
      }
    }
  }
  for (const t of topologies) add(model.references, t.links);
  cache?.settled(model);

  // Pass 2: data types, with their tiers, topology and effective settings.
  for (const { decl, uri } of dataDecls) {
    const e = dataEntry(decl, uri, model, cache);
    add(model.references, e.refs);
    add(diagnostics, placed(e.kept, decl.range.start));
    if (decl.name && !model.data.has(decl.name.text)) model.data.set(decl.name.text, e.data);
  }

  const refer = (r: PolicyModel['references'][number]) => model.references.push(r);
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
      message:
        `Profile '${p.name}' is already a profile declared elsewhere; ` +
        `give this one another name and \`extends ${p.name}\`.`,
    }),
  );
}
