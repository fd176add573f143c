// The `consistency` command line as a function: parses arguments, dispatches to a command, maps failures to
// exit codes (0 clean, 1 errors found, 2 usage error or unreadable input, 3 internal failure, 130 stopped by
// Ctrl-C). No language logic lives here; the process around it (streams, exit code) is bin.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allCodes, isCode } from '../core/codes';
import type { Severity } from '../core/diagnostic';
import { closest } from '../core/util/suggest';
import { INTERNAL_FAILURE } from './exit-codes';
import { parse } from './args';
import { analysisCommands, otherCommands } from './command-groups';
import type { CliContext } from './context';
import { pathToUri, UsageError } from './files';
import { commands, helpText } from './help';
import type { ToolInfo } from './output/locate';
import { escapeControls, guardOutput } from './output/safe-text';

const severities = ['error', 'warning', 'info', 'hint', 'off'] as const;

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code (a promise for a simulation in
 * a worker).
 */
export function run(argv: string[], given: CliContext): number | Promise<number> {
  // Nothing a policy or a file name holds reaches the terminal as a control sequence.
  const ctx: CliContext = { ...given, out: (t) => given.out(guardOutput(t)), err: (t) => given.err(guardOutput(t)) };
  const usage = (e: unknown) => {
    if (!(e instanceof UsageError)) {
      const what = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
      const ask = 'please report it with the command and its files';
      ctx.err(`consistency: internal error (${ask}):\n${escapeControls(what)}\n`);
      return INTERNAL_FAILURE;
    }
    ctx.err(`consistency: ${escapeControls(e.message)}\n`);
    return 2;
  };
  try {
    const code = dispatch(argv, ctx);
    return typeof code === 'number' ? code : code.catch(usage);
  } catch (e) {
    return usage(e);
  }
}

function dispatch(argv: string[], ctx: CliContext): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    ctx.err(helpText() + '\n');
    return 2;
  }
  if (first === '-h' || first === '--help') return print(ctx, helpText());
  if (first === '-v' || first === '--version') return print(ctx, ctx.tool.version);
  if (first === 'help') {
    const text = helpText(rest[0]);
    if (text === undefined || rest.length > 1)
      throw new UsageError(`no help on '${rest.join(' ')}'; try: ${[...commands, 'rules'].join(', ')}.`);
    return print(ctx, text);
  }
  if (first === 'check') {
    const { values, positionals } = parse('check', rest, {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return print(ctx, helpText('check'));
    return analysisCommands(ctx.env).runCheck(
      {
        paths: needPaths(positionals, 'check'),
        format: oneOf(values.format, ['human', 'json', 'sarif'] as const, '--format'),
        maxWarnings: count(values['max-warnings']),
        rules: ruleSettings(values.rule ?? []),
        force: values.force === true,
      },
      ctx,
    );
  }
  if (first === 'explain') {
    const { values, positionals } = parse('explain', rest, {
      format: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return print(ctx, helpText('explain'));
    const format = oneOf(values.format, ['human', 'json'] as const, '--format');
    return analysisCommands(ctx.env).runExplain(
      { paths: needPaths(positionals, 'explain'), format, force: values.force === true },
      ctx,
    );
  }
  if (first === 'export') {
    const { values, positionals } = parse('export', rest, {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return print(ctx, helpText('export'));
    if (positionals.length !== 1)
      throw new UsageError(`export takes exactly one policy file. Run 'consistency help export'.`);
    return otherCommands(ctx.env).runExport(
      { file: positionals[0], output: values.output, force: values.force === true },
      ctx,
    );
  }
  if (first === 'simulate') {
    const { values, positionals } = parse('simulate', rest, {
      data: { type: 'string', multiple: true },
      scenario: { type: 'string', multiple: true },
      seed: { type: 'string' },
      ops: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
      history: { type: 'string' },
      'time-limit': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return print(ctx, helpText('simulate'));
    if (positionals.length !== 1)
      throw new UsageError(`simulate takes exactly one policy file. Run 'consistency help simulate'.`);
    const data = values.data ?? [];
    const scenarios = values.scenario ?? [];
    const seed = whole(values.seed, '--seed', 0, 0xffff_ffff);
    const ops = whole(values.ops, '--ops', 1, 100_000_000);
    const format = oneOf(values.format, ['human', 'json'] as const, '--format');
    const json = format === 'json' || values.json === true;
    const history = values.history;
    const force = values.force === true;
    const timeLimitText = values['time-limit'];
    const timeLimitMs = timeLimitText === undefined ? undefined : duration(timeLimitText, '--time-limit');
    const knobs = { seed, ops, json, history, force, timeLimitMs, timeLimitText };
    return otherCommands(ctx.env).runSimulate({ file: positionals[0], data, scenarios, ...knobs }, ctx);
  }
  if (first === 'calibrate') {
    const { values, positionals } = parse('calibrate', rest, {
      replica: { type: 'string' },
      link: { type: 'string' },
      profile: { type: 'string' },
      unit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return print(ctx, helpText('calibrate'));
    if (positionals.length !== 1)
      throw new UsageError(`calibrate takes exactly one file of latencies. Run 'consistency help calibrate'.`);
    const unit = oneOf(values.unit, ['ms', 'us', 's'] as const, '--unit');
    const opts = { replica: values.replica, link: values.link, profileKey: values.profile };
    return otherCommands(ctx.env).runCalibrate({ file: positionals[0], ...opts, unit }, ctx);
  }
  const suggestion = first.startsWith('-') ? undefined : closest(first, [...commands]);
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  throw new UsageError(
    `unknown ${first.startsWith('-') ? 'option' : 'command'} '${first}'.${hint} Run 'consistency --help' for usage.`,
  );
}

function print(ctx: CliContext, text: string | undefined): number {
  ctx.out(`${text}\n`);
  return 0;
}

function needPaths(paths: string[], command: string): string[] {
  if (paths.length === 0)
    throw new UsageError(`${command} needs at least one file or directory. Run 'consistency help ${command}'.`);
  return paths;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value === undefined) return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}').`);
}

function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number ≥ 0 (got '${value}').`);
  return Number(value);
}

function whole(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${option} needs a whole number from ${min} to ${max} (got '${value}').`);
  return Number(value);
}

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h`, `500ms` or a number of seconds, from 100 ms to 24 hours, in milliseconds. */
function duration(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  const ms = m ? Number(m[1]) * unitMs[m[2] ?? 's'] : NaN;
  if (!(ms >= 100 && ms <= 24 * 3_600_000)) {
    throw new UsageError(`${option} needs a duration from 100ms to 24h, such as 90s, 10m or 1h (got '${value}').`);
  }
  return ms;
}

function ruleSettings(specs: string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const spec of specs) {
    const [code, level] = spec.split('=');
    if (!isCode(code)) {
      const suggestion = closest(code, allCodes);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      throw new UsageError(`--rule: unknown code '${code}'.${hint} Run 'consistency help rules'.`);
    }
    if (!(severities as readonly string[]).includes(level ?? ''))
      throw new UsageError(`--rule ${code}=… needs one of ${severities.join(', ')}.`);
    out[code] = level as Severity | 'off';
  }
  return out;
}

/** Name, version and home of the tool, from the package.json above the running script. */
export function toolInfo(from: string): ToolInfo {
  for (let dir = dirname(from), i = 0; i < 6; dir = dirname(dir), i++) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
      version?: string;
      homepage?: string;
      repository?: string | { url?: string };
    };
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const home = repo?.replace(/^git\+/, '').replace(/\.git$/, '');
    const localDoc = pathToUri(join(dir, 'docs', 'rules.md'));
    const informationUri = pkg.homepage ?? home ?? localDoc;
    // Each code's help is its section of docs/rules.md: in the repository the package names, else the installed copy.
    const rulesDoc = home && /^https:\/\/github\.com\//.test(home) ? `${home}/blob/HEAD/docs/rules.md` : localDoc;
    return { name: 'consistency', version: pkg.version ?? '0.0.0', informationUri, rulesDoc };
  }
  const informationUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/';
  const rulesDoc = pathToUri(join(process.cwd(), 'docs', 'rules.md'));
  return { name: 'consistency', version: '0.0.0', informationUri, rulesDoc };
}
