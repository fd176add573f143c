// The consistency levels, as sets of guarantees. "A implies B" means every guarantee of B holds under A,
// with staleness bounds at least as tight: that relation (not a single ranking) is what checks compare.
// Definitions: docs/language.md#levels (sources: Herlihy & Wing 1990; Lamport 1979; Terry et al. 1994
// session guarantees; Cosmos DB's consistent prefix and bounded staleness; source-digest §1).
import type { LevelExpr, Name, Quantity } from '../syntax/ast';
import { closest } from '../util/suggest';

export type Guarantee =
  | 'convergence' // replicas agree once writes stop
  | 'consistent_prefix' // reads see a prefix of one write order, never gaps
  | 'read_your_writes'
  | 'monotonic_reads'
  | 'monotonic_writes'
  | 'writes_follow_reads'
  | 'causal' // causally related writes are seen in order by everyone
  | 'total_order' // one order of all operations, respecting each client's program order (sequential)
  | 'real_time' // that order respects real time: a read sees every write that finished before it began
  | 'regional_real_time' // real_time among clients of the same region only
  | 'transactions'; // multi-object operations are serializable (strict serializability)

export const sessionGuarantees: Guarantee[] = [
  'read_your_writes',
  'monotonic_reads',
  'monotonic_writes',
  'writes_follow_reads',
];

/** Cost and throughput class of a level, the three columns of the source's cost calculator (digest §4.1). */
export type CostClass = 'strong' | 'session' | 'eventual';

export interface Level {
  /** Canonical name, e.g. `linearizable`, `session`, `bounded`. */
  name: string;
  /** As shown to users, e.g. `bounded(2 s)`, `session(read_your_writes, monotonic_reads)`. */
  display: string;
  guarantees: ReadonlySet<Guarantee>;
  /** Upper bound on staleness a read may see; linearizable and stronger: 0. */
  maxStalenessMs?: number;
  maxStalenessVersions?: number;
  /** Display order only, strongest highest; comparisons use `implies`. */
  rank: number;
  costClass: CostClass;
}

interface LevelDef {
  guarantees: Guarantee[];
  rank: number;
  costClass: CostClass;
  summary: string;
  strict?: boolean; // staleness 0
}

const ordered: Guarantee[] = ['convergence', 'consistent_prefix', ...sessionGuarantees, 'causal', 'total_order'];

/** Built-in level names, strongest first. */
export const levelDefs: Record<string, LevelDef> = {
  strict_serializable: {
    guarantees: [...ordered, 'real_time', 'regional_real_time', 'transactions'],
    rank: 10,
    costClass: 'strong',
    strict: true,
    summary: 'Serializable multi-object transactions that also respect real time.',
  },
  linearizable: {
    guarantees: [...ordered, 'real_time', 'regional_real_time'],
    rank: 9,
    costClass: 'strong',
    strict: true,
    summary: 'Every read sees the latest completed write; one order of operations that respects real time.',
  },
  sequential: {
    guarantees: ordered,
    rank: 8,
    costClass: 'strong',
    summary: "One order of all operations that keeps each client's order, not necessarily real time.",
  },
  regional: {
    guarantees: ['convergence', ...sessionGuarantees, 'regional_real_time'],
    rank: 7,
    costClass: 'session',
    summary:
      'Linearizable inside a region (clients stay in their region), asynchronous across regions (source L3623–L3660).',
  },
  causal: {
    guarantees: ['convergence', ...sessionGuarantees, 'causal'],
    rank: 6,
    costClass: 'session',
    summary: 'Causally related writes are seen in causal order everywhere; implies the four session guarantees.',
  },
  session: {
    guarantees: ['convergence', ...sessionGuarantees],
    rank: 5,
    costClass: 'session',
    summary: 'Within one session: read-your-writes, monotonic reads, monotonic writes, writes-follow-reads.',
  },
  bounded: {
    guarantees: ['convergence', 'consistent_prefix'],
    rank: 4,
    costClass: 'session',
    summary: 'Reads lag the latest write by at most K versions or T time, and see a consistent prefix.',
  },
  read_your_writes: {
    guarantees: ['convergence', 'read_your_writes'],
    rank: 3,
    costClass: 'session',
    summary: 'A session always sees its own earlier writes.',
  },
  monotonic_reads: {
    guarantees: ['convergence', 'monotonic_reads'],
    rank: 3,
    costClass: 'session',
    summary: 'A session never sees an older value after a newer one.',
  },
  monotonic_writes: {
    guarantees: ['convergence', 'monotonic_writes'],
    rank: 3,
    costClass: 'session',
    summary: "A session's writes are applied everywhere in the order it made them.",
  },
  writes_follow_reads: {
    guarantees: ['convergence', 'writes_follow_reads'],
    rank: 3,
    costClass: 'session',
    summary: 'A write is ordered after the writes its session had read.',
  },
  consistent_prefix: {
    guarantees: ['convergence', 'consistent_prefix'],
    rank: 2,
    costClass: 'eventual',
    summary: 'Reads see some prefix of the write order: maybe old, never out of order.',
  },
  eventual: {
    guarantees: ['convergence'],
    rank: 1,
    costClass: 'eventual',
    summary: 'Replicas converge once writes stop; a read may return any older value.',
  },
  weak: {
    guarantees: [],
    rank: 0,
    costClass: 'eventual',
    summary: 'No guarantee at all: reads may be stale and replicas may never agree (source: "can be stale", L1127).',
  },
};

/** Alternative spellings → canonical name. */
export const levelAliases: Record<string, string> = {
  strong: 'linearizable',
  linearizability: 'linearizable',
  serializable_strict: 'strict_serializable',
  read_after_write: 'read_your_writes',
  monotonic: 'monotonic_reads',
  monotonic_read: 'monotonic_reads',
  bounded_staleness: 'bounded',
  prefix: 'consistent_prefix',
};

export const allLevelNames = [...Object.keys(levelDefs), ...Object.keys(levelAliases)];

/** The guarantees of each built-in level without arguments, one set each (levels never change them). */
const defGuarantees = new Map<string, ReadonlySet<Guarantee>>();

function make(name: string, guarantees: ReadonlySet<Guarantee>, display: string): Level {
  const def = levelDefs[name];
  return def.strict
    ? {
        name,
        display,
        guarantees,
        rank: def.rank,
        costClass: def.costClass,
        maxStalenessMs: 0,
        maxStalenessVersions: 0,
      }
    : { name, display, guarantees, rank: def.rank, costClass: def.costClass };
}

function guaranteesOf(canonical: string): ReadonlySet<Guarantee> {
  let g = defGuarantees.get(canonical);
  if (!g) defGuarantees.set(canonical, (g = new Set(levelDefs[canonical].guarantees)));
  return g;
}

/** Each built-in level by the name asked for, made once (levels are never changed once made). */
const named = new Map<string, Level>();

/** A built-in level by canonical name or alias, without arguments. */
export function namedLevel(name: string): Level {
  let level = named.get(name);
  if (!level) {
    const canonical = levelAliases[name] ?? name;
    named.set(name, (level = make(canonical, guaranteesOf(canonical), canonical)));
  }
  return level;
}

export type LevelResult = { level: Level } | { error: string; at: Name | Quantity | LevelExpr; suggestion?: string };

/** The result for each level written without arguments, by its spelling: built once, like the guarantee sets
 *  (a level is never changed once made, so every block that writes `strong` can share one). */
const plain = new Map<string, LevelResult>();

function plainLevel(written: string): LevelResult | undefined {
  let r = plain.get(written);
  if (r) return r;
  const canonical = levelAliases[written] ?? written;
  if (!Object.hasOwn(levelDefs, canonical) || canonical === 'bounded') return undefined;
  const display = written === canonical ? canonical : `${written} (${canonical})`;
  plain.set(written, (r = { level: make(canonical, guaranteesOf(canonical), display) }));
  return r;
}

/** Resolves a written level, checking its arguments. */
export function resolveLevel(expr: LevelExpr): LevelResult {
  const written = expr.name.text;
  if (expr.args.length === 0) {
    const known = plainLevel(written);
    if (known) return known;
  }
  const canonical = levelAliases[written] ?? written;
  const def = levelDefs[canonical];
  if (!def) {
    const suggestion = closest(written, allLevelNames);
    return {
      error:
        `Unknown consistency level '${written}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} ` +
        `Levels: ${Object.keys(levelDefs).join(', ')}.`,
      at: expr.name,
      suggestion,
    };
  }
  if (canonical === 'session' && expr.args.length > 0) {
    const picked: Guarantee[] = [];
    for (const a of expr.args) {
      const g = 'kind' in a ? undefined : (levelAliases[a.text] ?? a.text);
      if (!g || !sessionGuarantees.includes(g as Guarantee)) {
        const text = 'text' in a ? a.text : '';
        const suggestion = closest(text, sessionGuarantees);
        return {
          error: `'${text}' is not a session guarantee; use ${sessionGuarantees.join(', ')}.`,
          at: a,
          suggestion,
        };
      }
      if (!picked.includes(g as Guarantee)) picked.push(g as Guarantee);
    }
    return { level: make('session', new Set<Guarantee>(['convergence', ...picked]), `session(${picked.join(', ')})`) };
  }
  if (canonical === 'bounded') {
    const arg = expr.args[0];
    if (expr.args.length !== 1 || !arg || !('kind' in arg) || (arg.kind !== 'duration' && arg.kind !== 'count')) {
      return {
        error:
          'bounded needs one bound: a time such as `bounded(2s)` or a version count such as `bounded(5 versions)`.',
        at: arg ?? expr,
      };
    }
    // Written out (not make's Object.assign): the bound's field last, as make would add it.
    const { rank, costClass } = levelDefs.bounded;
    const name = 'bounded';
    const display = `bounded(${arg.text})`;
    const guarantees = guaranteesOf('bounded');
    const level: Level =
      arg.kind === 'duration'
        ? { name, display, guarantees, rank, costClass, maxStalenessMs: arg.value }
        : { name, display, guarantees, rank, costClass, maxStalenessVersions: arg.value };
    return { level };
  }
  if (expr.args.length > 0) return { error: `'${written}' takes no arguments.`, at: expr.args[0] };
  return {
    level: make(canonical, guaranteesOf(canonical), written === canonical ? canonical : `${written} (${canonical})`),
  };
}

/** Does every guarantee of `b` hold under `a`? */
export function implies(a: Level, b: Level): boolean {
  for (const g of b.guarantees) if (!a.guarantees.has(g)) return false;
  if (b.maxStalenessMs !== undefined && !(a.maxStalenessMs !== undefined && a.maxStalenessMs <= b.maxStalenessMs))
    return false;
  if (
    b.maxStalenessVersions !== undefined &&
    !(a.maxStalenessVersions !== undefined && a.maxStalenessVersions <= b.maxStalenessVersions)
  )
    return false;
  return true;
}

/** What `b` needs that `a` lacks, in words, for messages. */
export function missing(a: Level, b: Level): string[] {
  const out = [...b.guarantees].filter((g) => !a.guarantees.has(g)).map((g) => g.replace(/_/g, '-'));
  if (b.maxStalenessMs !== undefined && !(a.maxStalenessMs !== undefined && a.maxStalenessMs <= b.maxStalenessMs)) {
    out.push(`staleness ≤ ${b.maxStalenessMs} ms`);
  }
  if (
    b.maxStalenessVersions !== undefined &&
    !(a.maxStalenessVersions !== undefined && a.maxStalenessVersions <= b.maxStalenessVersions)
  ) {
    out.push(`staleness ≤ ${b.maxStalenessVersions} versions`);
  }
  return out;
}

/** Needs a leader or quorum round trip on every write (and linearizable reads). */
export function needsConsensus(l: Level): boolean {
  return l.guarantees.has('total_order');
}

/** The level as a policy would write it (the spelling used, with its arguments): for fixes that set a level. */
export function levelSource(l: Level): string {
  return l.display.replace(/ \([a-z_]+\)$/, ''); // `strong (linearizable)` → `strong`
}
