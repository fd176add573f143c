// What is at an offset: the declared or referenced name under the cursor, every occurrence of a symbol,
// the enclosing declaration and property, a level expression, and the `///` doc comment of a declaration.
import type { Declared, Origin, SymbolKind } from '../core/model/model';
import type * as A from '../core/syntax/ast';
import type { ParsedDocument } from '../core/syntax/parse';
import { contains, type Range } from '../core/util/range';
import type { Snapshot } from './snapshot';

export interface SymbolAt {
  kind: SymbolKind;
  name: string;
  /** The occurrence under the cursor: a reference, or the declaration's name. */
  range: Range;
  /** The declaration's name; undefined when the reference does not resolve. */
  target?: Origin;
  declaration?: Declared;
  /** For regions: the topology. */
  scope?: string;
}

const sameOrigin = (a: Origin, b: Origin) => a.uri === b.uri && a.range.start === b.range.start;

export function declarationOf(s: Snapshot, target: Origin): Declared | undefined {
  return s.analysis.declarations.find((d) => sameOrigin(d.origin, target));
}

export function symbolAt(s: Snapshot, uri: string, offset: number): SymbolAt | undefined {
  const { references, declarations } = s.analysis;
  const ref = references.find((r) => r.uri === uri && contains(r.range, offset));
  if (ref) {
    const declaration = ref.target && declarationOf(s, ref.target);
    return {
      kind: ref.kind,
      name: ref.name,
      range: ref.range,
      target: ref.target,
      declaration,
      scope: ref.scope ?? declaration?.container,
    };
  }
  const decl = declarations.find((d) => d.origin.uri === uri && contains(d.origin.range, offset));
  if (decl)
    return {
      kind: decl.kind,
      name: decl.name,
      range: decl.origin.range,
      target: decl.origin,
      declaration: decl,
      scope: decl.container,
    };
  return undefined;
}

/** The declaration's name and every reference bound to it, in every file that sees it (each as that file sees it). */
export function occurrences(s: Snapshot, target: Origin, includeDeclaration = true): Origin[] {
  const refs = s.analysis.references
    .filter((r) => r.target && sameOrigin(r.target, target))
    .map((r) => ({ uri: r.uri, range: r.range }));
  return includeDeclaration ? [target, ...refs] : refs;
}

export function declarationAt(file: A.PolicyFile, offset: number): A.Declaration | undefined {
  return file.declarations.find((d) => contains(d.range, offset));
}

export interface PropertyVisit {
  prop: A.Property;
  owner: A.TierDecl | A.DataDecl;
}

/** Every property of the file's tiers and data types, `when` bodies included, in text order. */
export function properties(file: A.PolicyFile): PropertyVisit[] {
  const out: PropertyVisit[] = [];
  const walk = (body: A.Property[], owner: A.TierDecl | A.DataDecl) => {
    for (const prop of body) {
      out.push({ prop, owner });
      if (prop.kind === 'when') walk(prop.body, owner);
    }
  };
  for (const d of file.declarations) if (d.kind === 'tier' || d.kind === 'data') walk(d.body, d);
  return out;
}

/** The level written after `consistency` or `degrade to`, when the offset is on its name. */
export function levelNameAt(file: A.PolicyFile, offset: number): A.LevelExpr | undefined {
  for (const { prop } of properties(file)) {
    const level = prop.kind === 'consistency' || prop.kind === 'degrade' ? prop.level : undefined;
    if (level && contains(level.name.range, offset)) return level;
  }
  return undefined;
}

/** The `///` comment lines right above `start` (nothing but white space between), without the slashes. */
export function docComment(doc: ParsedDocument, start: number): string | undefined {
  const lines: string[] = [];
  let end = start;
  for (let i = doc.comments.length - 1; i >= 0; i--) {
    const c = doc.comments[i];
    const cEnd = c.startOffset + c.image.length;
    if (cEnd > end) continue;
    if (doc.text.slice(cEnd, end).trim() !== '' || !c.image.startsWith('///')) break;
    lines.unshift(c.image.slice(3).trim());
    end = c.startOffset;
  }
  return lines.length ? lines.join('\n') : undefined;
}
