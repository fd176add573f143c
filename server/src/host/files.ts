// Reading policy files from disk, the same way for the CLI and the language server: only regular files (a
// FIFO, a socket or a link to a device is refused without being opened for a blocking read), at most
// MAX_FILE_BYTES, found by one directory walk with one skip list; the workspace boundary is a path relation.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export const EXTENSION = '.consistency';
/** The largest policy file read (real policies are a few KB). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Directories never searched below a root (a root given explicitly is searched whatever its name). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'out', 'dist']);

/** A directory the walk does not enter: the skip list, and hidden directories (.git, .vscode-test, …). */
export function isSkippedDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.');
}

type Kind = Pick<
  Stats,
  'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'
>;

export type ReadResult = { text: string } | { refused: string };

/** What a non-regular file is, for messages: "a FIFO", "a character device", … */
export function kindOf(st: Kind): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return st.isFile() ? 'a regular file' : 'not a regular file';
}

/** 4 MB, 12.3 MB, 900 KB, 17 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} byte${n === 1 ? '' : 's'}`;
}

function tooBig(size: number, limit: number): string {
  return `it is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for a policy file`;
}

/** Why a path is not read as a policy (not a regular file, too big), or undefined when it may be. */
export function refusal(st: Stats, limit = MAX_FILE_BYTES): string | undefined {
  if (!st.isFile()) return `it is ${kindOf(st)}, not a regular file`;
  if (st.size > limit) return tooBig(st.size, limit);
  return undefined;
}

/**
 * The UTF-8 text of a regular file of at most `limit` bytes, or why it is not read. Symbolic links to regular
 * files are followed. The file is opened non-blocking and checked again once open, so a path swapped for a
 * FIFO in between never blocks, and at most `limit` + 1 bytes are ever read.
 */
export function readPolicyText(path: string, limit = MAX_FILE_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    const before = refusal(statSync(path), limit);
    if (before) return { refused: before };
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    const after = refusal(st, limit);
    if (after) return { refused: after };
    const buffer = Buffer.alloc(Math.min(st.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > limit) return { refused: tooBig(length, limit) + ' (it grew while being read)' };
    return { text: buffer.toString('utf8', 0, length) };
  } catch (e) {
    return { refused: errnoText(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file-system error as a reason: "no such file (ENOENT)", "permission denied (EACCES)". */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ENXIO: 'it is a socket or device with nothing behind it',
    ELOOP: 'too many symbolic links',
  };
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

export interface Walked {
  /** Absolute paths of the policy files found (regular files, or links to them), sorted. */
  files: string[];
  /** Entries named *.consistency that are not read, with the reason. */
  refused: { path: string; reason: string }[];
  /** True when the walk stopped at `limit` files. */
  truncated: boolean;
}

/**
 * Every *.consistency file under `root`, in sorted order, without recursion: skipped directories are not
 * entered, links to directories are not followed (no cycles), and entries that are not regular files (a FIFO,
 * a socket, a link to /dev/zero) are listed as refused, never opened.
 */
export function walkPolicyFiles(root: string, limit = Infinity): Walked {
  const out: Walked = { files: [], refused: [], truncated: false };
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable directory: nothing under it
    }
    const dirs: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!isSkippedDir(e.name)) dirs.push(path);
        continue;
      }
      if (!e.name.endsWith(EXTENSION)) continue;
      if (out.files.length >= limit) {
        out.truncated = true;
        return out;
      }
      if (e.isFile()) out.files.push(path);
      else if (e.isSymbolicLink()) {
        const why = linkRefusal(path);
        if (why === undefined) out.files.push(path);
        else out.refused.push({ path, reason: why });
      } else out.refused.push({ path, reason: `it is ${kindOf(e)}, not a regular file` });
    }
    for (let i = dirs.length - 1; i >= 0; i--) stack.push(dirs[i]); // popped in sorted order
  }
  out.files.sort();
  return out;
}

function linkRefusal(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? undefined : `it is a symbolic link to ${kindOf(st)}, not to a regular file`;
  } catch (e) {
    return `it is a broken symbolic link: ${errnoText(e)}`;
  }
}

/** True when `path` is `root` or lies under it: a path relation (`/x/ws` does not contain `/x/ws-secret`). */
export function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path);
  if (rel === '') return true;
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}
