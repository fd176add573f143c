// Runs every rule over the model. A rule that throws is reported as an internal error on the first data
// type, never crashing the analysis. Severities are the registry's defaults (one milder where a report
// says its premise is inferred); the pipeline applies the user's per-code settings to every diagnostic.
import { defaultSeverity, milder } from '../codes';
import type { Diagnostic, Severity } from '../diagnostic';
import type { DataEstimate } from '../estimate/estimate';
import type { DataModel, PolicyModel } from '../model/model';
import { allRules } from './index';
import type { Rule } from './rule';

export interface CheckOptions {
  /** Per code (any code of the registry): a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
}

export function runChecks(model: PolicyModel, estimate: (d: DataModel) => DataEstimate, options: CheckOptions = {}, rules: Rule[] = allRules): Diagnostic[] {
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
      const first = model.files.find((f) => !f.uri.startsWith('builtin:'));
      if (first) {
        out.push({ code: 'internal-error', severity: 'error', uri: first.uri, range: { start: 0, end: 0 }, message: `Rule ${rule.code} failed: ${(e as Error).message}` });
      }
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
