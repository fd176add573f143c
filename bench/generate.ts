// Generates realistic .consistency policies of a given size for the benchmark and the property tests:
// India topologies from the source's matrix (L3833–L3872), tiers, and data blocks mixing every construct
// (levels, quorums, SLAs, workloads, budgets, `when` branches, degradation) plus transactions. Deterministic.

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round trips of the source's India matrix (L3833–L3872) between the four regional DCs. */
const sites = ['mumbai', 'delhi', 'bangalore', 'kolkata'] as const;
const rtt: Record<string, number> = {
  'mumbai-delhi': 45,
  'mumbai-bangalore': 35,
  'mumbai-kolkata': 75,
  'delhi-bangalore': 65,
  'delhi-kolkata': 55,
  'bangalore-kolkata': 85,
};

interface Unit {
  lines: string[];
  /** Replicas in the unit's topology (7 or 9): the majority quorum its strong data use. */
  quorum: number;
}

function topology(name: string, r: () => number): Unit {
  const four = r() < 0.3;
  const regions = four ? [...sites] : sites.slice(0, 3);
  // 3 + 2 + 2 (+ 2) replicas: 7 or 9, odd groups (a majority is 4 or 5, L386).
  const lines = [`topology ${name} {`];
  regions.forEach((s, i) => lines.push(`  region ${s} { replicas ${i === 0 ? 3 : 2}${i === 0 ? ' primary' : ''} }`));
  for (let i = 0; i < regions.length; i++)
    for (let j = i + 1; j < regions.length; j++) {
      const jitter = r() < 0.25 ? ` jitter ${1 + Math.floor(r() * 5)}ms` : '';
      lines.push(`  link ${regions[i]} <-> ${regions[j]} ${rtt[`${regions[i]}-${regions[j]}`]}ms${jitter}`);
    }
  lines.push('}', '');
  return { lines, quorum: four ? 5 : 4 };
}

type TierKind = 'strong' | 'session' | 'eventual';

function tier(name: string, kind: TierKind): string[] {
  if (kind === 'strong')
    return [
      `tier ${name} {`,
      '  category financial',
      '  consistency strong',
      '  latency write p99 <= 3s',
      '  availability >= 99.99%',
      '}',
      '',
    ];
  if (kind === 'session')
    return [`tier ${name} {`, '  consistency session', '  latency read p99 <= 1s', '  availability >= 99.95%', '}', ''];
  return [`tier ${name} {`, '  consistency eventual', '  availability >= 99.5%', '}', ''];
}

const workloads = [
  '35M/day reads 90%',
  '3.5 crore/day reads 90%',
  '28 lakh/day reads 50%',
  '21 lakh/day',
  'peak 800/s reads 95%',
];

/** One data block; `money` blocks are strong and may be grouped in a transaction. */
function data(
  name: string,
  topo: string,
  tierName: string,
  tierKind: TierKind,
  quorum: number,
  r: () => number,
): { lines: string[]; money: boolean } {
  const body: string[] = [`  topology ${topo}`];
  const kind = r();
  const strongProps = [
    `  replication quorum write ${quorum} read ${quorum}`,
    '  partition prefer consistency',
    '  conflict abort',
  ];
  let money = false;
  if (kind < 0.35) {
    // Money at strong, as the source's banking and wallet types (L3752–L3757, L1486).
    money = true;
    body.push(
      '  category banking',
      '  consistency strong',
      ...strongProps,
      '  latency write p99 <= 2s',
      '  latency read p99 <= 1s',
      '  availability >= 99.99%',
    );
    if (r() < 0.6) body.push(`  workload ${workloads[Math.floor(r() * workloads.length)]}`);
    if (r() < 0.3) body.push('  budget <= 30 lakh/month');
    if (r() < 0.3) body.push('  when amount >= 1 lakh { tier rbi.high_value }');
  } else if (kind < 0.55) {
    body.push(`  tier ${tierName}`, `  consistency ${tierKind}`);
    if (tierKind === 'strong') body.push(...strongProps);
  } else if (kind < 0.7) {
    // UPI under RBI rule 2 with the ≥ ₹1 lakh branch (L3532, L3562).
    body.push('  tier rbi.upi', '  consistency bounded(2s)', '  conflict highest_sequence');
    body.push(
      `  when amount >= 1 lakh { tier rbi.high_value consistency strong replication quorum write ${quorum} read ${quorum} partition prefer consistency }`,
    );
  } else if (kind < 0.85) {
    // A cart or search type that degrades under load (BBD, L4050–L4080).
    body.push(
      '  consistency session(read_your_writes, monotonic_reads)',
      '  staleness <= 30s',
      '  conflict merge union',
      '  degrade to eventual when load > 2x',
    );
    if (r() < 0.5) body.push('  latency read p95 <= 200ms');
  } else {
    body.push(
      '  category analytics',
      '  consistency eventual',
      '  staleness <= 15min',
      '  workload 15 crore/day reads 10%',
    );
  }
  return { lines: [`data ${name} {`, ...body, '}', ''], money };
}

/** A policy of exactly `lines` lines (whole blocks, padded with comments), deterministic for a seed. */
export function generatePolicy(lines: number, seed = 42): string {
  const r = rng(seed);
  const out: string[] = [
    '// Generated policy for benchmarks and property tests.',
    `policy "generated ${lines}"`,
    'currency INR',
    'profile india-2024',
    '',
  ];
  const fits = (block: string[]) => out.length + block.length <= lines;
  for (let unit = 0; ; unit++) {
    const topo = topology(`india_${unit}`, r);
    const tierKind: TierKind = (['strong', 'session', 'eventual'] as const)[Math.floor(r() * 3)];
    const head = [...topo.lines, ...tier(`tier_${unit}`, tierKind)];
    if (!fits(head)) break;
    out.push(...head);
    const money: string[] = [];
    const count = 4 + Math.floor(r() * 6);
    for (let k = 0; k < count; k++) {
      const d = data(`data_${unit}_${k}`, `india_${unit}`, `tier_${unit}`, tierKind, topo.quorum, r);
      if (!fits(d.lines)) break;
      out.push(...d.lines);
      if (d.money) money.push(`data_${unit}_${k}`);
    }
    const tx = [`transaction tx_${unit} { ${money.slice(0, 2).join(', ')} }`, ''];
    if (money.length >= 2 && fits(tx)) out.push(...tx);
  }
  while (out.length < lines) out.push('// padding');
  return out.join('\n') + '\n';
}
