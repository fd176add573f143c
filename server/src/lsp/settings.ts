// The server's settings (section `consistency`): default cost profile, per-rule severity or `off`, and the
// validation delay; read defensively from whatever the client sends.
import { profiles } from '../core/estimate/profiles/index';
import type { Severity } from '../core/diagnostic';
import type { AnalyzeOptions } from '../core/pipeline';

export interface Settings {
  /** Profile for files that declare none; only built-in names are kept. */
  profile?: string;
  rules: Record<string, Severity | 'off'>;
  /** Debounce between an edit and its diagnostics. */
  validationDelayMs: number;
}

export const defaultSettings: Settings = { rules: {}, validationDelayMs: 150 };

const severities = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Settings from a raw `consistency` section; unknown or ill-typed values fall back to the defaults. */
export function readSettings(raw: unknown, warn: (message: string) => void = () => {}): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Settings = { ...defaultSettings, rules: {} };
  if (typeof o.profile === 'string' && o.profile !== '') {
    if (profiles.has(o.profile)) out.profile = o.profile;
    else warn(`consistency.profile: '${o.profile}' is not a built-in profile (${[...profiles.keys()].join(', ')}); ignored.`);
  }
  if (o.rules && typeof o.rules === 'object') {
    for (const [code, value] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && severities.has(value)) out.rules[code] = value as Severity | 'off';
      else warn(`consistency.rules.${code}: expected error, warning, info, hint or off; ignored.`);
    }
  }
  const validation = o.validation && typeof o.validation === 'object' ? (o.validation as Record<string, unknown>) : {};
  if (typeof validation.delay === 'number' && validation.delay >= 0) out.validationDelayMs = validation.delay;
  return out;
}

export function analyzeOptions(s: Settings): AnalyzeOptions {
  return { rules: s.rules, ...(s.profile ? { defaultProfile: s.profile } : {}) };
}
