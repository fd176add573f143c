// The contract of a check: a rule reads the model and reports diagnostics with its own code.
// One rule per file in rules/, file name = code; docs/rules.md documents each.
import type { Fix, RelatedInfo, Severity } from '../diagnostic';
import type { DataModel, PolicyModel } from '../model/model';
import type { Range } from '../util/range';
import type { DataEstimate } from '../estimate/estimate';

export interface Report {
  uri: string;
  range: Range;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

export interface RuleContext {
  model: PolicyModel;
  /** The estimate of a data type under its file's profile (computed once per analysis). */
  estimate(data: DataModel): DataEstimate;
  report(r: Report): void;
}

export interface Rule {
  /** Stable code, equal to the rule's file name, e.g. `quorum-no-overlap`. */
  code: string;
  defaultSeverity: Severity;
  /** One line, for docs/rules.md, hovers and `--help`. */
  summary: string;
  check(ctx: RuleContext): void;
}
