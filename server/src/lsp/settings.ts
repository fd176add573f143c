// The server's settings (section `consistency`): default cost profile and currency, per-rule severity or `off`, the
// validation delay and the ▶ Simulate defaults; read defensively from whatever the client sends.
import { builtinProfileNames } from '../core/estimate/profiles/index';
import { allCodes, isCode } from '../core/codes';
import type { Severity } from '../core/diagnostic';
import { closest } from '../core/util/suggest';
import type { AnalyzeOptions } from '../core/pipeline';
import { defaults as simulationDefaults } from '../core/simulate/scenario';

export interface Settings {
  /** Profile for files that declare none; only built-in names are kept. */
  profile?: string;
  /** Currency for files that declare none; default: the profile's. */
  currency?: 'INR' | 'USD';
  rules: Record<string, Severity | 'off'>;
  /** Debounce between an edit and its diagnostics. */
  validationDelayMs: number;
  /** ▶ Simulate: the seed (a scenario's own `seed` wins), operations of a data type's default run, wall-time limit. */
  simulation: { seed: number; operations: number; timeLimitSeconds: number };
}

export const defaultSettings: Settings = {
  rules: {},
  validationDelayMs: 150,
  simulation: { seed: 1, operations: simulationDefaults.defaultOps, timeLimitSeconds: 30 },
};

const severities = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Settings from a raw `consistency` section; unknown or ill-typed values fall back to the defaults. */
export function readSettings(raw: unknown, warn: (message: string) => void = () => {}): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Settings = { ...defaultSettings, rules: {} };
  if (typeof o.profile === 'string' && o.profile !== '') {
    if (builtinProfileNames.includes(o.profile)) out.profile = o.profile;
    else
      warn(
        `consistency.profile: '${o.profile}' is not a built-in profile (${builtinProfileNames.join(', ')}); ignored.`,
      );
  }
  if (o.currency === 'INR' || o.currency === 'USD') out.currency = o.currency;
  else if (o.currency !== undefined && o.currency !== '') warn(`consistency.currency: expected INR or USD; ignored.`);
  if (o.rules && typeof o.rules === 'object') {
    for (const [code, value] of Object.entries(o.rules as Record<string, unknown>)) {
      if (!isCode(code)) {
        const near = closest(code, allCodes);
        warn(`consistency.rules.${code}: not a diagnostic code${near ? ` (did you mean '${near}'?)` : ''}; ignored.`);
      } else if (typeof value === 'string' && severities.has(value)) out.rules[code] = value as Severity | 'off';
      else warn(`consistency.rules.${code}: expected error, warning, info, hint or off; ignored.`);
    }
  }
  const validation = o.validation && typeof o.validation === 'object' ? (o.validation as Record<string, unknown>) : {};
  if (typeof validation.delay === 'number' && validation.delay >= 0) out.validationDelayMs = validation.delay;
  out.simulation = readSimulation(o.simulation, warn);
  return out;
}

export function analyzeOptions(s: Settings): AnalyzeOptions {
  return {
    rules: s.rules,
    ...(s.profile ? { defaultProfile: s.profile } : {}),
    ...(s.currency ? { defaultCurrency: s.currency } : {}),
  };
}

/** `consistency.simulation.*`: integers in range, else the default (with a warning). */
function readSimulation(raw: unknown, warn: (message: string) => void): Settings['simulation'] {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out = { ...defaultSettings.simulation };
  const limits = { seed: [0, 2 ** 32 - 1], operations: [1, 1e9], timeLimitSeconds: [1, 3600] } as const;
  for (const key of Object.keys(limits) as (keyof typeof limits)[]) {
    const v = o[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isInteger(v) && v >= limits[key][0] && v <= limits[key][1]) out[key] = v;
    else
      warn(
        `consistency.simulation.${key}: expected a whole number from ${limits[key][0]} to ${limits[key][1]}; ignored.`,
      );
  }
  return out;
}
