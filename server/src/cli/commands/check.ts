// `consistency check <files|dirs>…`: checks each file in its own scope (the prelude, itself, what it imports,
// read from disk when not given) and prints the diagnostics; exit 3 when the checker failed on a file, 2 when a
// file could not be read (a FIFO, too big), 1 on any error (or more warnings than --max-warnings), else 0 —
// always after printing every other file's results.
import type { Severity } from '../../core/diagnostic';
import { analyzeInputs, INTERNAL_FAILURE, internalFailures } from '../analyze';
import type { CliContext, Format } from '../context';
import { collectInputs, pathToUri, readEach, readImport, refusedText } from '../files';
import { formatHuman } from '../output/human';
import { formatJson } from '../output/json';
import { declaresNothing, pathsAsGiven, refuseNonPolicies } from '../inputs';
import { outputWidth } from '../output/columns';
import { countSeverities, plural, shownPath, type CheckReport } from '../output/locate';
import { formatSarif } from '../output/sarif';
import { wantsColor } from '../output/style';

export interface CheckArgs {
  paths: string[];
  format: Format;
  /** Fail when there are more warnings than this. */
  maxWarnings?: number;
  /** Per rule code: a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  /** Read files whose names do not end in .consistency as policies. */
  force?: boolean;
}

export function runCheck(args: CheckArgs, ctx: CliContext): number {
  refuseNonPolicies(args.paths, ctx.cwd, args.force === true);
  const collected = collectInputs(args.paths, ctx.cwd);
  const { files, refused } = readEach(collected.paths);
  refused.unshift(...collected.refused);
  const analysis = analyzeInputs(files, { rules: args.rules, load: readImport }, ctx.engine);
  const report: CheckReport = {
    // The files given, then the files they import (their problems are reported too).
    // (A file the checker failed on has no unit; it is listed all the same.)
    files: [...new Set([...files.map((f) => f.uri), ...analysis.units.keys()])],
    texts: new Map([...analysis.documents].map(([uri, doc]) => [uri, doc.text])),
    diagnostics: analysis.diagnostics,
    cwd: ctx.cwd,
    shown: pathsAsGiven(args.paths, ctx.cwd),
    empty: files
      .filter((f) => declaresNothing(analysis.documents.get(f.uri)?.ast.declarations.length ?? 0, f.text))
      .map((f) => f.uri),
    refused: refused.map((r) => ({ uri: pathToUri(r.path), reason: r.reason })),
  };
  if (args.format === 'json') ctx.out(formatJson(report, ctx.tool));
  else if (args.format === 'sarif') ctx.out(formatSarif(report, ctx.tool));
  else {
    const maxWidth = outputWidth(ctx.env, ctx.stdoutColumns) - 8;
    ctx.out(formatHuman(report, { color: wantsColor(ctx.stdoutIsTTY, ctx.env), maxWidth }));
  }
  const empty = report.empty ?? [];
  if (args.format !== 'human') {
    for (const uri of empty)
      ctx.err(`consistency: warning: ${shownPath(report, uri)} declares nothing (an empty file).\n`);
  }

  const shown = (path: string) => shownPath(report, pathToUri(path));
  for (const r of refused) ctx.err(`consistency: ${refusedText(r, shown)}\n`);
  const failures = internalFailures(report.diagnostics);
  if (failures.length > 0) {
    const where = [...new Set(failures.map((d) => shownPath(report, d.uri)))].join(', ');
    ctx.err(`consistency: internal error: the checker failed on ${where}; the other files' results are complete.\n`);
    return INTERNAL_FAILURE;
  }
  if (refused.length > 0) return 2;
  const counts = countSeverities(report.diagnostics);
  if (counts.error > 0) return 1;
  const warnings = counts.warning + empty.length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    const allowed = plural(args.maxWarnings, 'warning');
    ctx.err(`consistency: too many warnings (${warnings}; --max-warnings allows ${allowed}).\n`);
    return 1;
  }
  return 0;
}
