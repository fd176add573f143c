// Runs every enabled rule over the model. A rule that throws is reported as an internal error on the
// first data type, never crashing the analysis.
import type { Diagnostic, Severity } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import type { DataModel, PolicyModel } from '../model/model';
import { allRules } from './index';
import type { Rule } from './rule';

export interface CheckOptions {
  /** Per rule code: a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
}

export function runChecks(model: PolicyModel, estimate: (d: DataModel) => DataEstimate, options: CheckOptions = {}, rules: Rule[] = allRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.code];
    if (setting === 'off') continue;
    const severity = setting ?? rule.defaultSeverity;
    try {
      rule.check({
        model,
        estimate,
        report: (r) => out.push({ code: rule.code, severity: r.severity ?? severity, uri: r.uri, range: r.range, message: r.message, fixes: r.fixes, related: r.related }),
      });
    } catch (e) {
      const first = model.files.find((f) => !f.uri.startsWith('builtin:'));
      if (first) {
        out.push({ code: 'internal-error', severity: 'error', uri: first.uri, range: { start: 0, end: 0 }, message: `Rule ${rule.code} failed: ${(e as Error).message}` });
      }
    }
  }
  return out;
}
