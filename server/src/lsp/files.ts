// The workspace's .consistency files on disk, through the host's one reader and walker: found under the
// workspace folders at start-up, read again when a watcher reports a change or an editor closes one. Only
// regular files within the size limit are read; anything else is refused with a reason the server logs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTENSION, isWithin, readPolicyText, walkPolicyFiles, type ReadResult } from '../host/files';

/** Files found and files refused under the workspace folders. */
export interface Found {
  uris: string[];
  refused: { uri: string; reason: string }[];
}

/** Every .consistency file under the roots (file: URIs), at most `limit`, and those refused (FIFOs, devices). */
export function scanPolicyFiles(roots: string[], limit = 5000): Found {
  const found: Found = { uris: [], refused: [] };
  for (const root of roots) {
    const dir = pathOf(root);
    if (dir === undefined) continue;
    const walked = walkPolicyFiles(dir, limit - found.uris.length);
    found.uris.push(...walked.files.map((p) => pathToFileURL(p).href));
    found.refused.push(...walked.refused.map((r) => ({ uri: pathToFileURL(r.path).href, reason: r.reason })));
  }
  return found;
}

/** URIs of every .consistency file under the roots, at most `limit`. */
export function findPolicyFiles(roots: string[], limit = 5000): string[] {
  return scanPolicyFiles(roots, limit).uris;
}

/** The text of a .consistency file under one of the roots, or why it is not read (outside, not a file, too big). */
export function readWorkspacePolicy(uri: string, roots: string[]): ReadResult {
  const path = pathOf(uri);
  if (path === undefined || !path.endsWith(EXTENSION)) return { refused: 'it is not a .consistency file: URI' };
  if (
    !roots.some((r) => {
      const root = pathOf(r);
      return root !== undefined && isWithin(path, root);
    })
  ) {
    return { refused: 'it is outside the workspace folders' };
  }
  return readPolicyText(path);
}

/** The text of a file under one of the roots, or undefined (outside the workspace, missing, not a file, too big). */
export function readWorkspaceFile(uri: string, roots: string[]): string | undefined {
  const r = readWorkspacePolicy(uri, roots);
  return 'text' in r ? r.text : undefined;
}

/** The text of any file: URI (an import outside the workspace, the target of an export), or undefined. */
export function readTargetFile(uri: string): string | undefined {
  const path = pathOf(uri);
  if (path === undefined) return undefined;
  const r = readPolicyText(path);
  return 'text' in r ? r.text : undefined;
}

function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined; // not a file: URI
  }
}
