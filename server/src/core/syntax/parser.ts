// The Chevrotain grammar of .consistency files. It only recognises structure (a CST) and recovers
// from errors; meaning (units, levels, names) is given by ast-builder.ts and the model.
import { CstParser, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import * as T from './tokens';

const { kw } = T;

class PolicyParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset', maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  // ---- file and top-level declarations ----
  public file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.policyDecl) },
      { ALT: () => this.SUBRULE(this.currencyDecl) },
      { ALT: () => this.SUBRULE(this.profileDecl) },
      { ALT: () => this.SUBRULE(this.topologyDecl) },
      { ALT: () => this.SUBRULE(this.tierDecl) },
      { ALT: () => this.SUBRULE(this.dataDecl) },
      { ALT: () => this.SUBRULE(this.transactionDecl) },
    ]);
  });

  public policyDecl = this.RULE('policyDecl', () => {
    this.CONSUME(kw('policy'));
    this.CONSUME(T.StringLiteral);
  });

  public currencyDecl = this.RULE('currencyDecl', () => {
    this.CONSUME(kw('currency'));
    this.CONSUME(T.Identifier);
  });

  public profileDecl = this.RULE('profileDecl', () => {
    this.CONSUME(kw('profile'));
    this.CONSUME(T.Identifier);
  });

  // ---- topology ----
  public topologyDecl = this.RULE('topologyDecl', () => {
    this.CONSUME(kw('topology'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.regionDecl) }, { ALT: () => this.SUBRULE(this.linkDecl) }]));
    this.CONSUME(T.RBrace);
  });

  public regionDecl = this.RULE('regionDecl', () => {
    this.CONSUME(kw('region'));
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.regionProp));
      this.CONSUME(T.RBrace);
    });
  });

  public regionProp = this.RULE('regionProp', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw('replicas')); this.CONSUME(T.NumberLiteral); } },
      { ALT: () => this.CONSUME(kw('primary')) },
      { ALT: () => { this.CONSUME(kw('city')); this.CONSUME(T.Identifier); } },
      {
        ALT: () => {
          this.CONSUME(kw('coordinates'));
          this.SUBRULE(this.signedNumber, { LABEL: 'lat' });
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.signedNumber, { LABEL: 'lon' });
        },
      },
    ]);
  });

  public signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.NumberLiteral);
  });

  public linkDecl = this.RULE('linkDecl', () => {
    this.CONSUME(kw('link'));
    this.CONSUME(T.Identifier, { LABEL: 'a' });
    this.CONSUME(T.Arrow);
    this.CONSUME2(T.Identifier, { LABEL: 'b' });
    this.SUBRULE(this.quantity, { LABEL: 'rtt' });
    this.OPTION(() => {
      this.CONSUME(kw('jitter'));
      this.SUBRULE2(this.quantity, { LABEL: 'jitter' });
    });
  });

  // ---- tiers, data, transactions ----
  public tierDecl = this.RULE('tierDecl', () => {
    this.CONSUME(kw('tier'));
    this.SUBRULE(this.qualifiedName);
    this.SUBRULE(this.block);
  });

  public dataDecl = this.RULE('dataDecl', () => {
    this.CONSUME(kw('data'));
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.block);
  });

  public transactionDecl = this.RULE('transactionDecl', () => {
    this.CONSUME(kw('transaction'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.LBrace);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.Identifier, { LABEL: 'member' }) });
    this.CONSUME(T.RBrace);
  });

  public block = this.RULE('block', () => {
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.property));
    this.CONSUME(T.RBrace);
  });

  public qualifiedName = this.RULE('qualifiedName', () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier);
    });
  });

  // ---- properties of tiers and data ----
  public property = this.RULE('property', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw('topology')); this.CONSUME(T.Identifier); } },
      { ALT: () => { this.CONSUME(kw('tier')); this.SUBRULE(this.qualifiedName); } },
      { ALT: () => { this.CONSUME(kw('consistency')); this.SUBRULE(this.levelExpr); } },
      { ALT: () => this.SUBRULE(this.replicationProp) },
      { ALT: () => this.SUBRULE(this.latencyProp) },
      { ALT: () => { this.CONSUME(kw('availability')); this.SUBRULE(this.comparator); this.SUBRULE(this.quantity); } },
      { ALT: () => this.SUBRULE(this.partitionProp) },
      { ALT: () => { this.CONSUME(kw('conflict')); this.CONSUME2(T.Identifier, { LABEL: 'strategy' }); this.OPTION(() => this.CONSUME3(T.Identifier, { LABEL: 'variant' })); } },
      { ALT: () => this.SUBRULE(this.workloadProp) },
      { ALT: () => { this.CONSUME(kw('budget')); this.SUBRULE2(this.comparator); this.SUBRULE2(this.quantity); } },
      { ALT: () => { this.CONSUME(kw('staleness')); this.SUBRULE3(this.comparator); this.SUBRULE3(this.quantity); } },
      { ALT: () => { this.CONSUME(kw('category')); this.CONSUME4(T.Identifier); } },
      {
        ALT: () => {
          this.CONSUME(kw('primary'));
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME5(T.Identifier, { LABEL: 'region' }) });
        },
      },
      { ALT: () => this.SUBRULE(this.whenProp) },
      { ALT: () => this.SUBRULE(this.degradeProp) },
      { ALT: () => { this.CONSUME(kw('applies')); this.CONSUME(kw('when')); this.SUBRULE(this.conditions); } },
    ]);
  });

  public replicationProp = this.RULE('replicationProp', () => {
    this.CONSUME(kw('replication'));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('quorum'));
          this.OPTION(() => { this.CONSUME(kw('write')); this.CONSUME(T.NumberLiteral, { LABEL: 'w' }); });
          this.OPTION2(() => { this.CONSUME(kw('read')); this.CONSUME2(T.NumberLiteral, { LABEL: 'r' }); });
        },
      },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'mode' }) },
    ]);
  });

  public latencyProp = this.RULE('latencyProp', () => {
    this.CONSUME(kw('latency'));
    this.OR([{ ALT: () => this.CONSUME(kw('read')) }, { ALT: () => this.CONSUME(kw('write')) }]);
    this.OR2([{ ALT: () => this.CONSUME(T.Percentile) }, { ALT: () => this.CONSUME(T.Identifier) }]);
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.quantity);
  });

  public partitionProp = this.RULE('partitionProp', () => {
    this.CONSUME(kw('partition'));
    this.CONSUME(kw('prefer'));
    this.OR([{ ALT: () => this.CONSUME(kw('consistency')) }, { ALT: () => this.CONSUME(kw('availability')) }]);
  });

  public workloadProp = this.RULE('workloadProp', () => {
    this.CONSUME(kw('workload'));
    this.AT_LEAST_ONE(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'volume' }) },
        { ALT: () => { this.CONSUME(kw('peak')); this.SUBRULE2(this.quantity, { LABEL: 'peak' }); } },
        { ALT: () => { this.CONSUME(kw('reads')); this.SUBRULE3(this.quantity, { LABEL: 'reads' }); } },
      ]),
    );
  });

  public whenProp = this.RULE('whenProp', () => {
    this.CONSUME(kw('when'));
    this.SUBRULE(this.conditions);
    this.SUBRULE(this.block);
  });

  public degradeProp = this.RULE('degradeProp', () => {
    this.CONSUME(kw('degrade'));
    this.CONSUME(kw('to'));
    this.SUBRULE(this.levelExpr);
    this.CONSUME(kw('when'));
    this.SUBRULE(this.condition);
  });

  // ---- expressions ----
  public conditions = this.RULE('conditions', () => {
    this.SUBRULE(this.condition);
    this.MANY(() => {
      this.CONSUME(kw('and'));
      this.SUBRULE2(this.condition);
    });
  });

  public condition = this.RULE('condition', () => {
    this.CONSUME(T.Identifier, { LABEL: 'field' });
    this.SUBRULE(this.comparator);
    this.OR([
      { ALT: () => this.SUBRULE(this.quantity) },
      { ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'symbol' }) },
    ]);
  });

  public comparator = this.RULE('comparator', () => {
    this.OR(T.comparators.map((t) => ({ ALT: () => this.CONSUME(t) })));
  });

  public levelExpr = this.RULE('levelExpr', () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({
        SEP: T.Comma,
        DEF: () =>
          this.OR([
            { ALT: () => this.SUBRULE(this.quantity, { LABEL: 'arg' }) },
            { ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'arg' }) },
          ]),
      });
      this.CONSUME(T.RParen);
    });
  });

  /** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`, `35M/day`, `5x`. */
  public quantity = this.RULE('quantity', () => {
    this.OPTION(() => this.CONSUME(T.CurrencySign));
    this.CONSUME(T.NumberLiteral);
    this.OPTION2(() =>
      this.OR([{ ALT: () => this.CONSUME(T.PercentSign) }, { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'unit' }) }]),
    );
    this.OPTION3(() => {
      this.CONSUME(T.Slash);
      this.CONSUME2(T.Identifier, { LABEL: 'per' });
    });
  });
}

/** One parser instance, reused: Chevrotain parsers are expensive to build and cheap to reset. */
export const parser = new PolicyParser();

export interface ParseOutput {
  cst: CstNode;
  errors: IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): ParseOutput {
  parser.input = tokens;
  const cst = parser.file();
  return { cst, errors: parser.errors };
}
