// Parsing a command's options with node's parseArgs, with errors a user can act on: what was wrong, with
// which option, and how to write it (a did-you-mean, `--format json` for `--json`, an example value).
// A negative number after an option is its value (`--seed -1` is read as --seed=-1 and then refused by range).
import { parseArgs } from 'node:util';
import { closest } from '../core/util/suggest';
import { UsageError } from './files';

export type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** What each option's value is, for "needs a value" errors. */
const values: Record<string, string> = {
  format: 'an output format, e.g. --format json',
  'max-warnings': 'a whole number, e.g. --max-warnings 0',
  rule: 'a code and a level, e.g. --rule lww-on-money=warning',
  output: "a file path, e.g. -o policy.ts, or '-' for stdout",
  data: 'a data type of the file, e.g. --data wallet_balance',
  scenario: 'a scenario of the file, e.g. --scenario holi_partition',
  seed: 'a whole number from 0 to 4294967295, e.g. --seed 42',
  ops: 'a whole number of operations, e.g. --ops 5000',
  history: 'a file path, e.g. --history run.jsonl',
  'time-limit': 'a duration, e.g. --time-limit 90s (or 10m, 1h)',
  replica: 'a kind of work, e.g. --replica read',
  link: 'two regions, e.g. --link mumbai,delhi',
  profile: 'a profile key, e.g. --profile postgres.read-service',
  unit: 'us, ms or s, e.g. --unit us',
};

/** Formats that other tools spell as flags of their own. */
const formatFlags = ['--json', '--sarif', '--human'];

/** The command's values typed from its option table: a string option's value is `string | undefined`, a
 *  multiple one's `string[] | undefined`, a boolean's `boolean | undefined`. */
export function parse<const O extends Options>(command: string, args: string[], options: O) {
  const help = `Run 'consistency help ${command}'.`;
  try {
    return parseArgs({ args: negativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) {
      const flag = unknown.split('=')[0];
      const names = Object.keys(options).map((n) => `--${n}`);
      const hint = formatFlags.includes(flag) && options.format ? `--format ${flag.slice(2)}` : closest(flag, names);
      throw new UsageError(`${command}: unknown option '${unknown}'.${hint ? ` Did you mean '${hint}'?` : ''} ${help}`);
    }
    const missing = /Option '(?:-\w, )?--([\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(message)?.[1];
    if (missing) {
      const short = options[missing]?.short ? `-${options[missing].short}/` : '';
      const what = values[missing] ?? 'see the help';
      throw new UsageError(`${command}: ${short}--${missing} needs a value: ${what}. ${help}`);
    }
    const flagValue = /Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(message)?.[1];
    if (flagValue) throw new UsageError(`${command}: --${flagValue} takes no value (it is on when given). ${help}`);
    throw new UsageError(`${command}: ${message.split('\n')[0]} ${help}`);
  }
}

/** `--seed -1` → `--seed=-1`: a negative number after an option that takes a value is that value. */
function negativeValues(args: string[], options: Options): string[] {
  const takesValue = (arg: string) => {
    const short = (n: string) => options[n].short === arg.slice(1);
    const name = arg.startsWith('--') ? arg.slice(2) : Object.keys(options).find(short);
    return name !== undefined && options[name]?.type === 'string' ? name : undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--?[\w-]+$/.test(args[i]) ? takesValue(args[i]) : undefined;
    if (name && /^-\d/.test(args[i + 1] ?? '')) out.push(`--${name}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}
