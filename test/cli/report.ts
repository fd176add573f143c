// Test helper: analyses in-memory files as if they sat in a project directory, and returns the report the
// CLI formatters take (no spawning, no file system).
import { join } from 'node:path';
import { pathToUri } from '../../server/src/cli/files';
import type { CheckReport, ToolInfo } from '../../server/src/cli/output/locate';
import { analyze } from '../../server/src/core/pipeline';

export const CWD = '/project';
export const TOOL: ToolInfo = {
  name: 'consistency',
  version: '9.9.9',
  informationUri: 'https://example.invalid/consistency',
  rulesDoc: 'https://example.invalid/consistency/docs/rules.md',
};

export const uriOf = (rel: string) => pathToUri(join(CWD, rel));

/** `files`: path relative to CWD → text. */
export function reportFor(files: Record<string, string>): CheckReport {
  const sources = Object.entries(files).map(([rel, text]) => ({ uri: uriOf(rel), text }));
  const analysis = analyze(sources);
  return {
    files: sources.map((s) => s.uri).sort(),
    texts: new Map([...analysis.documents].map(([uri, d]) => [uri, d.text])),
    diagnostics: analysis.diagnostics,
    cwd: CWD,
  };
}

/** A topology and a clean data type: no diagnostics. */
export const CLEAN =
  'topology india { region mumbai { primary } }\ndata cart {\n  topology india\n  consistency eventual\n}\n';

/** One unknown-reference error on line 3, columns 12–16, with a fix. */
export const ONE_ERROR =
  'topology india { region mumbai { primary } }\ndata cart {\n  topology indai\n  consistency eventual\n}\n';

/** One missing-consistency warning (and nothing else). */
export const ONE_WARNING = 'topology india { region mumbai { primary } }\ndata cart {\n  topology india\n}\n';
