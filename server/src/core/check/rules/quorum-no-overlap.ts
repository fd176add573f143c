// `quorum write W read R` under a consensus level (sequential or stronger) with R + W ≤ N or 2W ≤ N (N: the
// topology's replicas; majority n//2+1, source L386): a read can miss a write, two writes can miss each other.
// Session and bounded levels are not flagged: sticky sessions (source L3481) or session tokens give them without overlap.
import { branches, originKey, replicationProp } from '../branches';
import type { Fix } from '../../diagnostic';
import { needsConsensus } from '../../model/levels';
import type { Rule } from '../rule';
import { majority } from '../../util/quorum';

/** A quorum size some replicas can meet: a whole number from 1 to N. */
const fits = (x: number, n: number) => Number.isInteger(x) && x >= 1 && x <= n;

export const rule: Rule = {
  code: 'quorum-no-overlap',
  check({ model, report }) {
    for (const data of model.data.values()) {
      const n = data.topology?.totalReplicas;
      if (!n) continue;
      let done: Set<string> | undefined; // made at the first report: most data types have none
      for (const b of branches(data)) {
        const { level, replication: rep } = b.effective;
        const at = replicationProp(b);
        if (!level || !rep || !at || rep.value.mode !== 'quorum' || !needsConsensus(level.value)) continue;
        const { w, r } = rep.value;
        if (!fits(w, n) || !fits(r, n)) continue; // quorum-too-large
        const readMiss = r + w <= n;
        if (!readMiss && 2 * w > n) continue;
        const key = `${originKey(rep)}|${level.value.display}`;
        if (done?.has(key)) continue;
        (done ??= new Set()).add(key);
        const { prop, uri } = at;
        const start = prop.mode!.range.start;
        const end = Math.max(prop.mode!.range.end, prop.write?.range.end ?? 0, prop.read?.range.end ?? 0);
        const range = { start, end };
        const shown = `quorum write ${w} read ${r}`;
        const over = `${n} replicas of topology '${data.topology!.name}'`;
        const why = readMiss
          ? `lets a read miss a completed write: R + W = ${r} + ${w} = ${r + w} ≤ N = ${n}; reads meet writes only when R + W > N`
          : `lets two writes commit on disjoint replicas: 2 × W = 2 × ${w} = ${2 * w} ≤ N = ${n}; writes meet only when W > N/2`;
        const options: [number, number, string][] = [];
        const w2 = Math.max(n - r + 1, majority(n));
        if (w2 <= n) options.push([w2, r, `Raise the write quorum to ${w2}`]);
        if (readMiss && 2 * w > n) options.push([w, n - w + 1, `Raise the read quorum to ${n - w + 1}`]);
        options.push([majority(n), majority(n), `Use majority quorums (write ${majority(n)} read ${majority(n)} of ${n})`]);
        const fixes: Fix[] = [];
        for (const [fw, fr, title] of options) {
          if (fixes.some((f) => f.edits[0].newText === `quorum write ${fw} read ${fr}`)) continue;
          fixes.push({ title, edits: [{ uri, range, newText: `quorum write ${fw} read ${fr}` }] });
        }
        report({ uri, range, message: `${b.label} is ${level.value.display}, but \`${shown}\` over the ${over} ${why}.`, fixes });
      }
    }
  },
};
