// The CLI's file system edge: collects .consistency files from the paths given (directories through the
// host's one walker and skip list), reads them through the host's reader (regular files within the size
// limit only; anything else is refused with the reason, never read), and converts between file URIs and the
// paths users see.
import { statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTENSION, isWithin, readPolicyText, walkPolicyFiles } from '../host/files';

export { EXTENSION };

export interface InputFile {
  /** Absolute path. */
  path: string;
  uri: string;
  text: string;
}

/** A file found but not read: not a regular file (a FIFO, a device), over the size limit, unreadable. */
export interface Refused {
  path: string;
  reason: string;
}

/** A problem with the paths given: reported as a usage error (exit 2). */
export class UsageError extends Error {}

export interface Collected {
  /** Absolute paths, sorted. */
  paths: string[];
  /** Entries named *.consistency under a directory that are not regular files. */
  refused: Refused[];
}

/** Absolute paths of every .consistency file under `args` (files given explicitly are kept whatever their name). */
export function collectInputs(args: string[], cwd: string): Collected {
  const found = new Set<string>();
  const refused: Refused[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
    if (!isDir) found.add(abs);
    else {
      const walked = walkPolicyFiles(abs);
      const none = walked.files.length === 0 && walked.refused.length === 0;
      if (none) throw new UsageError(`no ${EXTENSION} files in ${arg}`);
      for (const f of walked.files) found.add(f);
      refused.push(...walked.refused);
    }
  }
  return { paths: [...found].sort(), refused };
}

/** As collectInputs, for commands that read every file or none: the first file refused is a usage error. */
export function collectFiles(args: string[], cwd: string): string[] {
  const { paths, refused } = collectInputs(args, cwd);
  if (refused.length > 0) throw new UsageError(refusedText(refused[0]));
  return paths;
}

/** "not reading x.consistency: it is a FIFO (named pipe), not a regular file". */
export function refusedText(r: Refused, shown: (path: string) => string = (p) => p): string {
  return `not reading ${shown(r.path)}: ${r.reason}.`;
}

/** Reads every file it may; the others are returned as refused, with the reason. */
export function readEach(paths: string[]): { files: InputFile[]; refused: Refused[] } {
  const files: InputFile[] = [];
  const refused: Refused[] = [];
  for (const path of paths) {
    const r = readPolicyText(path);
    if ('text' in r) files.push({ path, uri: pathToUri(path), text: r.text });
    else refused.push({ path, reason: r.refused });
  }
  return { files, refused };
}

/** Reads every file, or throws a usage error naming the first that cannot be read and why. */
export function readFiles(paths: string[]): InputFile[] {
  const { files, refused } = readEach(paths);
  if (refused.length > 0) throw new UsageError(refusedText(refused[0]));
  return files;
}

/** The text of a file an `import` names (a .consistency file URI), or undefined when it cannot be read. */
export function readImport(uri: string): string | undefined {
  const path = uriToPath(uri);
  if (path === undefined || !path.endsWith(EXTENSION)) return undefined;
  const r = readPolicyText(path);
  return 'text' in r ? r.text : undefined;
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file path of a `file:` URI, or undefined for other schemes (such as the built-in prelude). */
export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** How a URI is shown to users: a path relative to `cwd` for files, the URI itself otherwise. */
export function displayPath(uri: string, cwd: string): string {
  const path = uriToPath(uri);
  if (path === undefined) return uri;
  const rel = relative(cwd, path);
  if (rel === '') return basename(path);
  return isAbsolute(rel) ? rel : rel.split(sep).join('/');
}

/** True when `uri` is a file inside `cwd` (SARIF can then name it relative to the source root). */
export function isInside(uri: string, cwd: string): boolean {
  const path = uriToPath(uri);
  return path !== undefined && path !== resolve(cwd) && isWithin(path, cwd);
}
