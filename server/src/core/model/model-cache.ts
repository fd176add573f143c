// Model entries kept between builds of one scope (the editor's, core/pipeline.ts): after an edit, incremental
// parsing keeps the AST node of every declaration the edit did not touch (moved, whole, when text before it
// changed). An entry built from such a node is reused as it is — its ranges are the AST's own objects, moved
// with it; its diagnostics are kept as copies and moved with the declaration (kept.ts) — as long as what it
// looked up in the rest of the model (a data type's tiers and topology) is still the same object. Entries of
// new nodes, and of data types whose tiers or topology were rebuilt, are built afresh.
// test/property/incremental.property.test.ts compares the result with a fresh analysis after random edits.
import type * as A from '../syntax/ast';
import type { Kept } from './kept';
import type { DataModel, Declared, PolicyModel, Reference, TierModel, TopologyModel } from './model';
import type { ProfileModel } from './profiles';

/** A topology, with its declarations (it and its regions) and the references of its links. */
export interface TopologyEntry {
  topology: TopologyModel;
  declared: Declared[];
  links: Reference[];
  kept: Kept;
}

export interface TierEntry {
  tier: TierModel;
  declared: Declared[];
  kept: Kept;
}

export interface ProfileEntry {
  profile: ProfileModel;
  kept: Kept;
}

export interface DataEntry {
  data: DataModel;
  refs: Reference[];
  kept: Kept;
  /** The tier names it looked up, in order, and what each named. */
  tiers: [string, TierModel | undefined][];
  /** The topology it named (undefined: none named, the only one of the scope assumed if there is one). */
  topologyName?: string;
  topology?: TopologyModel;
  /** The build that last found its lookups the same (ModelScope.build). */
  checked: number;
}

/** How many entries were reused or built (every cache), for tests and the bench. */
export const modelCacheStats = { reused: 0, built: 0 };

/** The entries of one scope, by declaration node. */
export class ModelScope {
  /** Builds so far; and whether this one's tiers and topologies are the last one's (name by name, object by object). */
  build = 0;
  sameNames = false;
  private last?: Pick<PolicyModel, 'tiers' | 'topologies'>;

  readonly topologies = new WeakMap<A.TopologyDecl, TopologyEntry>();
  readonly tiers = new WeakMap<A.TierDecl, TierEntry>();
  readonly profiles = new WeakMap<A.ProfileDecl, ProfileEntry>();
  readonly data = new WeakMap<A.DataDecl, DataEntry>();
  /** The declarations of data types, transactions and scenarios (topologies and tiers hold their own). */
  readonly declared = new WeakMap<A.Declaration, Declared[]>();

  /** Starts the data types' pass of a build: what their lookups see is settled (the tiers and topologies). */
  settled(model: PolicyModel): void {
    const last = this.last;
    this.sameNames = !!last && sameMap(last.tiers, model.tiers) && sameMap(last.topologies, model.topologies);
    this.last = { tiers: model.tiers, topologies: model.topologies };
    this.build++;
  }
}

/** The same keys in the same order, each to the same object. */
function sameMap<V>(a: Map<string, V>, b: Map<string, V>): boolean {
  if (a.size !== b.size) return false;
  const other = a.entries();
  for (const [k, v] of b) {
    const [k2, v2] = other.next().value!;
    if (k !== k2 || v !== v2) return false;
  }
  return true;
}

export class ModelCache {
  private readonly scopes = new Map<string, ModelScope>();

  /** The entries kept for the scope of the file `root`. */
  scope(root: string): ModelScope {
    let s = this.scopes.get(root);
    if (!s) this.scopes.set(root, (s = new ModelScope()));
    return s;
  }

  /** Forget the scopes of files no longer analysed. */
  keep(roots: Set<string>): void {
    for (const r of [...this.scopes.keys()]) if (!roots.has(r)) this.scopes.delete(r);
  }
}
