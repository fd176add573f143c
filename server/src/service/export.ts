// `consistency/exportTypeScript`: the generated TypeScript module of one policy file, where it goes by
// default, and whether writing there is allowed (the core generator and header check; no file access here).
import { generatedFileName, mayOverwrite } from '../core/export/header';
import { exportTypeScript } from '../core/export/typescript';
import { isBuiltin } from '../core/model/build-model';
import type { Snapshot } from './snapshot';

export interface ExportTypeScriptParams {
  uri: string;
}

export interface ExportTypeScriptResult {
  /** The generated module. */
  text: string;
  /** The URI of `<name>.consistency.ts` beside the policy (the rule of `consistency export`). */
  suggestedPath: string;
  /** False when the target exists and lacks the generated header (the user must confirm overwriting). */
  overwriteAllowed: boolean;
  /** Error diagnostics in the policy file: the module is still generated, the client warns. */
  errors: number;
}

/** The URI of the generated module beside the policy `uri` (URI-encoded names keep their suffixes). */
export function suggestedExportUri(uri: string): string {
  const cut = Math.max(uri.lastIndexOf('/'), uri.indexOf(':')) + 1;
  return uri.slice(0, cut) + generatedFileName(uri.slice(cut));
}

/** The export of policy `uri`; `readTarget` gives the text of a file (undefined when it does not exist).
 *  Undefined for documents not in the snapshot and for built-in documents. */
export function exportTypeScriptFile(
  s: Snapshot,
  uri: string,
  readTarget: (uri: string) => string | undefined,
): ExportTypeScriptResult | undefined {
  if (!s.document(uri) || isBuiltin(uri)) return undefined;
  const { text } = exportTypeScript(s.analysis, uri);
  const suggestedPath = suggestedExportUri(uri);
  const errors = s.analysis.diagnostics.filter((d) => d.uri === uri && d.severity === 'error').length;
  return { text, suggestedPath, overwriteAllowed: mayOverwrite(readTarget(suggestedPath)), errors };
}
