// The CLI's file system edge: collects .consistency files from the paths given (directories recursively,
// sorted, node_modules skipped), reads them, and converts between file URIs and the paths users see.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXTENSION = '.consistency';
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface InputFile {
  /** Absolute path. */
  path: string;
  uri: string;
  text: string;
}

/** A problem with the paths given: reported as a usage error (exit 2). */
export class UsageError extends Error {}

/** Absolute paths of every .consistency file under `args` (files given explicitly are kept whatever their name). */
export function collectFiles(args: string[], cwd: string): string[] {
  const found = new Set<string>();
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
      const inDir = new Set<string>();
      walk(abs, inDir);
      if (inDir.size === 0) throw new UsageError(`no ${EXTENSION} files in ${arg}`);
      for (const f of inDir) found.add(f);
    }
  }
  return [...found].sort();
}

function walk(dir: string, into: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    // Symbolic links to directories are not followed (no cycles); links to files are read.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(p, into);
    } else if (entry.name.endsWith(EXTENSION) && (entry.isFile() || isLinkToFile(p))) into.add(p);
  }
}

function isLinkToFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function readFiles(paths: string[]): InputFile[] {
  return paths.map((path) => {
    try {
      return { path, uri: pathToUri(path), text: readFileSync(path, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
}

/** The text of a file an `import` names (a .consistency file URI), or undefined when it cannot be read. */
export function readImport(uri: string): string | undefined {
  const path = uriToPath(uri);
  if (path === undefined || !path.endsWith(EXTENSION)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
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
  if (path === undefined) return false;
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
