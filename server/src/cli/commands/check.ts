// `consistency check <files|dirs>…`: checks each file in its own scope (the prelude, itself, what it imports,
// read from disk when not given) and prints the diagnostics; exit 1 on any error (or more warnings than
// --max-warnings), else 0.
import type { Severity } from '../../core/diagnostic';
import { analyze } from '../../core/pipeline';
import type { CliContext, Format } from '../context';
import { collectFiles, readFiles, readImport } from '../files';
import { formatHuman } from '../output/human';
import { formatJson } from '../output/json';
import { countSeverities, plural, type CheckReport } from '../output/locate';
import { formatSarif } from '../output/sarif';
import { wantsColor } from '../output/style';

export interface CheckArgs {
  paths: string[];
  format: Format;
  /** Fail when there are more warnings than this. */
  maxWarnings?: number;
  /** Per rule code: a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
}

export function runCheck(args: CheckArgs, ctx: CliContext): number {
  const files = readFiles(collectFiles(args.paths, ctx.cwd));
  const analysis = analyze(
    files.map((f) => ({ uri: f.uri, text: f.text })),
    { rules: args.rules, load: readImport },
  );
  const report: CheckReport = {
    // The files given, then the files they import (their problems are reported too).
    files: [...analysis.units.keys()],
    texts: new Map([...analysis.documents].map(([uri, doc]) => [uri, doc.text])),
    diagnostics: analysis.diagnostics,
    cwd: ctx.cwd,
  };
  if (args.format === 'json') ctx.out(formatJson(report, ctx.tool));
  else if (args.format === 'sarif') ctx.out(formatSarif(report, ctx.tool));
  else ctx.out(formatHuman(report, { color: wantsColor(ctx.stdoutIsTTY, ctx.env) }));

  const counts = countSeverities(report.diagnostics);
  if (counts.error > 0) return 1;
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    ctx.err(`consistency: too many warnings (${counts.warning}; --max-warnings allows ${plural(args.maxWarnings, 'warning')}).\n`);
    return 1;
  }
  return 0;
}
