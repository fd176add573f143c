// ANSI colours for the human formats; a no-op stylist when colour is off (not a TTY, or NO_COLOR set).
import type { Severity } from '../../core/diagnostic';

export type Paint = (text: string) => string;

export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  blue: Paint;
  cyan: Paint;
  green: Paint;
  severity(s: Severity): Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (t) =>
    t === '' ? t : `\x1b[${open}m${t}\x1b[${close}m`;
const plain: Paint = (t) => t;

export function makeStyle(color: boolean): Style {
  const p = (open: number, close: number) => (color ? sgr(open, close) : plain);
  const s = {
    bold: p(1, 22),
    dim: p(2, 22),
    red: p(31, 39),
    yellow: p(33, 39),
    blue: p(34, 39),
    cyan: p(36, 39),
    green: p(32, 39),
  };
  const bySeverity: Record<Severity, Paint> = {
    error: (t) => s.bold(s.red(t)),
    warning: (t) => s.bold(s.yellow(t)),
    info: (t) => s.bold(s.blue(t)),
    hint: s.dim,
  };
  return { ...s, severity: (sev) => bySeverity[sev] };
}

/** Colour when writing to a terminal and NO_COLOR (https://no-color.org) is unset or empty. */
export function wantsColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR;
}
