// What the commands check about the files they are given, before and after reading them (the reading itself
// is files.ts's): a file that is not a policy is refused unless --force, a file that declares nothing is
// reported, and paths are shown as the user gave them.
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { EXTENSION, UsageError, uriToPath } from './files';

/** Refuses a file argument whose name does not end in .consistency (README.md, a .ts file), unless forced. */
export function refuseNonPolicies(args: string[], cwd: string, force: boolean): void {
  if (force) return;
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue; // a missing path is reported where the files are collected
    }
    if (isFile && !path.endsWith(EXTENSION)) {
      throw new UsageError(
        `${arg} is not a policy file (policy files end in ${EXTENSION}). ` +
          `Give a ${EXTENSION} file or a directory, or pass --force to read it as a policy anyway.`,
      );
    }
  }
}

/** True when a policy text declares nothing: empty, blank, or only comments. */
export function declaresNothing(declarations: number, text: string): boolean {
  return declarations === 0 && !/[^\s]/.test(text.replace(/\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$)/g, ''));
}

export type Shown = (uri: string) => string;

/**
 * How a file is shown: under an absolute argument, absolute (as given); otherwise relative to the working
 * directory, or absolute when it lies outside it (never `../../etc/x`). Other URIs are shown as they are.
 */
export function pathsAsGiven(args: string[], cwd: string): Shown {
  const absolute = args.filter((a) => isAbsolute(a)).map((a) => resolve(a));
  return (uri) => {
    const path = uriToPath(uri);
    if (path === undefined) return uri;
    const under = (root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
    if (absolute.some(under)) return path;
    const rel = relative(cwd, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return path;
    return rel.split(sep).join('/');
  };
}
