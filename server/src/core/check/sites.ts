// Shared by the conflict/session/condition rules: where in a data type's own text a setting is written
// (or the `tier` reference that brought it), and edits that add or replace a property there.
import type { Fix, TextEdit } from '../diagnostic';
import { needsConsensus, type Level } from '../model/levels';
import type { DataModel, Sourced } from '../model/model';
import type * as A from '../syntax/ast';
import type { Range } from '../util/range';

/** Where a setting sits in the data's own text. `own`: the property written there; else the tier reference. */
export interface Site {
  uri: string;
  range: Range;
  own?: A.Property;
}

/** Properties written in the data block and in its `when` branches. */
function ownProps(d: DataModel): A.Property[] {
  return d.decl.body.flatMap((p) => (p.kind === 'when' ? [p, ...p.body] : [p]));
}

const same = (a: Range, b: Range) => a.start === b.start && a.end === b.end;

/**
 * The site of a sourced setting in `d`: the range `valueRange` picks in its own property, or, when it came
 * from a tier, the `tier` reference in the data (or branch) that named it. Undefined when neither is in `d`.
 */
export function siteOf(
  d: DataModel,
  s: Sourced<unknown> | undefined,
  valueRange: (p: A.Property) => Range | undefined,
): Site | undefined {
  if (!s) return undefined;
  const uri = d.origin.uri;
  if (s.tier === undefined && s.origin.uri === uri) {
    const own = ownProps(d).find((p) => same(p.range, s.origin.range));
    if (own) return { uri, range: valueRange(own) ?? own.range, own };
  }
  if (s.tier !== undefined) {
    const ref = ownProps(d).find((p): p is A.PropertyOf<'tier'> => p.kind === 'tier' && p.ref?.text === s.tier);
    if (ref?.ref) return { uri, range: ref.ref.range };
  }
  return undefined;
}

/** The level's expression, for consistency properties. */
export const levelRange = (p: A.Property): Range | undefined => (p.kind === 'consistency' ? p.level?.range : undefined);

/**
 * An edit adding a property at the start of the block that holds `near` (a `when` branch, else the data
 * block): a block's own settings override the tiers it names.
 */
export function insertProperty(d: DataModel, text: string, near?: Range): TextEdit | undefined {
  const branch = near && d.props.whens.find((w) => w.range.start <= near.start && near.end <= w.range.end);
  const first = (branch ? branch.body : d.decl.body)[0];
  if (!first) return undefined;
  return { uri: d.origin.uri, range: { start: first.range.start, end: first.range.start }, newText: `${text}\n  ` };
}

export function replaceFix(title: string, uri: string, range: Range, newText: string): Fix {
  return { title, edits: [{ uri, range, newText }] };
}

/** What raising a data type to `level` costs in availability, for fix titles ("" when nothing). */
export function availabilityTrade(level: Level, current?: Level): string {
  if (!needsConsensus(level) || (current && needsConsensus(current))) return '';
  return ': during a partition the side without a majority then refuses writes';
}

/**
 * Writes at one region only: shrink the data's `primary a, b` list, or add `primary a` when the topology flags several.
 */
export function singlePrimaryFix(d: DataModel, primaries: string[]): Fix | undefined {
  const keep = primaries[0];
  const title = `Keep one primary: ${keep} (the other regions write through it, and cannot while it is unreachable)`;
  const regions = d.props.primary?.regions ?? [];
  if (regions.length > 1) {
    return replaceFix(
      title,
      d.origin.uri,
      { start: regions[0].range.start, end: regions[regions.length - 1].range.end },
      regions[0].text,
    );
  }
  const edit = insertProperty(d, `primary ${keep}`);
  return edit && { title, edits: [edit] };
}

/** The range of `primary a, b` in the data, else undefined (the primaries came from the topology). */
export function primaryListRange(d: DataModel): Range | undefined {
  const regions = d.props.primary?.regions ?? [];
  return regions.length > 1 ? { start: regions[0].range.start, end: regions[regions.length - 1].range.end } : undefined;
}
