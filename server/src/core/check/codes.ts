// Codes reported by the lexer, parser and model builder (not by rules), with their one-line summaries,
// so the CLI's SARIF output and docs/rules.md can describe every code the product emits.
import type { Severity } from '../diagnostic';

export interface CodeInfo {
  code: string;
  defaultSeverity: Severity;
  summary: string;
}

export const builtinCodes: CodeInfo[] = [
  { code: 'syntax-error', defaultSeverity: 'error', summary: 'The text does not follow the grammar; the message says what was expected.' },
  { code: 'syntax-unexpected-character', defaultSeverity: 'error', summary: 'A character that no token of the language starts with.' },
  { code: 'syntax-unclosed-string', defaultSeverity: 'error', summary: 'A string literal without its closing quote on the same line.' },
  { code: 'syntax-unclosed-comment', defaultSeverity: 'error', summary: "A block comment '/*' without its closing '*/'." },
  { code: 'syntax-bad-quantity', defaultSeverity: 'error', summary: 'A number whose unit is unknown or of the wrong kind for where it is used.' },
  { code: 'unknown-level', defaultSeverity: 'error', summary: 'A consistency level name or argument the language does not know.' },
  { code: 'unknown-percentile', defaultSeverity: 'error', summary: 'A latency percentile that is not p50…p99.99 or avg.' },
  { code: 'unknown-replication', defaultSeverity: 'error', summary: 'A replication mode other than sync, async or quorum.' },
  { code: 'unknown-conflict-strategy', defaultSeverity: 'error', summary: 'A conflict strategy the language does not know.' },
  { code: 'unknown-currency', defaultSeverity: 'error', summary: 'A currency other than INR or USD.' },
  { code: 'unknown-store', defaultSeverity: 'error', summary: 'A `store` name other than cassandra, scylladb, postgres, postgresql, mongodb, dynamodb, cosmos, cosmosdb or spanner.' },
  { code: 'property-not-allowed', defaultSeverity: 'error', summary: 'A property that this kind of block does not accept.' },
  { code: 'wrong-comparator', defaultSeverity: 'error', summary: 'A bound written the wrong way round: latency, staleness and budget take <=, availability takes >=.' },
  { code: 'duplicate-setting', defaultSeverity: 'warning', summary: 'policy, currency or profile given twice in one file; the later one wins.' },
  { code: 'duplicate-property', defaultSeverity: 'warning', summary: 'The same property twice in one block; the later one wins.' },
  { code: 'bad-replica-count', defaultSeverity: 'error', summary: 'A region replica count that is not a whole number ≥ 1.' },
  { code: 'bad-distribution', defaultSeverity: 'error', summary: 'A delay distribution with an unknown name, missing or extra parameters, a wrong unit, or impossible values (e.g. p99 below the median).' },
  { code: 'unknown-replica-work', defaultSeverity: 'error', summary: '`replica` work other than write, ack, read, response or service.' },
  { code: 'bad-scenario', defaultSeverity: 'error', summary: 'A scenario that cannot run as written: no data types, a zero duration, a fault outside the run, a region on both sides of a partition, client shares that do not add up.' },
  { code: 'bad-profile', defaultSeverity: 'error', summary: 'A `profile` block figure with an unknown key or a value of the wrong kind, an unknown base, or a name already taken.' },
  { code: 'internal-error', defaultSeverity: 'error', summary: 'A rule failed unexpectedly; please report it with the file.' },
];
