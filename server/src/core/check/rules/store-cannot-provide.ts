// For a file that declares `store …`: each level or setting of a data type (or `when` branch) that a
// declared system cannot give exactly, as the export's driver mappings report it (driverGaps): Strong on a
// Cosmos DB account with several write regions, bounded staleness on DynamoDB global tables, several
// primaries on one PostgreSQL or MongoDB primary. A system that can give a level only by a stronger one
// (Cosmos DB's Strong for a bound below the account minimum) is not a gap.
//
// The verdict rests on the tool's reading of each system's documentation (stores/*.ts, with its sources),
// which changes across versions and deployment options: a warning. It underlines what the system cannot
// give: the level (or the tier reference it came from), the conflict strategy, or the primary list.
import type { DataModel, Effective } from '../../model/model';
import { driverGaps, systemNames, type DriverGap } from '../../stores/index';
import type * as A from '../../syntax/ast';
import type { Range } from '../../util/range';
import type { Rule } from '../rule';
import { levelRange, primaryListRange, siteOf } from '../sites';

const strategyRange = (p: A.Property) =>
  p.kind === 'conflict' && p.strategy
    ? { start: p.strategy.range.start, end: (p.variant ?? p.strategy).range.end }
    : undefined;

/** The construct a gap is about, in the data's text; the data type's name (or the `when`) when none is written. */
function subjectRange(data: DataModel, e: Effective, gap: DriverGap): { uri: string; range: Range } {
  const level = e.level;
  if (level && gap.note.startsWith(level.value.display)) {
    const site = siteOf(data, level, levelRange);
    if (site) return site;
  }
  if (gap.note.startsWith('`conflict')) {
    const site = siteOf(data, e.conflict, strategyRange);
    if (site) return site;
  }
  if (/primar/.test(gap.note)) {
    const list = primaryListRange(data);
    if (list) return { uri: data.origin.uri, range: list };
  }
  return { uri: gap.uri, range: gap.range };
}

export const rule: Rule = {
  code: 'store-cannot-provide',
  check({ model, report }) {
    for (const file of model.files) {
      const stores = new Set((file.stores ?? []).map((s) => s.name));
      if (stores.size === 0) continue;
      for (const data of model.data.values()) {
        if (data.origin.uri !== file.uri) continue;
        for (const gap of driverGaps(data)) {
          if (!stores.has(gap.system)) continue;
          const branch =
            gap.branch === undefined ? undefined : data.whens.find((w) => w.decl.keyword.start === gap.range.start);
          const e = (branch ?? data).effective;
          const level = e.level?.value.display ?? 'no level';
          const where = gap.branch === undefined ? `\`${gap.data}\`` : `\`${gap.data}\` when ${gap.branch}`;
          const at = subjectRange(data, e, gap);
          const message = `${systemNames[gap.system]} cannot give ${where} (${level}) exactly: ${gap.note}.`;
          report({ uri: at.uri, range: at.range, message });
        }
      }
    }
  },
};
