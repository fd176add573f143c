// The limits a policy file must stay within (docs/language.md#limits): far above anything a real policy
// declares, low enough that no file can make the analysis, the estimates, export or the simulator allocate
// or loop without bound. Going over one is a `limit-exceeded` error on the construct, with both numbers.

export const limits = {
  /** Characters of one file's text. */
  fileChars: 8_000_000,
  /** Brackets `{ (` open at once (nested `when` blocks, `mix(` inside `mix(`, …). */
  nesting: 32,
  /** Syntax errors reported (and recovered from) per file; the rest of the file is then not read. */
  syntaxErrors: 100,
  /** Replicas of one region. */
  replicasPerRegion: 1_000,
  /** Replicas of one topology, all regions together. */
  replicasPerTopology: 10_000,
  /** Regions of one topology. */
  regions: 1_000,
  /** Links of one topology. */
  links: 10_000,
  /** `when` branches of one data type. */
  whenBranches: 1_000,
  /** A scenario's `keys`. */
  keys: 1_000_000,
  /** A scenario's `clients`. */
  clients: 1_000_000,
  /** A scenario's operations: its load (per second) times its duration (in seconds). Past it the model clamps
   *  the load; a simulation run refuses even that (service/simulation-limits.ts allows 1,000,000,000). */
  operations: 10_000_000_000,
} as const;

export type LimitName = keyof typeof limits;

/** What each limit counts, for messages and docs/language.md#limits. */
export const limitWords: Record<LimitName, string> = {
  fileChars: 'characters in a file',
  nesting: 'brackets open at once',
  syntaxErrors: 'syntax errors per file',
  replicasPerRegion: 'replicas per region',
  replicasPerTopology: 'replicas per topology',
  regions: 'regions per topology',
  links: 'links per topology',
  whenBranches: '`when` branches per data type',
  keys: 'keys per scenario',
  clients: 'clients per scenario',
  operations: 'operations per scenario (load × duration)',
};

/** The largest integer a number keeps exactly (2^53 − 1): a whole-number setting above it is refused. */
export const maxExactInteger = Number.MAX_SAFE_INTEGER;

/** `12,345`-style grouping for limit messages (the core's formatters sit above util). */
export const grouped = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n));
