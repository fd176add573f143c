// The help texts of the `consistency` command line, and `help rules` (the rule table's codes and summaries).
import { allCodes, codeInfo, defaultSeverity } from '../core/codes';

export const commands = ['check', 'explain', 'export', 'simulate', 'calibrate', 'help'] as const;

const general = `Usage: consistency <command> [options] <files|dirs>…

Checks and explains .consistency policy files (data types, consistency levels, SLAs, topology, cost).

Commands:
  check <files|dirs>…     report contradictions; exit 1 on errors
  explain <files|dirs>…   estimated latency, lag, availability and cost per data type
  export <file>           generate a TypeScript module (levels, SLAs, driver settings)
  simulate <file>         simulate the file's scenarios and data types: latency, anomalies, cost
  calibrate <latencies>   fit delay distributions to measured latencies (CSV or HdrHistogram)
  help [command|rules]    show help for a command, or list every diagnostic code

Options:
  -h, --help              show this help
  -v, --version           print the version

Directories are searched recursively for *.consistency files (node_modules is skipped, and so are out,
dist and hidden folders). Each file is checked in its own scope: the built-in prelude, itself, and the
files it imports (\`import "shared.consistency"\`, read from disk when not given). Files that do not import
one another never share a name. Only regular files of at most 4 MB are read: a FIFO, a socket, a device
or a link to one, or a larger file is refused with the reason, never read.

Exit codes: 0 clean, 1 problems found, 2 usage error or a file that cannot be read, 3 internal error
(the checker failed on a file: every other file's results are still printed), 130 stopped by Ctrl-C.`;

const check = `Usage: consistency check [options] <files|dirs>…

Checks each file in its own scope (itself, its imports, the prelude) and prints every diagnostic:
\`path:line:col: severity code: message\`, the source line with the range underlined, and the suggested fixes.

Options:
  --format <human|json|sarif>   output format (default: human); sarif is SARIF 2.1.0
  --max-warnings <n>            also fail when there are more than n warnings
  --rule <code>=<level>         re-level any code (rules, syntax, model): error, warning, info, hint or off
  --force                       read files named on the command line whose names do not end in .consistency
  -h, --help                    show this help

A file that declares nothing (empty, or only comments) is reported as a warning. A file that cannot be read
(not a regular file, over 4 MB) is named on stderr (and in JSON's \`refused\`, SARIF's notifications) and the
others are checked. If the checker itself fails on a file, that file gets one internal-error diagnostic
(in SARIF: a tool execution notification) and every other file is still checked.
Control characters from a policy or a file name are shown as visible symbols (␛, ␇), never sent raw.
Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage error or a file that
cannot be read, 3 internal error (after printing every other file's results).
Colour is used only when stdout is a terminal and NO_COLOR is not set.`;

const explain = `Usage: consistency explain [options] <files|dirs>…

Prints, per file, the estimated read and write latency (p50/p99), replication lag, availability, monthly
cost and cost per operation of each data type (its level and replication under it), then the assumptions
behind the numbers, grouped by file and data type, and a summary line. Tables fit the terminal: $COLUMNS,
else its width, else 100 columns.

Options:
  --format <human|json>   output format (default: human)
  --force                 read files whose names do not end in .consistency
  -h, --help              show this help

Exit codes: 0 every data type estimated, 1 some could not be or the files have errors, 2 usage error
or a file that cannot be read, 3 internal error.`;

const exportHelp = `Usage: consistency export [options] <file>

Generates one TypeScript module from a policy file: a \`const\` per data type with its level, SLAs,
topology, replication, conflict strategy, estimate and the settings that give the level on Cassandra,
PostgreSQL, MongoDB, DynamoDB and Cosmos DB, then lists what a system cannot give exactly.

Options:
  -o, --output <path>   where to write (default: next to the input, <name>.consistency.ts); - for stdout
  --force               overwrite a file that lacks the generated header; export despite errors; read a
                        file whose name does not end in .consistency
  -h, --help            show this help

Writes only the one file. A relative path (and the default) must stay inside the working directory;
to write elsewhere give an absolute -o path. An existing file is overwritten only when it starts with
the generated header, or with --force; symbolic links are never written through. An unchanged
export leaves the file untouched (the output is byte-identical for unchanged input). The default file is
generated code: commit it with the policy, or add \`*.consistency.ts\` to .gitignore and export at build time.

Exit codes: 0 written or up to date, 1 refused (errors in the policy, unsafe or foreign target),
2 usage error.`;

const simulate = `Usage: consistency simulate [options] <file>

Runs the file's \`scenario\` blocks and the default scenario of each data type in the seeded
discrete-event simulator and prints, per data type, read and write latency (p50/p99/p99.9/max) and
throughput, stale reads and the anomaly counts per guarantee, availability (per fault too) and cost
actuals, then the assumptions grouped by run, and a summary line with the seed. A data type's default
scenario is its own workload (or 100 operations/s), clients in every region of its topology, no faults.

Options:
  --scenario <name>      run this declared scenario block (repeatable)
  --data <name>          run this data type's default scenario (repeatable)
  --seed <n>             seed of the pseudo-random numbers; the same seed gives the same results
                         (default: a scenario's own \`seed\`, else 1; when given it overrides every run's)
  --ops <n>              operations each data type's default run aims for (default 20000; at least one
                         second of load); scenarios run for their declared duration
  --format <human|json>  output format (default: human); json is schema consistency-simulate/2
  --json                 the same as --format json
  --force                read a file whose name does not end in .consistency; let --history write outside
                         the working directory or over a file it did not write
  --history <file>       write the history as JSON lines in Jepsen's form (index, time in ns, type
                         invoke|ok|fail|info, process, f, value); runs go one after another. Like
                         export's -o: never a .consistency file, never through a symbolic link, inside
                         the working directory unless the path is absolute or --force is given
  --time-limit <time>    wall-time limit of the whole simulation, e.g. 90s, 10m, 1h (default 10m); a
                         run still going is stopped and its results so far printed
  -h, --help             show this help

Without --scenario or --data, every scenario in the file runs, then every data type's default scenario.
A progress bar is drawn on stderr only when stderr is a terminal and --json is not given.
Ctrl-C stops the simulation: the results so far are printed (marked as stopped), exit code 130; a
second Ctrl-C quits at once. A run is refused before it starts when it would offer more than
1,000,000,000 operations (load × duration) or need more than 1 GB of memory (keys × replicas × ~400
bytes); the message gives the estimate, and the file's other runs still run.
Exit codes: 0 simulated; 1 the file has errors or declares nothing to simulate, a run could not be
simulated or was refused, the time limit stopped it, or a data type showed an anomaly its level promises
never to show; 2 usage error (--history refused too); 3 internal error; 130 stopped by Ctrl-C.`;

const helpHelp = `Usage: consistency help [check|explain|export|simulate|rules]`;

const calibrate = `Usage: consistency calibrate [options] <latencies>

Fits the language's delay distributions (log-normal, exponential, the PBS paper's Pareto/exponential
mixture) to measured latencies and prints the best fit as a line to paste, the other candidates as
comments, each with its fit error (mean and worst relative error of the quantiles).

<latencies> is a CSV of milliseconds (the first number of each row; a header is skipped) or
HdrHistogram percentile output (Value Percentile TotalCount 1/(1-Percentile)).

Options:
  --replica <work>   print \`replica <work> …\` (write, ack, read, response, service; default service)
  --link <a>,<b>     print \`link a <-> b …\` (the latencies are round trips between a and b)
  --profile <key>    print a profile entry, e.g. --profile postgres.read-service
  --unit <us|ms|s>   the unit of the numbers (default ms)
  -h, --help         show this help

Exit codes: 0 fitted, 1 too few distinct values to fit, 2 usage error.`;

export function helpText(topic?: string): string | undefined {
  switch (topic) {
    case undefined:
      return general;
    case 'check':
      return check;
    case 'explain':
      return explain;
    case 'export':
      return exportHelp;
    case 'simulate':
      return simulate;
    case 'calibrate':
      return calibrate;
    case 'help':
      return helpHelp;
    case 'rules':
      return rulesText();
    default:
      return undefined;
  }
}

function rulesText(): string {
  const rows = allCodes
    .map((code) => ({ code, severity: defaultSeverity(code), summary: codeInfo(code).summary }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const width = Math.max(...rows.map((r) => r.code.length));
  return [
    'Diagnostic codes (default severity):',
    '',
    ...rows.map((r) => `  ${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}`),
  ].join('\n');
}
