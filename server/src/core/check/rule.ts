// The contract of a check: a rule reads the model and reports diagnostics with its own code.
// One rule per file in rules/, file name = code; its default severity and summary are in the registry
// (core/codes.ts), its reasoning in the file's header comment (docs/rules.md is generated from both).
import type { RuleCode } from '../codes';
import type { Fix, RelatedInfo } from '../diagnostic';
import type { DataModel, PolicyModel } from '../model/model';
import type { Range } from '../util/range';
import type { DataEstimate } from '../estimate/estimate';

export interface Report {
  uri: string;
  range: Range;
  message: string;
  /**
   * The verdict rests on an inference or an assumption the code's basis does not (money or a cart inferred
   * from a name, link jitter read as a normal spread): reported one severity milder than the code's default.
   */
  milder?: boolean;
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
  code: RuleCode;
  check(ctx: RuleContext): void;
}
