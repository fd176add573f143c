// Counts of one check as it runs, and the result built from them: the verdict is "violated" if any window is,
// else "unknown" if any window (or key) could not be judged, else "ok". Field order is fixed, so the same input
// gives byte-identical JSON. Results of several checks of one kind (the regions of a regional check) merge.
import type { CheckKind, CheckResult, ModelKind, UnknownReasons, WeakReasons, Witness } from './types';

/** The running counts of one check. */
export class Tally {
  ops = 0;
  windows = 0;
  windowsUnknown = 0;
  opsUnknown = 0;
  readonly unknownReasons: UnknownReasons = { budget: 0, cap: 0, info: 0, memory: 0 };
  windowsWeak = 0;
  readonly weakReasons: WeakReasons = { states: 0, restart: 0, budget: 0, evicted: 0 };
  violatingWindows = 0;
  violatingKeys = 0;
  readonly witnesses: Witness[] = [];

  /** A window (or key) not judged, with the operations it held. */
  unknown(reason: keyof UnknownReasons, ops: number): void {
    this.windowsUnknown++;
    this.unknownReasons[reason]++;
    this.opsUnknown += ops;
  }

  /** A window checked from a weaker start than the exact one. */
  weak(reason: keyof WeakReasons): void {
    this.windowsWeak++;
    this.weakReasons[reason]++;
  }

  result(check: CheckKind, model: ModelKind, keys: number): CheckResult {
    const verdict = this.violatingWindows > 0 ? 'violated' : this.windowsUnknown > 0 ? 'unknown' : 'ok';
    return {
      check,
      model,
      verdict,
      ops: this.ops,
      keys,
      windows: this.windows,
      windowsUnknown: this.windowsUnknown,
      opsUnknown: this.opsUnknown,
      unknownReasons: { ...this.unknownReasons },
      windowsWeak: this.windowsWeak,
      weakReasons: { ...this.weakReasons },
      violatingWindows: this.violatingWindows,
      violatingKeys: this.violatingKeys,
      witnesses: this.witnesses.slice(),
    };
  }
}

/** Merges results of one check over parts of a history (e.g. regions); `keys` and `ops` are given. */
export function merge(
  parts: readonly CheckResult[],
  check: CheckKind,
  model: ModelKind,
  keys: number,
  ops: number,
  maxWitnesses: number,
): CheckResult {
  const t = new Tally();
  t.ops = ops;
  for (const r of parts) {
    t.windows += r.windows;
    t.windowsUnknown += r.windowsUnknown;
    t.opsUnknown += r.opsUnknown;
    for (const k of Object.keys(t.unknownReasons) as (keyof UnknownReasons)[]) {
      t.unknownReasons[k] += r.unknownReasons[k];
    }
    t.windowsWeak += r.windowsWeak;
    for (const k of Object.keys(t.weakReasons) as (keyof WeakReasons)[]) t.weakReasons[k] += r.weakReasons[k];
    t.violatingWindows += r.violatingWindows;
    t.violatingKeys += r.violatingKeys;
    for (const w of r.witnesses) if (t.witnesses.length < maxWitnesses) t.witnesses.push(w);
  }
  return t.result(check, model, keys);
}
