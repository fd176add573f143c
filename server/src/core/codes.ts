// The one registry of every diagnostic code the product reports (lexer, parser, model and rules): its
// stage, the basis of its verdict and so its default severity, and the line docs/rules.md, `--help`,
// SARIF and the editor show. `Code` types every diagnostic, so a code that is not listed here cannot be
// reported; docs/rules.md has one section per code, at `#<code>` (`helpAnchor`).

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/**
 * Why a diagnostic is raised, which fixes its default severity (docs/rules.md#severity):
 * - `unreadable`: the text cannot be read as written (syntax, a name or value the language does not know) — error;
 * - `impossible`: the design provably cannot hold — physics, arithmetic, the definition of a level, or a bound
 *   the policy states against what it also states — error;
 * - `assumption`: the verdict rests on an estimate (profile figures), a default, an inference (money from a
 *   name) or a guess at what the author meant (a duplicate, where the later one wins) — warning;
 * - `advice`: the design holds, but a cheaper or sturdier equivalent exists — info;
 * - `internal`: the checker itself failed — error.
 */
export type Basis = 'unreadable' | 'impossible' | 'assumption' | 'advice' | 'internal';

export const severityOf: Record<Basis, Severity> = {
  unreadable: 'error',
  impossible: 'error',
  assumption: 'warning',
  advice: 'info',
  internal: 'error',
};

/** Where a code comes from: the lexer and parser, the model builder, or a rule (check/rules/<code>.ts). */
export type Stage = 'syntax' | 'model' | 'rule';

export interface CodeInfo {
  stage: Stage;
  basis: Basis;
  /** One line, for docs/rules.md, `consistency help rules`, SARIF and hovers. */
  summary: string;
}

const syntax = (summary: string) => ({ stage: 'syntax' as const, basis: 'unreadable' as Basis, summary });
const model = (basis: Basis, summary: string) => ({ stage: 'model' as const, basis, summary });
const rule = (basis: Basis, summary: string) => ({ stage: 'rule' as const, basis, summary });

export const registry = {
  // ---- syntax ----
  'syntax-error': syntax('The text does not follow the grammar; the message says what was expected.'),
  'syntax-unexpected-character': syntax('A character that no token of the language starts with.'),
  'syntax-unclosed-string': syntax('A string literal without its closing quote on the same line.'),
  'syntax-unclosed-comment': syntax("A block comment '/*' without its closing '*/'."),
  'syntax-bad-quantity': syntax('A number whose unit is unknown or of the wrong kind for where it is used.'),
  'limit-exceeded': syntax(
    'A file over one of the limits no real policy approaches (size, nesting, syntax errors, replicas, regions, ' +
      'links, branches, keys, clients, operations; docs/language.md#limits).',
  ),
  'number-out-of-range': syntax(
    'A number that cannot mean what it says: a whole number beyond 2^53, a latitude outside ±90 or a longitude ' +
      'outside ±180.',
  ),
  // ---- model: names and values the language does not know, text it reads differently ----
  'unknown-level': model('unreadable', 'A consistency level name or argument the language does not know.'),
  'unknown-percentile': model('unreadable', 'A latency percentile that is not p50…p99.99 or avg.'),
  'unknown-replication': model('unreadable', 'A replication mode other than sync, async or quorum.'),
  'unknown-value': model(
    'unreadable',
    'A value the language does not know for `sessions` (sticky, roaming) or `money` (alone, or `money no`).',
  ),
  'unknown-conflict-strategy': model('unreadable', 'A conflict strategy (or variant) the language does not know.'),
  'unknown-currency': model('unreadable', 'A currency other than INR or USD.'),
  'unknown-store': model(
    'unreadable',
    'A `store` name other than cassandra, scylladb, postgres, postgresql, mongodb, dynamodb, cosmos, cosmosdb ' +
      'or spanner.',
  ),
  'unknown-import': model('unreadable', 'An `import` of a file that cannot be found or is not a .consistency file.'),
  'property-not-allowed': model('unreadable', 'A property that this kind of block does not accept.'),
  'wrong-comparator': model(
    'unreadable',
    'A bound written the wrong way round: latency, staleness and budget take <=, availability takes >=.',
  ),
  'bad-replica-count': model('unreadable', 'A region replica count that is not a whole number ≥ 1.'),
  'bad-distribution': model(
    'unreadable',
    'A delay distribution with an unknown name, missing or extra parameters, a wrong unit, or impossible values ' +
      '(e.g. p99 below the median).',
  ),
  'unknown-replica-work': model(
    'unreadable',
    '`replica` work other than write, ack, read, response, service or capacity.',
  ),
  'bad-scenario': model(
    'unreadable',
    'A scenario that cannot run as written: no data types, a zero duration, a region on both sides of a partition; ' +
      'a fault after the load has stopped is a warning.',
  ),
  'bad-profile': model(
    'unreadable',
    'A `profile` block figure with an unknown key or a value of the wrong kind, an unknown base, ' +
      'or a name already taken.',
  ),
  'duplicate-setting': model('assumption', 'policy, currency or profile given twice in one file; the later one wins.'),
  'duplicate-property': model('assumption', 'The same property twice in one block; the later one wins.'),
  'internal-error': model(
    'internal',
    'Reading a file, building its model or a rule failed unexpectedly; the other files and rules still report. ' +
      'Please report it with the file.',
  ),
  // ---- rules: names and structure ----
  'unknown-reference': rule(
    'unreadable',
    'A tier, topology, data type or region is used but never declared in the file or what it imports.',
  ),
  'duplicate-name': rule(
    'unreadable',
    'A topology, tier, data type, transaction, scenario or region is declared twice where one file sees both.',
  ),
  'missing-consistency': rule('assumption', 'A data type declares no consistency level, directly or through a tier.'),
  // ---- rules: topology and physics ----
  'link-faster-than-light': rule(
    'impossible',
    'A link round trip is shorter than light in fibre needs between the two locations.',
  ),
  'unreachable-region': rule(
    'impossible',
    'A region of a multi-region topology that no chain of links reaches from the others.',
  ),
  'duplicate-link': rule('assumption', 'Two links join the same pair of regions, or a link joins a region to itself.'),
  // ---- rules: levels, tiers, quorums and transactions ----
  'level-below-tier': rule('impossible', "A data type's consistency level is weaker than its tier requires."),
  'sla-looser-than-tier': rule(
    'assumption',
    "A data type's own latency, availability or staleness bound is looser than its tier's.",
  ),
  'transaction-mixed-levels': rule(
    'impossible',
    "A transaction writes data types whose levels do not all imply its strongest member's.",
  ),
  'quorum-no-overlap': rule(
    'impossible',
    'Quorums that cannot give the level: 2W ≤ N for any single order of writes; R + W ≤ N for linearizable ' +
      'reads, ' +
      'or for sequential reads by roaming sessions.',
  ),
  'quorum-too-large': rule(
    'impossible',
    'A write or read quorum larger than the replicas of the topology, or below 1.',
  ),
  'even-consensus-group': rule(
    'advice',
    'Consensus over an even number of replicas: no more fault tolerance than one replica fewer.',
  ),
  'strong-with-staleness': rule(
    'assumption',
    'A linearizable or strict level together with a staleness bound above zero.',
  ),
  // ---- rules: estimates against stated bounds ----
  'latency-below-physics': rule(
    'impossible',
    'A latency SLA is below the round trips the level needs on the topology (a warning when only link jitter at its ' +
      'percentile exceeds it).',
  ),
  'availability-unreachable': rule(
    'assumption',
    'An availability target above what the replication can offer on the topology (write quorum reachable), with the ' +
      'arithmetic.',
  ),
  'staleness-below-physics': rule(
    'impossible',
    'A staleness bound or bounded(T) below the one-way delay a write needs to reach the farthest replica that ' +
      'serves reads.',
  ),
  'staleness-below-lag': rule(
    'assumption',
    'A staleness bound or bounded(T) below the replication lag the profile estimates (jitter at p99 and apply time ' +
      'included).',
  ),
  'budget-exceeded': rule(
    'assumption',
    'The estimated monthly cost is above the declared budget; the biggest cost lines are named.',
  ),
  'workload-over-capacity': rule(
    'assumption',
    'The peak workload is above what the level sustains on the topology, per the profile.',
  ),
  'unknown-profile': rule(
    'unreadable',
    'A `profile` that is not a built-in profile; estimates fall back to the default.',
  ),
  // ---- rules: conflicts, sessions, partitions, conditions and degradation ----
  'lww-on-money': rule(
    'impossible',
    '`conflict last_writer_wins` on money (concurrent debits are lost); a warning when money or a cart is only ' +
      'inferred from a name.',
  ),
  'multi-primary-linearizable': rule(
    'impossible',
    'Several regions accept writes (multi-primary) under linearizable, sequential or strict serializable.',
  ),
  'cap-prefer-availability': rule(
    'impossible',
    'Linearizable, sequential or strict serializable data with `partition prefer availability` (CAP).',
  ),
  'session-guarantee-unsupported': rule(
    'impossible',
    'A session guarantee the design cannot give: roaming sessions without overlapping quorums, or several primaries ' +
      'with wall-clock last-writer-wins (a warning: it rests on the clocks).',
  ),
  'when-overlap': rule(
    'impossible',
    'Two `when` branches whose conditions on the same field overlap while their bodies differ (no precedence).',
  ),
  'when-gap': rule(
    'assumption',
    "`>` vs `>=` at a threshold, or a branch narrower than its tier's `applies when`, leaves values to the base level.",
  ),
  'degrade-below-floor': rule(
    'impossible',
    '`degrade to` a level below the floor a tier sets; below session for money it is a warning (a convention, not a ' +
      'stated bound).',
  ),
  // ---- rules: stores ----
  'store-cannot-provide': rule(
    'assumption',
    'A data type declares a level or bound that a system named by `store` cannot give exactly.',
  ),
  // ---- rules: scenarios ----
  'partition-breaks-availability': rule(
    'assumption',
    "A scenario's partition cuts clients off from the primary of a data type that keeps consistency, capping its " +
      'availability below the target it declares.',
  ),
} satisfies Record<string, CodeInfo>;

export type Code = keyof typeof registry;

/** The codes reported by rules (one file each under check/rules/). */
export type RuleCode = { [K in Code]: (typeof registry)[K]['stage'] extends 'rule' ? K : never }[Code];

export const allCodes = Object.keys(registry) as Code[];

export function isCode(code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(registry, code);
}

export function codeInfo(code: Code): CodeInfo {
  return registry[code];
}

export function defaultSeverity(code: Code): Severity {
  return severityOf[registry[code].basis];
}

/** One level milder: a verdict whose premise is inferred (money from a name) is a warning, not an error. */
export function milder(s: Severity): Severity {
  return s === 'error' ? 'warning' : s === 'warning' ? 'info' : 'hint';
}

/** The anchor of a code's section in docs/rules.md. */
export function helpAnchor(code: Code): string {
  return code;
}

/** The link to a code's section, from the URI of docs/rules.md where it is installed or published. */
export function helpUri(rulesDoc: string, code: Code): string {
  return `${rulesDoc.replace(/#.*$/, '')}#${helpAnchor(code)}`;
}
