// `consistency simulate <file> [--data name]… [--seed n] [--ops n] [--json] [--history out.jsonl]`: runs the
// default scenario of each data type (or the named ones) in the simulator, prints a table per data type or
// the results as JSON, and can write the Jepsen-style history. Exit 1 when a data type could not be
// simulated or a level showed what it promises never to show.
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinScheme } from '../../core/model/build-model';
import { analyze } from '../../core/pipeline';
import { simulateData, type SimulationResult } from '../../core/simulate/index';
import { closest } from '../../core/util/suggest';
import type { CliContext } from '../context';
import { displayPath, readFiles, UsageError } from '../files';
import { countSeverities, plural } from '../output/locate';
import { formatSimulation, progressClear, progressFrame, type SimulateReport } from '../output/simulate-table';
import { wantsColor } from '../output/style';

export interface SimulateArgs {
  file: string;
  /** Data types to run, by name; all of the file's when empty. */
  data: string[];
  seed: number;
  /** Operations each default scenario aims for (undefined: the simulator's default). */
  ops?: number;
  json: boolean;
  /** Where to write the JSONL history. */
  history?: string;
}

/** Writes lines to a file through a 64 KiB buffer (a long run's history never sits in memory whole). */
class LineWriter {
  private fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line = (text: string): void => {
    this.chunks.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= 65536) this.flush();
  };
  flush(): void {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export function runSimulate(args: SimulateArgs, ctx: CliContext): number {
  const input = resolve(ctx.cwd, args.file);
  if (!existsSync(input)) throw new UsageError(`no such file: ${args.file}`);
  if (statSync(input).isDirectory()) throw new UsageError(`simulate takes one policy file; ${args.file} is a directory`);
  const [file] = readFiles([input]);
  const analysis = analyze([{ uri: file.uri, text: file.text }]);
  const all = [...analysis.model.data.values()].filter((d) => !d.origin.uri.startsWith(builtinScheme));
  const names = all.map((d) => d.name);
  for (const n of args.data) {
    if (names.includes(n)) continue;
    const suggestion = closest(n, names);
    const known = names.length ? ` Data types in ${args.file}: ${names.join(', ')}.` : ` ${args.file} declares no data types.`;
    throw new UsageError(`--data: unknown data type '${n}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}${known}`);
  }
  const chosen = args.data.length ? all.filter((d) => args.data.includes(d.name)) : all;
  let historyPath: string | undefined;
  if (args.history !== undefined) {
    historyPath = resolve(ctx.cwd, args.history);
    if (historyPath === input) throw new UsageError(`--history ${args.history} is the policy file itself`);
    if (existsSync(historyPath) && statSync(historyPath).isDirectory()) throw new UsageError(`--history ${args.history} is a directory; give a file path`);
  }

  const errors = countSeverities(analysis.diagnostics).error;
  if (errors > 0) ctx.err(`consistency: note: ${plural(errors, 'error')} in ${args.file} (see \`consistency check\`); results may not mean much until they are fixed.\n`);

  let writer: LineWriter | undefined;
  try {
    writer = historyPath === undefined ? undefined : new LineWriter(historyPath);
  } catch (e) {
    throw new UsageError(`cannot write ${args.history}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const report: SimulateReport = { runs: [], failed: [], seed: args.seed };
  const progress = ctx.stderrIsTTY === true && chosen.length > 0;
  try {
    chosen.forEach((d, i) => {
      const onProgress = progress ? (f: number) => ctx.err(progressFrame((i + f) / chosen.length, d.name)) : undefined;
      onProgress?.(0);
      try {
        report.runs.push(simulateData(analysis.model, d, { seed: args.seed, ops: args.ops, onProgress, onHistory: writer?.line }).result);
      } catch (e) {
        report.failed.push({ data: d.name, error: e instanceof Error ? e.message : String(e) });
      }
    });
  } finally {
    if (progress) ctx.err(progressClear);
    writer?.close();
  }
  const truncated = report.runs.filter((r) => r.history.truncated).map((r) => r.scenario.name);
  if (writer && truncated.length) ctx.err(`consistency: note: the history of ${truncated.join(', ')} was cut at the line limit.\n`);

  if (args.json) ctx.out(JSON.stringify(simulateDocument(report, args, displayPath(file.uri, ctx.cwd), ctx), null, 2) + '\n');
  else ctx.out(formatSimulation(report, { color: wantsColor(ctx.stdoutIsTTY, ctx.env) }));
  const broken = report.runs.some((r) => r.data.some((d) => d.anomalies.violated.length > 0));
  return report.failed.length > 0 || broken ? 1 : 0;
}

export interface JsonSimulateDocument {
  schema: 'consistency-simulate/1';
  tool: { name: string; version: string };
  file: string;
  seed: number;
  ops: number | null;
  runs: SimulationResult[];
  failed: { data: string; error: string }[];
}

/** The `--json` document: nothing in it depends on the wall clock, so the same seed gives the same bytes. */
function simulateDocument(report: SimulateReport, args: SimulateArgs, path: string, ctx: CliContext): JsonSimulateDocument {
  return {
    schema: 'consistency-simulate/1',
    tool: { name: ctx.tool.name, version: ctx.tool.version },
    file: path,
    seed: args.seed,
    ops: args.ops ?? null,
    runs: report.runs,
    failed: report.failed,
  };
}
