// The Chevrotain grammar of .consistency files: the reference the hand-written parser (parser.ts) is checked
// against (test/core/syntax/parser-differential.test.ts), the source of its recovery tables
// (recovery.generated.ts) and of the oracle builder's CST types (test/helpers/cst-ast), and completion's
// content assist. Files are parsed by parser.ts: this grammar is built only when completion first asks (about
// 40 ms), never by a `check`.
import {
  CstParser,
  type CstNode,
  type IOrAlt,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { grammarTokens } from './grammar-tokens';
import type { KeywordName } from './tokens';
import { isUnitWord } from './units';
import { limits } from '../util/limits';

/** The token types as Chevrotain twins (grammar-tokens.ts): tokens scanned by scan.ts match them. Made with
 *  the first parser (about 15 ms), not when this module loads: the server loads it at start. */
let T: ReturnType<typeof grammarTokens>;

/** Keyword token types, looked up once (rule bodies run for every property parsed). */
let K: Record<KeywordName, TokenType>;

/** OR alternatives are built once per parser and reused (Chevrotain's performance guide: an inline array
 *  would allocate every closure again on every invocation of the rule). */
type Alts = IOrAlt<unknown>[];

export class PolicyParser extends CstParser {
  private declarationKinds?: Alts;
  private profileKeys?: Alts;
  private profileValues?: Alts;
  private topologyMembers?: Alts;
  private regionProps?: Alts;
  private regionRtts?: Alts;
  private linkRtts?: Alts;
  private replicaOps?: Alts;
  private replicaValues?: Alts;
  private distArgs?: Alts;
  private scenarioProps?: Alts;
  private faultKinds?: Alts;
  private properties?: Alts;
  private replicationModes?: Alts;
  private latencyOps?: Alts;
  private latencyPercentiles?: Alts;
  private partitionPreferences?: Alts;
  private workloadVolumes?: Alts;
  private conditionValues?: Alts;
  private comparators?: Alts;
  private levelArgs?: Alts;
  private quantityUnits?: Alts;

  /** `validate`: Chevrotain's grammar self-checks (ambiguities, left recursion…), about half the start-up
   *  time; a test runs them once (test/core/syntax/grammar-valid.test.ts), the product skips them. */
  constructor(validate = false) {
    T ??= grammarTokens();
    K ??= Object.fromEntries(T.allKeywordNames.map((n) => [n, T.kw(n)])) as Record<KeywordName, TokenType>;
    const config = { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset', maxLookahead: 3 } as const;
    super(T.allTokens, { ...config, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /**
   * Allocation: Chevrotain 11.2 (tree_builder.js, cstInvocationStateUpdate) makes each CST node's
   * `children` with Object.create(null), a dictionary-mode object (~10k for a 5,000-line file). A plain
   * object literal holds the same keys in the same order in less memory (that file's CST: ~5.9 → ~4.2 MB).
   * Otherwise Chevrotain's body; no label or rule name collides with an Object.prototype member.
   */
  protected cstInvocationStateUpdate(fullRuleName: string): void {
    const self = this as unknown as { setInitialNodeLocation(node: CstNode): void; CST_STACK: CstNode[] };
    const node = { name: fullRuleName, children: {} } as CstNode;
    self.setInitialNodeLocation(node);
    self.CST_STACK.push(node);
  }

  /** The token where reading stopped after `limits.syntaxErrors` errors (docs/language.md#limits). */
  public stoppedAt: IToken | undefined;

  /** Error recovery is bounded: past the limit the rest of the input is skipped (the parser sees its end). */
  protected SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const self = this as unknown as { _errors: unknown[]; currIdx: number; tokVectorLength: number };
    type Save = { SAVE_ERROR: (e: IRecognitionException) => IRecognitionException };
    const save = (CstParser.prototype as unknown as Save).SAVE_ERROR;
    if (self._errors.length < limits.syntaxErrors) return save.call(this, error);
    this.stoppedAt ??= error.token;
    self.currIdx = self.tokVectorLength - 1;
    return error;
  }

  // ---- file and top-level declarations ----
  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  public declaration = this.RULE('declaration', () => {
    this.OR(
      (this.declarationKinds ??= [
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.policyDecl) },
        { ALT: () => this.SUBRULE(this.currencyDecl) },
        { ALT: () => this.SUBRULE(this.profileDecl) },
        { ALT: () => this.SUBRULE(this.storeDecl) },
        { ALT: () => this.SUBRULE(this.topologyDecl) },
        { ALT: () => this.SUBRULE(this.tierDecl) },
        { ALT: () => this.SUBRULE(this.dataDecl) },
        { ALT: () => this.SUBRULE(this.transactionDecl) },
        { ALT: () => this.SUBRULE(this.scenarioDecl) },
      ]),
    );
  });

  /** `import "topologies.consistency"`: the file sees that file's declarations. */
  public importDecl = this.RULE('importDecl', () => {
    this.CONSUME(K.import);
    this.CONSUME(T.StringLiteral);
  });

  public policyDecl = this.RULE('policyDecl', () => {
    this.CONSUME(K.policy);
    this.CONSUME(T.StringLiteral);
  });

  public currencyDecl = this.RULE('currencyDecl', () => {
    this.CONSUME(K.currency);
    this.CONSUME(T.Identifier);
  });

  /** `profile india-2024` selects a profile; `profile acme extends vendors-2026 { … }` declares one. */
  public profileDecl = this.RULE('profileDecl', () => {
    this.CONSUME(K.profile);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.OPTION2(() => {
        this.CONSUME(K.extends);
        this.CONSUME2(T.Identifier, { LABEL: 'base' });
      });
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.profileEntry));
      this.CONSUME(T.RBrace);
    });
  });

  /** `cosmos.ru-hour $0.008 source "…"`, `currency USD`, `postgres.read-service lognormal(…)`. */
  public profileEntry = this.RULE('profileEntry', () => {
    this.OR(
      (this.profileKeys ??= [
        { ALT: () => this.CONSUME(K.currency, { LABEL: 'key' }) },
        { ALT: () => this.SUBRULE(this.qualifiedName, { LABEL: 'keyName' }) },
      ]),
    );
    this.OR2(
      (this.profileValues ??= [
        { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'text' }) },
        { ALT: () => this.SUBRULE(this.distribution, { LABEL: 'dist' }) },
        { ALT: () => this.SUBRULE(this.profileQuantity, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME3(T.Identifier, { LABEL: 'word' }) },
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(K.source);
      this.CONSUME2(T.StringLiteral, { LABEL: 'source' });
    });
  });

  /** `store dynamodb` or `store postgres, cassandra`: the systems the policy targets. */
  public storeDecl = this.RULE('storeDecl', () => {
    this.CONSUME(K.store);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  /** A quantity whose unit is a known unit word: the next entry's key (a name) is never taken as a unit. */
  public profileQuantity = this.RULE('profileQuantity', () => {
    this.OPTION(() => this.CONSUME(T.CurrencySign));
    this.CONSUME(T.NumberLiteral);
    this.OPTION2(() => this.CONSUME(T.PercentSign));
    this.OPTION3({
      GATE: () => isUnitWord(this.LA(1).image),
      DEF: () => this.CONSUME(T.Identifier, { LABEL: 'unit' }),
    });
    this.OPTION4(() => {
      this.CONSUME(T.Slash);
      this.CONSUME2(T.Identifier, { LABEL: 'per' });
    });
  });

  // ---- topology ----
  public topologyDecl = this.RULE('topologyDecl', () => {
    this.CONSUME(K.topology);
    this.CONSUME(T.Name);
    this.CONSUME(T.LBrace);
    this.MANY(() =>
      this.OR(
        (this.topologyMembers ??= [
          { ALT: () => this.SUBRULE(this.regionDecl) },
          { ALT: () => this.SUBRULE(this.linkDecl) },
          { ALT: () => this.SUBRULE(this.replicaWork) },
        ]),
      ),
    );
    this.CONSUME(T.RBrace);
  });

  public regionDecl = this.RULE('regionDecl', () => {
    this.CONSUME(K.region);
    this.CONSUME(T.Name);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.regionProp));
      this.CONSUME(T.RBrace);
    });
  });

  public regionProp = this.RULE('regionProp', () => {
    this.OR(
      (this.regionProps ??= [
        {
          ALT: () => {
            this.CONSUME(K.replicas);
            this.CONSUME(T.NumberLiteral);
          },
        },
        { ALT: () => this.CONSUME(K.primary) },
        {
          ALT: () => {
            this.CONSUME(K.city);
            this.CONSUME(T.Name);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.rtt);
            this.OR2(
              (this.regionRtts ??= [
                { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'rtt' }) },
                { ALT: () => this.SUBRULE(this.distribution, { LABEL: 'dist' }) },
              ]),
            );
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.coordinates);
            this.SUBRULE(this.signedNumber, { LABEL: 'lat' });
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.signedNumber, { LABEL: 'lon' });
          },
        },
      ]),
    );
  });

  public signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLiteral);
  });

  public linkDecl = this.RULE('linkDecl', () => {
    this.CONSUME(K.link);
    this.CONSUME(T.Name, { LABEL: 'a' });
    this.CONSUME(T.Arrow);
    this.CONSUME2(T.Name, { LABEL: 'b' });
    this.OR(
      (this.linkRtts ??= [
        { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'rtt' }) },
        { ALT: () => this.SUBRULE(this.distribution, { LABEL: 'dist' }) },
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(K.jitter);
      this.SUBRULE2(this.quantity, { LABEL: 'jitter' });
    });
  });

  /** `replica write 2ms` or `replica ack exponential(mean 1ms)`: a replica's own work. */
  public replicaWork = this.RULE('replicaWork', () => {
    this.CONSUME(K.replica);
    this.OR(
      (this.replicaOps ??= [
        { ALT: () => this.CONSUME(K.write, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(K.read, { LABEL: 'op' }) },
        { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'op' }) },
      ]),
    );
    this.OR2(
      (this.replicaValues ??= [
        { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'fixed' }) },
        { ALT: () => this.SUBRULE(this.distribution, { LABEL: 'dist' }) },
      ]),
    );
  });

  /**
   * `lognormal(median 45ms, p99 80ms)`, `pareto(1.05ms, 1.51)`,
   * `mix(0.38 pareto(…), 0.62 exponential(mean 5.5ms))`.
   */
  public distribution = this.RULE('distribution', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.distArg) });
    this.CONSUME(T.RParen);
  });

  public distArg = this.RULE('distArg', () => {
    this.OR(
      (this.distArgs ??= [
        { ALT: () => this.SUBRULE(this.distribution, { LABEL: 'dist' }) },
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'label' }) },
              { ALT: () => this.CONSUME(T.Percentile, { LABEL: 'label' }) },
            ]);
            this.SUBRULE(this.quantity, { LABEL: 'value' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.NumberLiteral, { LABEL: 'weight' });
            this.SUBRULE2(this.distribution, { LABEL: 'dist' });
          },
        },
        { ALT: () => this.SUBRULE2(this.quantity, { LABEL: 'value' }) },
      ]),
    );
  });

  // ---- scenarios ----
  public scenarioDecl = this.RULE('scenarioDecl', () => {
    this.CONSUME(K.scenario);
    this.CONSUME(T.Name);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.scenarioProp));
    this.CONSUME(T.RBrace);
  });

  public scenarioProp = this.RULE('scenarioProp', () => {
    this.OR(
      (this.scenarioProps ??= [
        {
          ALT: () => {
            this.CONSUME(K.data);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Name, { LABEL: 'dataName' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.duration);
            this.SUBRULE(this.quantity, { LABEL: 'value' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.load);
            this.SUBRULE2(this.quantity, { LABEL: 'rate' });
            this.OPTION(() => {
              this.CONSUME(K.reads);
              this.SUBRULE3(this.quantity, { LABEL: 'reads' });
            });
          },
        },
        { ALT: () => this.SUBRULE(this.clientsProp) },
        { ALT: () => this.SUBRULE(this.faultProp) },
        {
          ALT: () => {
            this.CONSUME(K.seed);
            this.CONSUME(T.NumberLiteral, { LABEL: 'count' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.keys);
            this.CONSUME2(T.NumberLiteral, { LABEL: 'count' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.timeout);
            this.SUBRULE4(this.quantity, { LABEL: 'value' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.election);
            this.SUBRULE5(this.quantity, { LABEL: 'value' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.visibility);
            this.CONSUME(K.at);
            this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE6(this.quantity, { LABEL: 'points' }) });
          },
        },
      ]),
    );
  });

  /** `clients 2000 in mumbai 60%, delhi 40%` */
  public clientsProp = this.RULE('clientsProp', () => {
    this.CONSUME(K.clients);
    this.CONSUME(T.NumberLiteral, { LABEL: 'count' });
    this.OPTION(() => {
      this.CONSUME(K.in);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.clientShare) });
    });
  });

  public clientShare = this.RULE('clientShare', () => {
    this.CONSUME(T.Name);
    this.OPTION(() => this.SUBRULE(this.quantity, { LABEL: 'share' }));
  });

  /** `fault partition mumbai | delhi at 10s for 20s`, `fault crash chennai at …`, `fault slow a <-> b 3x at …` */
  public faultProp = this.RULE('faultProp', () => {
    this.CONSUME(K.fault);
    this.OR(
      (this.faultKinds ??= [
        {
          ALT: () => {
            this.CONSUME(K.partition);
            this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.SUBRULE(this.partitionSide) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.crash);
            this.CONSUME(T.Name, { LABEL: 'region' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.slow);
            this.CONSUME2(T.Name, { LABEL: 'a' });
            this.CONSUME(T.Arrow);
            this.CONSUME3(T.Name, { LABEL: 'b' });
            this.SUBRULE(this.quantity, { LABEL: 'by' });
          },
        },
      ]),
    );
    this.CONSUME(K.at);
    this.SUBRULE2(this.quantity, { LABEL: 'at' });
    this.CONSUME(K.for);
    this.SUBRULE3(this.quantity, { LABEL: 'for' });
  });

  public partitionSide = this.RULE('partitionSide', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Name) });
  });

  // ---- tiers, data, transactions ----
  public tierDecl = this.RULE('tierDecl', () => {
    this.CONSUME(K.tier);
    this.SUBRULE(this.qualifiedName);
    this.SUBRULE(this.block);
  });

  public dataDecl = this.RULE('dataDecl', () => {
    this.CONSUME(K.data);
    this.CONSUME(T.Name);
    this.SUBRULE(this.block);
  });

  public transactionDecl = this.RULE('transactionDecl', () => {
    this.CONSUME(K.transaction);
    this.CONSUME(T.Name);
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Name, { LABEL: 'member' }) });
    this.CONSUME(T.RBrace);
  });

  public block = this.RULE('block', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.property));
    this.CONSUME(T.RBrace);
  });

  public qualifiedName = this.RULE('qualifiedName', () => {
    this.CONSUME(T.Name);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Name);
    });
  });

  // ---- properties of tiers and data ----
  public property = this.RULE('property', () => {
    this.OR(
      (this.properties ??= [
        {
          ALT: () => {
            this.CONSUME(K.topology);
            this.CONSUME(T.Name);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.tier);
            this.SUBRULE(this.qualifiedName);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.consistency);
            this.SUBRULE(this.levelExpr);
          },
        },
        { ALT: () => this.SUBRULE(this.replicationProp) },
        { ALT: () => this.SUBRULE(this.latencyProp) },
        {
          ALT: () => {
            this.CONSUME(K.availability);
            this.SUBRULE(this.comparator);
            this.SUBRULE(this.quantity);
          },
        },
        { ALT: () => this.SUBRULE(this.partitionProp) },
        {
          ALT: () => {
            this.CONSUME(K.conflict);
            this.CONSUME2(T.Identifier, { LABEL: 'strategy' });
            this.OPTION(() => this.CONSUME3(T.Identifier, { LABEL: 'variant' }));
          },
        },
        { ALT: () => this.SUBRULE(this.workloadProp) },
        {
          ALT: () => {
            this.CONSUME(K.budget);
            this.SUBRULE2(this.comparator);
            this.SUBRULE2(this.quantity);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.staleness);
            this.SUBRULE3(this.comparator);
            this.SUBRULE3(this.quantity);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.category);
            this.CONSUME2(T.Name);
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.primary);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME3(T.Name, { LABEL: 'region' }) });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.sessions);
            this.CONSUME(T.Identifier, { LABEL: 'mode' });
          },
        },
        // `money` alone marks the data as money; `money no` says it is not (whatever its name suggests).
        {
          ALT: () => {
            this.CONSUME(K.money);
            this.OPTION2(() => this.CONSUME4(T.Identifier, { LABEL: 'value' }));
          },
        },
        { ALT: () => this.SUBRULE(this.whenProp) },
        { ALT: () => this.SUBRULE(this.degradeProp) },
        {
          ALT: () => {
            this.CONSUME(K.applies);
            this.CONSUME(K.when);
            this.SUBRULE(this.conditions);
          },
        },
      ]),
    );
  });

  public replicationProp = this.RULE('replicationProp', () => {
    this.CONSUME(K.replication);
    this.OR(
      (this.replicationModes ??= [
        {
          ALT: () => {
            this.CONSUME(K.quorum);
            this.OPTION(() => {
              this.CONSUME(K.write);
              this.CONSUME(T.NumberLiteral, { LABEL: 'w' });
            });
            this.OPTION2(() => {
              this.CONSUME(K.read);
              this.CONSUME2(T.NumberLiteral, { LABEL: 'r' });
            });
            this.OPTION3(() => this.CONSUME(K.random));
          },
        },
        { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'mode' }) },
      ]),
    );
  });

  public latencyProp = this.RULE('latencyProp', () => {
    this.CONSUME(K.latency);
    this.OR((this.latencyOps ??= [{ ALT: () => this.CONSUME(K.read) }, { ALT: () => this.CONSUME(K.write) }]));
    this.OR2(
      (this.latencyPercentiles ??= [
        { ALT: () => this.CONSUME(T.Percentile) },
        { ALT: () => this.CONSUME(T.Identifier) },
      ]),
    );
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.quantity);
  });

  public partitionProp = this.RULE('partitionProp', () => {
    this.CONSUME(K.partition);
    this.CONSUME(K.prefer);
    this.OR(
      (this.partitionPreferences ??= [
        { ALT: () => this.CONSUME(K.consistency) },
        { ALT: () => this.CONSUME(K.availability) },
      ]),
    );
  });

  public workloadProp = this.RULE('workloadProp', () => {
    this.CONSUME(K.workload);
    this.AT_LEAST_ONE(() =>
      this.OR(
        (this.workloadVolumes ??= [
          { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'volume' }) },
          {
            ALT: () => {
              this.CONSUME(K.peak);
              this.SUBRULE2(this.quantity, { LABEL: 'peak' });
            },
          },
          {
            ALT: () => {
              this.CONSUME(K.reads);
              this.SUBRULE3(this.quantity, { LABEL: 'reads' });
            },
          },
        ]),
      ),
    );
  });

  public whenProp = this.RULE('whenProp', () => {
    this.CONSUME(K.when);
    this.SUBRULE(this.conditions);
    this.SUBRULE(this.block);
  });

  public degradeProp = this.RULE('degradeProp', () => {
    this.CONSUME(K.degrade);
    this.CONSUME(K.to);
    this.SUBRULE(this.levelExpr);
    this.CONSUME(K.when);
    this.SUBRULE(this.condition);
  });

  // ---- expressions ----
  public conditions = this.RULE('conditions', () => {
    this.SUBRULE(this.condition);
    this.MANY(() => {
      this.CONSUME(K.and);
      this.SUBRULE2(this.condition);
    });
  });

  public condition = this.RULE('condition', () => {
    this.CONSUME(T.Name, { LABEL: 'field' });
    this.SUBRULE(this.comparator);
    this.OR(
      (this.conditionValues ??= [
        { ALT: () => this.SUBRULE(this.quantity) },
        { ALT: () => this.CONSUME2(T.Name, { LABEL: 'symbol' }) },
      ]),
    );
  });

  public comparator = this.RULE('comparator', () => {
    this.OR((this.comparators ??= T.comparators.map((t) => ({ ALT: () => this.CONSUME(t) }))));
  });

  public levelExpr = this.RULE('levelExpr', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () =>
          this.OR(
            (this.levelArgs ??= [
              { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'arg' }) },
              { ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'arg' }) },
            ]),
          ),
      });
      this.CONSUME(T.RParen);
    });
  });

  /** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`, `35M/day`, `5x`. */
  public quantity = this.RULE('quantity', () => {
    this.OPTION(() => this.CONSUME(T.CurrencySign));
    this.CONSUME(T.NumberLiteral);
    this.OPTION2(() =>
      this.OR(
        (this.quantityUnits ??= [
          { ALT: () => this.CONSUME(T.PercentSign) },
          { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'unit' }) },
        ]),
      ),
    );
    this.OPTION3(() => {
      this.CONSUME(T.Slash);
      this.CONSUME2(T.Identifier, { LABEL: 'per' });
    });
  });
}

let instance: PolicyParser | undefined;

/** The grammar, built on first use and reused (Chevrotain parsers are expensive to build). */
export function grammarParser(): PolicyParser {
  return (instance ??= new PolicyParser());
}
