// The workspace's .consistency files on disk: found under the workspace folders at start-up, and read
// again when an editor closes one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const skipped = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

/** URIs of every .consistency file under the roots (file: URIs), at most `limit`. */
export function findPolicyFiles(roots: string[], limit = 5000): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= limit) return;
      if (e.isDirectory() && !skipped.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name));
      else if (e.isFile() && e.name.endsWith('.consistency')) out.push(pathToFileURL(join(dir, e.name)).href);
    }
  };
  for (const root of roots) {
    try {
      walk(fileURLToPath(root));
    } catch {
      // not a file: URI
    }
  }
  return out;
}

/** The text of a file under one of the roots, or undefined (outside the workspace, missing, not a file). */
export function readWorkspaceFile(uri: string, roots: string[]): string | undefined {
  try {
    const path = fileURLToPath(uri);
    if (!uri.endsWith('.consistency') || !roots.some((r) => path.startsWith(fileURLToPath(r)))) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The text of any file: URI (the target of an export, to check its generated header), or undefined. */
export function readTargetFile(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
