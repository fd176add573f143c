// `consistency explain <files|dirs>…`: the estimates of every data type (latency, lag, availability,
// cost) as a table or JSON. A data type whose estimate fails is listed with the reason; exit 1 then.
import type { DataModel, Replication } from '../../core/model/model';
import { estimateTransaction } from '../../core/estimate/transaction';
import { defaultProfileName } from '../../core/estimate/profiles/index';
import type { Analysis } from '../../core/pipeline';
import { analyzeInputs, INTERNAL_FAILURE, internalFailures } from '../analyze';
import type { CliContext } from '../context';
import { collectFiles, readFiles, readImport } from '../files';
import { formatExplainJson } from '../output/json';
import { declaresNothing, pathsAsGiven, refuseNonPolicies } from '../inputs';
import { outputWidth } from '../output/columns';
import { countSeverities, plural, shownPath } from '../output/locate';
import { wantsColor } from '../output/style';
import { formatExplain, type ExplainReport, type ExplainRow } from '../output/table';

export interface ExplainArgs {
  paths: string[];
  format: 'human' | 'json';
  /** Read files whose names do not end in .consistency as policies. */
  force?: boolean;
}

export function runExplain(args: ExplainArgs, ctx: CliContext): number {
  refuseNonPolicies(args.paths, ctx.cwd, args.force === true);
  const files = readFiles(collectFiles(args.paths, ctx.cwd));
  const analysis = analyzeInputs(files, { load: readImport }, ctx.engine);
  // Each file's data types and transactions, as that file sees them (its scope: the prelude, itself, its imports).
  const own = <T extends { origin: { uri: string } }>(uri: string, xs: Iterable<T>) =>
    [...xs].filter((x) => x.origin.uri === uri);
  const data = files.flatMap((f) => own(f.uri, analysis.modelOf(f.uri).data.values()));
  const transactions = files.flatMap((f) => own(f.uri, analysis.modelOf(f.uri).transactions.values()));
  const report: ExplainReport = {
    files: files.map((f) => f.uri),
    rows: data.map((d) => explainRow(d, analysis)),
    transactions: transactions.flatMap((t) => {
      try {
        return [estimateTransaction(t, analysis.estimate)];
      } catch {
        return []; // a member that cannot be estimated is already listed under "Could not estimate"
      }
    }),
    cwd: ctx.cwd,
    shown: pathsAsGiven(args.paths, ctx.cwd),
    empty: files
      .filter((f) => declaresNothing(analysis.documents.get(f.uri)?.ast.declarations.length ?? 0, f.text))
      .map((f) => f.uri),
  };

  const errors = countSeverities(analysis.diagnostics).error;
  if (args.format === 'json') ctx.out(formatExplainJson(report, ctx.tool));
  else {
    const width = outputWidth(ctx.env, ctx.stdoutColumns);
    ctx.out(formatExplain(report, { color: wantsColor(ctx.stdoutIsTTY, ctx.env), width }));
  }
  if (args.format === 'json') {
    for (const uri of report.empty ?? []) {
      ctx.err(`consistency: warning: ${shownPath(report, uri)} declares nothing (an empty file).\n`);
    }
  }
  if (errors > 0) {
    const check = `consistency check ${args.paths.join(' ')}`;
    const what = `${plural(errors, 'error')} in these files`;
    ctx.err(`consistency: ${what}: the estimates may not mean much until they are fixed (see \`${check}\`).\n`);
  }
  const failures = internalFailures(analysis.diagnostics);
  if (failures.length > 0) {
    const where = [...new Set(failures.map((d) => shownPath(report, d.uri)))].join(', ');
    ctx.err(`consistency: internal error: the checker failed on ${where} (see \`consistency check\`).\n`);
    return INTERNAL_FAILURE;
  }
  return errors > 0 || report.rows.some((r) => r.error !== undefined) ? 1 : 0;
}

function explainRow(d: DataModel, analysis: Analysis): ExplainRow {
  const fileProfile = analysis.modelOf(d.origin.uri).files.find((f) => f.uri === d.origin.uri)?.profile?.value;
  const row: ExplainRow = {
    name: d.name,
    uri: d.origin.uri,
    level: d.effective.level?.value.display,
    replication: d.effective.replication && replicationText(d.effective.replication.value),
    profile: fileProfile ?? defaultProfileName,
  };
  try {
    row.estimate = analysis.estimate(d);
    row.profile = row.estimate.profile;
  } catch (e) {
    row.error = e instanceof Error ? e.message : String(e);
  }
  return row;
}

/** As written in the language: `sync`, `async`, `quorum write 2 read 2`; "(assumed)" when the model chose it. */
export function replicationText(r: Replication): string {
  const text = r.mode === 'quorum' ? `quorum write ${r.w} read ${r.r}` : r.mode;
  return r.assumed ? `${text} (assumed)` : text;
}
