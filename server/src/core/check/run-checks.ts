// Runs every rule over the model. A rule that throws is reported as one internal error at the start of
// the file being checked (the model's last user file), never crashing the analysis; the other rules run. Severities are
// the registry's defaults (one milder where a report says its premise is inferred); the pipeline applies the user's
// per-code settings to every diagnostic.
import { defaultSeverity, milder } from '../codes';
import type { Diagnostic, Severity } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import type { DataModel, PolicyModel } from '../model/model';
import { allRules } from './index';
import { internalError } from './internal-error';
import type { Rule } from './rule';

export interface CheckOptions {
  /** Per code (any code of the registry): a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
}

export function runChecks(
  model: PolicyModel,
  estimate: (d: DataModel) => DataEstimate,
  options: CheckOptions = {},
  rules: Rule[] = allRules,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (options.rules?.[rule.code] === 'off') continue;
    const severity = defaultSeverity(rule.code);
    try {
      rule.check({
        model,
        estimate,
        report: (r) => {
          const s = r.milder ? milder(severity) : severity;
          const { uri, range, message, fixes, related } = r;
          out.push({ code: rule.code, severity: s, uri, range, message, fixes, related });
        },
      });
    } catch (e) {
      const root = model.files.filter((f) => !f.uri.startsWith('builtin:')).pop();
      if (root) out.push(internalError(root.uri, `rule ${rule.code}`, e));
    }
  }
  return out;
}

/** The user's settings applied to every diagnostic: `off` drops a code, a severity replaces its own. */
export function applySeverities(diagnostics: Diagnostic[], settings: CheckOptions['rules']): Diagnostic[] {
  if (!settings || Object.keys(settings).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = settings[d.code];
    if (s === 'off') continue;
    out.push(s ? { ...d, severity: s } : d);
  }
  return out;
}
