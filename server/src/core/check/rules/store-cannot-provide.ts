// For a file that declares `store …`: each level or bound of a data type (or `when` branch) that a
// declared system cannot give exactly, as the export's driver mappings report it (driverGaps).
import { driverGaps, systemNames } from '../../stores/index';
import type { Rule } from '../rule';

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
          const branch = gap.branch === undefined ? undefined : data.whens.find((w) => w.decl.keyword.start === gap.range.start);
          const level = (branch ? branch.effective : data.effective).level?.value.display ?? 'no level';
          const where = gap.branch === undefined ? `\`${gap.data}\`` : `\`${gap.data}\` when ${gap.branch}`;
          report({ uri: gap.uri, range: gap.range, message: `${systemNames[gap.system]} cannot give ${where} (${level}) exactly: ${gap.note}.` });
        }
      }
    }
  },
};
