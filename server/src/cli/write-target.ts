// Where the CLI may write (export's -o, simulate's --history): inside the working directory unless the path
// is absolute or forced, never over a policy file, never through a symbolic link, never into something that
// is not a regular file, and never over a file another tool wrote unless forced; what cannot be written is a
// clear message, not a raw error code.
import { closeSync, constants, existsSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { errnoText, EXTENSION, kindOf } from '../host/files';
import { UsageError } from './files';

/** True when `target` (which may not exist yet) is inside `cwd`, symbolic links resolved. */
export function insideDirectory(target: string, cwd: string): boolean {
  let dir = dirname(target);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const real = join(realpathSync(dir), relative(dir, target));
  const rel = relative(realpathSync(cwd), real);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

export interface HistoryTarget {
  /** The option and value as given, for messages: `--history out.jsonl`. */
  option: string;
  /** The absolute path. */
  path: string;
  /** The value was an absolute path: writing outside the working directory was asked for. */
  absolute: boolean;
  force: boolean;
  cwd: string;
  /** The first bytes a file this command wrote starts with (an existing file without them is someone else's). */
  signature: string;
}

/**
 * Opens `t.path` for writing (truncated) after every check, or throws a UsageError saying why not. The file is
 * opened with O_NOFOLLOW, so a link swapped in after the checks is not followed either.
 */
export function openWriteTarget(t: HistoryTarget): number {
  const refuse = (why: string) => new UsageError(`${t.option}: not writing there: ${why}`);
  if (t.path.endsWith(EXTENSION)) throw refuse(`it is a policy file (${EXTENSION}). Give another path, e.g. run.jsonl.`);
  const st = lstatSync(t.path, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw refuse('it is a symbolic link.');
  if (st && !st.isFile()) throw refuse(`it is ${kindOf(st)}; give a file path.`);
  const dir = dirname(t.path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw refuse(`no such directory ${dir}. Create it first.`);
  if (!t.absolute && !t.force && !insideDirectory(t.path, t.cwd)) {
    throw refuse(`it is outside the working directory ${t.cwd}. Give an absolute path, or --force, to write there.`);
  }
  if (st && st.size > 0 && !t.force && !startsWith(t.path, t.signature)) {
    throw refuse('it exists and was not written by this command. Pass --force to overwrite it.');
  }
  try {
    return openSync(t.path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no file can be made there (ENOENT)' : errnoText(e);
    throw refuse(`${why}. Give a writable path.`);
  }
}

function startsWith(path: string, signature: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const buffer = Buffer.alloc(Buffer.byteLength(signature));
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, n) === signature;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
