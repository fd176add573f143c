// `consistency calibrate <latencies>`: fits the language's delay distributions to measured latencies (a CSV
// of milliseconds or HdrHistogram percentile output) and prints the best fit as a line to paste — a replica's
// work, a link, or a profile entry — with the other candidates as comments, each with its fit error.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fitLatencies, fitLine, readLatencies } from '../../core/estimate/calibrate';
import { profileKeys } from '../../core/model/profiles';
import { formatNumber } from '../../core/estimate/format';
import type { CliContext } from '../context';
import { plural } from '../output/locate';
import { readPolicyText } from '../../host/files';
import { UsageError } from '../files';

/** The largest file of latencies read (a few million measurements). */
export const MAX_LATENCY_FILE_BYTES = 64 * 1024 * 1024;

export interface CalibrateArgs {
  file: string;
  replica?: string;
  link?: string;
  profileKey?: string;
  unit: 'us' | 'ms' | 's';
}

const works = ['write', 'ack', 'read', 'response', 'service'];
const scales = { us: 0.001, ms: 1, s: 1000 };

export function runCalibrate(args: CalibrateArgs, ctx: CliContext): number {
  const path = resolve(ctx.cwd, args.file);
  if (!existsSync(path)) throw new UsageError(`no such file: ${args.file}`);
  if (args.replica && !works.includes(args.replica))
    throw new UsageError(`--replica takes one of ${works.join(', ')} (got '${args.replica}').`);
  if (args.profileKey && !profileKeys.includes(args.profileKey))
    throw new UsageError(`--profile takes a profile key such as postgres.read-service (got '${args.profileKey}').`);
  const link = args.link?.split(',').map((s) => s.trim());
  if (link && (link.length !== 2 || link.some((s) => !s)))
    throw new UsageError(`--link takes two regions, e.g. --link mumbai,delhi (got '${args.link}').`);
  // Only a regular file, and not an endless one (/dev/zero, a FIFO): refused with the reason.
  const read = readPolicyText(path, MAX_LATENCY_FILE_BYTES, 'a file of latencies');
  if ('refused' in read) throw new UsageError(`not reading ${args.file}: ${read.refused}.`);
  const measured = readLatencies(read.text, scales[args.unit]);
  let fits;
  try {
    fits = fitLatencies(measured);
  } catch (e) {
    ctx.err(`consistency: ${(e as Error).message}\n`);
    return 1;
  }
  const prefix = link
    ? `link ${link[0]} <-> ${link[1]}`
    : args.profileKey
      ? args.profileKey
      : `replica ${args.replica ?? 'service'}`;
  const [best, ...others] = fits;
  const source = args.profileKey ? ` source "calibrated from ${args.file}"` : '';
  ctx.out(
    `// ${measured.count} ${measured.format === 'samples' ? 'samples' : 'counts (HdrHistogram)'} from ${args.file}; ` +
      `${measured.points.length} quantiles fitted\n`,
  );
  ctx.out(`${fitLine(prefix, best, measured).replace('  //', `${source}  //`)}\n`);
  for (const f of others) ctx.out(`// ${fitLine(prefix, f, measured)}\n`);
  const error = `${formatNumber(best.meanError * 100, 2)}%`;
  ctx.out(
    `// Best fit: ${best.form} (mean quantile error ${error}) of ` +
      `${plural(others.length + 1, 'form')}; paste the first line.\n`,
  );
  return 0;
}
