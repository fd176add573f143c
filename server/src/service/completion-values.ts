// What completion offers, as data: snippets for whole declarations and properties, and the units that may
// follow a number in each kind of property. Value lists (levels, strategies, profiles) come from the core.
import { conflictStrategies } from '../core/model/effective';
import { levelDefs } from '../core/model/levels';
import { builtinProfileNames } from '../core/estimate/profiles/index';
import { storeAliases } from '../core/model/stores';

const choice = (xs: string[]) => `\${1|${xs.join(',')}|}`;
const levelChoice = choice(Object.keys(levelDefs));

/** Snippets for keywords that start a top-level declaration. */
export const declarationSnippets: Record<string, { snippet: string; doc: string; block?: boolean }> = {
  import: {
    snippet: 'import "${1:topologies}.consistency"',
    doc: 'See the declarations of another file (a path relative to this one).',
  },
  policy: { snippet: 'policy "${1:title}"', doc: 'The title of this policy file.' },
  currency: { snippet: 'currency ${1|INR,USD|}', doc: 'The currency of budgets and estimates in this file.' },
  profile: {
    snippet: `profile ${choice([...builtinProfileNames])}`,
    doc: 'The cost and latency profile estimates use.',
  },
  store: {
    snippet: `store ${choice(Object.keys(storeAliases))}`,
    doc: 'The system(s) this policy runs on, comma-separated; levels they cannot give exactly are reported.',
  },
  topology: {
    snippet:
      'topology ${1:name} {\n' +
      '\tregion ${2:mumbai} { replicas ${3:3} primary }\n' +
      '\tregion ${4:delhi} { replicas ${5:2} }\n' +
      '\tlink ${2:mumbai} <-> ${4:delhi} ${6:45ms}\n' +
      '}',
    doc: 'Regions, their replicas, and the round trips of the links between them.',
    block: true,
  },
  tier: {
    snippet: 'tier ${1:name} {\n\tconsistency ${2:strong}\n\t$0\n}',
    doc: 'Rules that data types opt into with `tier NAME`.',
    block: true,
  },
  data: {
    snippet: `data \${1:name} {\n\tconsistency \${2|${Object.keys(levelDefs).join(',')}|}\n\t$0\n}`,
    doc: 'A data type and its consistency policy.',
    block: true,
  },
  transaction: {
    snippet: 'transaction ${1:name} { ${2:first}, ${3:second} }',
    doc: 'Data types written atomically together.',
    block: true,
  },
  scenario: {
    snippet:
      'scenario ${1:name} {\n' +
      '\tdata ${2:data_type}\n' +
      '\tduration ${3:60s}\n' +
      '\tload ${4:1000/s} reads ${5:90}%\n' +
      '\tfault partition ${6:mumbai} | ${7:delhi} at ${8:10s} for ${9:20s}\n' +
      '\tseed ${10:42}\n' +
      '}',
    doc:
      'A simulation: the data types it exercises, for how long, ' +
      'under what load and clients, with which faults and seed.',
    block: true,
  },
};

/** Snippets for keywords that start a property of a data type, tier or `when` branch. */
export const propertySnippets: Record<string, { snippet: string; doc: string; block?: boolean }> = {
  topology: { snippet: 'topology ${1:name}', doc: 'The topology this data type is replicated over.' },
  tier: {
    snippet: 'tier ${1:name}',
    doc: 'Take the rules of a tier; built-in: rbi.high_value, rbi.upi, rbi.balance_query, rbi.statement, rbi.interest.',
  },
  consistency: { snippet: `consistency ${levelChoice}`, doc: 'The consistency level.' },
  replication: { snippet: 'replication ${1|quorum write 2 read 2,sync,async|}', doc: 'How writes reach the replicas.' },
  latency: {
    snippet: 'latency ${1|write,read|} ${2|p99,p95,p50,avg|} <= ${3:200ms}',
    doc: 'A latency bound at a percentile.',
  },
  availability: { snippet: 'availability >= ${1:99.99}%', doc: 'The availability target.' },
  partition: {
    snippet: 'partition prefer ${1|consistency,availability|}',
    doc: 'What to keep during a network partition (CAP).',
  },
  conflict: {
    snippet: `conflict ${choice(Object.keys(conflictStrategies))}`,
    doc: 'How concurrent writes are reconciled.',
  },
  workload: {
    snippet: 'workload ${1:35M/day} reads ${2:80}%',
    doc: 'Volume (and peak) of operations, and the share of reads.',
  },
  budget: { snippet: 'budget <= ${1:12 lakh/month}', doc: 'The monthly budget estimates are checked against.' },
  staleness: { snippet: 'staleness <= ${1:2s}', doc: 'How old a read may be.' },
  category: {
    snippet: 'category ${1:financial}',
    doc: 'What the data is; money categories (financial, payments, wallet…) declare money.',
  },
  primary: { snippet: 'primary ${1:region}', doc: 'The regions that accept writes.' },
  sessions: {
    snippet: 'sessions ${1|sticky,roaming|}',
    doc:
      'Whether a session stays with replicas that have what it ' +
      'saw (sticky, the default) or any replica answers (roaming).',
  },
  money: { snippet: 'money', doc: 'This data holds money (`money no`: it does not, whatever its name suggests).' },
  when: {
    snippet: 'when ${1:amount >= 1 lakh} {\n\t$0\n}',
    doc: 'Settings that apply under a condition.',
    block: true,
  },
  degrade: {
    snippet: 'degrade to ${1:eventual} when ${2:load > 2x}',
    doc: 'A weaker level to fall back to under a condition.',
  },
  applies: { snippet: 'applies when ${1:amount >= 1 lakh}', doc: 'When a tier applies.' },
};

/** Snippets for keywords inside a topology, and inside a `replication`. */
export const innerSnippets: Record<string, { snippet: string; doc: string }> = {
  region: { snippet: 'region ${1:name} { replicas ${2:3} }', doc: 'A region and its replicas.' },
  link: { snippet: 'link ${1:a} <-> ${2:b} ${3:45ms}', doc: 'The round trip between two regions.' },
  quorum: { snippet: 'quorum write ${1:2} read ${2:2}', doc: 'Write and read quorum sizes.' },
  replica: {
    snippet: 'replica ${1|write,ack,read,response,service|} ${2:lognormal(median 2ms, p99 10ms)}',
    doc:
      "A replica's own work as a delay distribution (the " +
      "simulator's write apply, ack, read, response, service time).",
  },
};

export type UnitKind = 'duration' | 'percent' | 'money' | 'rate' | 'peak' | 'condition' | 'bound' | 'multiplier';

export const units: Record<UnitKind, string[]> = {
  duration: ['ms', 's', 'min'],
  bound: ['s', 'ms', 'versions'],
  percent: ['%'],
  money: ['lakh/month', 'crore/month', 'k/month', '/month'],
  rate: ['M/day', 'lakh/day', 'crore/day', 'B/month', '/s', 'k/s'],
  peak: ['/s', 'k/s'],
  condition: ['lakh', 'crore', 'k', 'x'],
  multiplier: ['x', 'ms'],
};

/** Properties of a `scenario` block, as snippets. */
export const scenarioSnippets: Record<string, { snippet: string; doc: string }> = {
  data: { snippet: 'data ${1:name}', doc: 'The data types this scenario exercises, comma-separated.' },
  duration: { snippet: 'duration ${1:60s}', doc: 'How long the load runs (default 10s).' },
  load: {
    snippet: 'load ${1:1000/s} reads ${2:90}%',
    doc:
      'Operations per second over all its data types, and the ' +
      "share of reads (default: the data types' own workloads).",
  },
  clients: {
    snippet: 'clients ${1:100} in ${2:mumbai} ${3:60}%, ${4:delhi} ${5:40}%',
    doc: 'How many clients, and their share per region (default: 100, even over the regions).',
  },
  fault: {
    snippet: 'fault ${1|partition,crash,slow|} ${2:mumbai} at ${3:10s} for ${4:20s}',
    doc: 'A fault: `partition a | b`, `crash region` or `slow a <-> b 3x`, `at` a time `for` a duration.',
  },
  seed: {
    snippet: 'seed ${1:42}',
    doc: 'The seed of the pseudo-random numbers: the same seed gives the same results (default 1).',
  },
  keys: { snippet: 'keys ${1:100}', doc: 'Keys per data type, chosen uniformly (default 100).' },
  timeout: { snippet: 'timeout ${1:1s}', doc: 'An operation fails after this long without an answer (default 1s).' },
};

/** Replica work kinds after `replica`. */
export const replicaOps = ['write', 'ack', 'read', 'response', 'service', 'capacity'];

/** The unit kind of a number, by the last keyword before it in the property. */
export const unitsAfterKeyword: Record<string, UnitKind> = {
  latency: 'duration',
  staleness: 'duration',
  link: 'duration',
  jitter: 'duration',
  availability: 'percent',
  reads: 'percent',
  budget: 'money',
  workload: 'rate',
  peak: 'peak',
  when: 'condition',
  and: 'condition',
  consistency: 'bound',
  to: 'bound',
  duration: 'duration',
  timeout: 'duration',
  at: 'duration',
  for: 'duration',
  replica: 'duration',
  load: 'rate',
  in: 'percent',
  slow: 'multiplier',
};

export const percentiles = ['p50', 'p95', 'p99', 'p99.9', 'avg'];
export const conditionFields = ['amount', 'load'];
export const replicationModes = ['sync', 'async'];
export const comparatorTokens: Record<string, string> = {
  LessEq: '<=',
  GreaterEq: '>=',
  Less: '<',
  Greater: '>',
  EqEq: '==',
  NotEq: '!=',
  Arrow: '<->',
};
