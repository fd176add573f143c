// An availability target above what the replication can offer: the exact probability that a write
// quorum (W of N replicas, a region down taking its replicas) is up, from the profile's per-region and
// per-replica uptime, is below the target. The message shows the arithmetic (estimate/availability.ts).
//
// The uptime figures are the profile's (an estimate, and uptimes are not independent in practice), so this
// is a warning. The fixes say what they change: a majority quorum in place of every replica, or a lower target.
import type { Fix } from '../../diagnostic';
import { estimateWith } from '../../estimate/estimate';
import { placeOf, propertyOf } from '../../estimate/fix-support';
import { formatAvailability } from '../../estimate/format';
import { formatPercent } from '../../syntax/units';
import type { Rule } from '../rule';
import { majority } from '../../util/quorum';

export const rule: Rule = {
  code: 'availability-unreachable',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      const target = data.effective.availabilityPct;
      if (!target) continue;
      const e = estimate(data);
      if (!e.availability || e.availabilityPct >= target.value) continue;
      const place = placeOf(model, data, target);
      const prop = propertyOf(data, place, target, 'availability');
      const written =
        `availability ${prop?.node.comparator ?? '>='} ` + `${prop?.node.target?.text ?? formatPercent(target.value)}`;
      const message =
        `\`${data.name}\` cannot reach ${place.setBy}\`${written}\`: ` +
        `${e.availability.explanation} < ${formatPercent(target.value)}`;
      const fixes: Fix[] = [];
      const n = e.availability.n;
      const m = majority(n);
      const body = data.decl.body;
      if (e.availability.w > m && body.length > 0) {
        const alt = estimateWith(data, model, { replication: { mode: 'quorum', w: m, r: m, assumed: false } });
        if (alt.availabilityPct >= target.value) {
          const text = `replication quorum write ${m} read ${m}`;
          const own = data.props.replication;
          fixes.push({
            title: `Switch to a majority quorum: \`${text}\` (≈ ${formatAvailability(alt.availabilityPct)})`,
            edits: [
              own
                ? { uri: data.origin.uri, range: own.range, newText: text }
                : {
                    uri: data.origin.uri,
                    range: { start: body[0].range.start, end: body[0].range.start },
                    newText: `${text}\n  `,
                  },
            ],
          });
        }
      }
      if (place.editable && prop?.node.target) {
        const lowered = formatAvailability(e.availabilityPct);
        fixes.push({
          title:
            'Lower the target to ' +
            `\`availability >= ${lowered}\`${place.tier ? ` in tier \`${place.tier.name}\`` : ''}`,
          edits: [{ uri: prop.uri, range: prop.node.target.range, newText: lowered }],
        });
      }
      report({ uri: place.uri, range: place.range, message, fixes: fixes.length ? fixes : undefined });
    }
  },
};
