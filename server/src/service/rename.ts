// Rename a topology, region, tier, data type or transaction everywhere it is used, across files. Refused,
// with a message saying why, on built-ins, unresolved names, invalid names and names already taken.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Origin } from '../core/model/model';
import { tokenize } from '../core/syntax/lexer';
import { occurrences, symbolAt, type SymbolAt } from './locate';
import { toOffset, toRange } from './positions';
import type { Snapshot } from './snapshot';

export type Refusal = { error: string };

const kindWords = {
  topology: 'topology',
  region: 'region',
  tier: 'tier',
  data: 'data type',
  transaction: 'transaction',
  scenario: 'scenario',
} as const;

function renameable(s: Snapshot, uri: string, position: Position): SymbolAt | Refusal | undefined {
  if (!s.document(uri)) return undefined;
  const sym = symbolAt(s, uri, toOffset(s.lines.get(uri), position));
  if (!sym) return undefined;
  if (!sym.target) return { error: `'${sym.name}' is not declared anywhere, so there is nothing to rename.` };
  if (sym.declaration?.builtin) {
    return {
      error:
        `'${sym.name}' is a built-in ${kindWords[sym.kind]} (${sym.target.uri}) and cannot ` +
        `be renamed. To change it, declare your own ${kindWords[sym.kind]} with another name.`,
    };
  }
  return sym;
}

export function prepareRename(
  s: Snapshot,
  uri: string,
  position: Position,
): { range: Range; placeholder: string } | Refusal | null {
  const sym = renameable(s, uri, position);
  if (!sym) return null;
  if ('error' in sym) return sym;
  return { range: toRange(s.lines.get(uri), sym.range), placeholder: sym.name };
}

/** Why `name` cannot name a symbol of this kind, if it cannot. */
function invalidName(name: string, sym: SymbolAt): string | undefined {
  const tokens = tokenize(name, 'rename:').tokens;
  // Keywords are names too (`data profile`), so a word of either kind will do.
  const kinds = tokens.map((t) => (t.tokenType.name.startsWith('Kw_') ? 'Identifier' : t.tokenType.name));
  const qualified =
    sym.kind === 'tier' &&
    kinds.every((k, i) => (i % 2 === 0 ? k === 'Identifier' : k === 'Dot')) &&
    kinds.length % 2 === 1;
  const plain = kinds.length === 1 && kinds[0] === 'Identifier';
  const joined = tokens.map((t) => t.image).join('') === name;
  if ((plain || qualified) && joined) return undefined;
  const shape =
    sym.kind === 'tier'
      ? 'a name such as `team.payments`'
      : 'a name such as `account_balance` (letters, digits, _ and -)';
  return `'${name}' is not a valid ${kindWords[sym.kind]} name: use ${shape}.`;
}

export function rename(s: Snapshot, uri: string, position: Position, newName: string): WorkspaceEdit | Refusal {
  const sym = renameable(s, uri, position);
  if (!sym)
    return { error: 'Put the cursor on the name of a topology, region, tier, data type or transaction to rename it.' };
  if ('error' in sym) return sym;
  const invalid = invalidName(newName, sym);
  if (invalid) return { error: invalid };
  if (newName === sym.name) return { changes: {} };
  // Taken where it matters: in any file that sees the declaration (its own scope: the prelude, itself, its imports).
  const target = sym.target!;
  const sees = (d: { origin: Origin }) => d.origin.uri === target.uri && d.origin.range.start === target.range.start;
  const seers = [...s.analysis.units.values()].filter((u) => u.model.declarations.some(sees));
  const taken = seers
    .flatMap((u) => u.model.declarations)
    .find((d) => d.kind === sym.kind && d.name === newName && (sym.kind !== 'region' || d.container === sym.scope));
  if (taken) {
    const line = s.lines.get(taken.origin.uri).position(taken.origin.range.start).line + 1;
    return { error: `A ${kindWords[sym.kind]} named '${newName}' already exists (${taken.origin.uri} line ${line}).` };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences(s, sym.target!)) {
    (changes[o.uri] ??= []).push({ range: toRange(s.lines.get(o.uri), o.range), newText: newName });
  }
  return { changes };
}
