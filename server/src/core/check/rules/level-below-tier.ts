// A data type (or one of its `when` branches) whose consistency level does not imply the level its tier
// demands: every guarantee of the tier's level must hold under the data type's (levels.ts `implies`), e.g.
// a transfer under `rbi.high_value` declared `bounded(2s)` lacks real-time order (source L3531, L3562).
//
// A tier's level is a requirement the policy states; a level that does not imply it cannot meet it, whatever
// the deployment: an error, on the level (or the tier reference it came from). Levels are compared by
// implication, not rank (docs/language.md#lattice). A fix that raises the level to one needing a majority says
// what that costs during a partition.
import { branches, isOrigin, lacking, originKey } from '../branches';
import { implies, levelSource } from '../../model/levels';
import type { Rule } from '../rule';
import { availabilityTrade } from '../sites';

export const rule: Rule = {
  code: 'level-below-tier',
  check({ model, report }) {
    for (const data of model.data.values()) {
      let done: Set<string> | undefined; // made at the first report: most data types have none
      for (const b of branches(data)) {
        const { level, tierFloor: floor } = b.effective;
        if (!level || !floor || implies(level.value, floor.value)) continue;
        const key = `${originKey(level)}|${originKey(floor)}`;
        if (done?.has(key)) continue;
        (done ??= new Set()).add(key);
        // Where the weaker level is written: a `consistency` property (this block's or the data type's), else the tier
        // reference that set it.
        const prop = [b.props.consistency, data.props.consistency].find((p) => isOrigin(p, level));
        const tierRef = [...b.props.tiers, ...data.props.tiers].find(
          (t) => level.tier !== undefined && t.ref?.text === level.tier,
        )?.ref;
        const range = prop?.level?.range ?? tierRef?.range ?? data.origin.range;
        const target = levelSource(floor.value);
        const trade = availabilityTrade(floor.value, level.value);
        report({
          uri: data.origin.uri,
          range,
          message:
            `${b.label} is ${level.value.display}, but tier '${floor.tier}' requires ` +
            `${floor.value.display}: ${level.value.display} lacks ${lacking(level.value, floor.value)}.`,
          fixes: prop?.level
            ? [
                {
                  title: `Raise the level to ${target} (tier '${floor.tier}')${trade}`,
                  edits: [{ uri: data.origin.uri, range, newText: target }],
                },
              ]
            : undefined,
        });
      }
    }
  },
};
