// Writes docs/rules.md from the code registry (server/src/core/codes.ts), the severity principle and each
// rule file's header comment (`//` lines; an empty `//` line starts a new paragraph). `npm run gen` runs
// it; test/docs.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { allCodes, codeInfo, defaultSeverity, helpAnchor, type Code } from '../server/src/core/codes';
import { linkedCitations } from '../server/src/core/util/sources';

/** The reasoning of a rule: its file's leading comment, in paragraphs. */
function reasoning(code: Code): string[] {
  const lines = readFileSync(`server/src/core/check/rules/${code}.ts`, 'utf8').split('\n');
  const header: string[] = [];
  for (const l of lines) {
    if (!l.startsWith('//')) break;
    header.push(l.replace(/^\/\/ ?/, ''));
  }
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const l of header) {
    if (l.trim() === '') {
      if (current.length) paragraphs.push(current.join(' '));
      current = [];
    } else if (/^[-*] /.test(l) && current.length) {
      // A list item starts its own line; continuation lines join it.
      paragraphs.push(current.join(' '));
      current = [l];
    } else current.push(l.trim());
  }
  if (current.length) paragraphs.push(current.join(' '));
  // Consecutive list items are one block (no blank line between them).
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    const continuesList = prev !== undefined && /^[-*] /.test(p) && /(^|\n)[-*] [^\n]*$/.test(prev);
    if (continuesList) out[out.length - 1] = `${prev}\n${p}`;
    else out.push(p);
  }
  return out;
}

const principle = [
  '<a id="severity"></a>',
  '## Severity: error, warning, information',
  '',
  'Every code has a **basis**, the kind of argument behind its verdict, and the basis fixes its default severity:',
  '',
  '| basis | meaning | severity |',
  '|---|---|---|',
  '| unreadable | the text cannot be read as written: syntax, a name or value the language does not know | error |',
  '| impossible | the design provably cannot hold: physics (light in fibre, declared round trips), arithmetic ' +
    '(quorum sizes), the definition of a level, or a bound the policy states against what it also states | error |',
  "| assumption | the verdict rests on an estimate (the profile's figures: apply time, uptime, prices, capacity), a " +
    'default, an inference (money from a name) or a guess at what the author meant (of two settings the later ' +
    'wins) | warning |',
  '| advice | the design holds, but a cheaper or sturdier equivalent exists | info |',
  '',
  'Where one code covers both a proof and an inference, the inferred case is reported one severity milder: ' +
    '`lww-on-money` is an error on data declared as money (`money`, a money category, an RBI tier, an amount) and ' +
    'a warning on data the checker only takes for money from its name; `latency-below-physics` is an error when ' +
    'the round trips alone exceed the bound and a warning when only link jitter, read as a normal spread at the ' +
    'percentile, does. Where the two cases are different claims they are different codes (`staleness-below-physics`, ' +
    'an error, and `staleness-below-lag`, a warning).',
  '',
  'Every code can be re-levelled or turned off, syntax and model codes included: `consistency check --rule ' +
    'code=error|warning|info|hint|off`, the editor setting `consistency.rules` (e.g. `{ "duplicate-property": ' +
    '"off" }`). ' +
    "A setting applies to every diagnostic of that code. Each diagnostic links to its section below (the editor's " +
    "`codeDescription`, SARIF's `helpUri`).",
  '',
];

/** What each level needs of a design, the theory the replication and session rules apply. */
const levelNeeds = [
  '<a id="levels"></a>',
  '## What each level needs of the design',
  '',
  "N is the replicas of the data type's topology, W the acknowledgements a write waits for and R the replies a read " +
    'waits for (`replication sync` is W = N, R = 1; `async` is W = 1, R = 1; `quorum` without numbers is a ' +
    'majority). ' +
    'Sessions are sticky unless the policy says `sessions roaming` (docs/language.md, **sessions**). A setting ' +
    'left to ' +
    'its default and the same setting written out always give the same verdict.',
  '',
  '| level | 2W > N (one order of writes) | R + W > N (reads meet writes) | several primaries | `partition ' +
    'prefer availability` |',
  '|---|---|---|---|---|',
  '| `strict_serializable`, `linearizable` | needed | needed, sticky or not | no | impossible (CAP): the side ' +
    'without a majority can take neither writes nor reads it cannot prove current |',
  '| `sequential` | needed | needed only for roaming sessions (sticky sessions may read a replica that misses ' +
    "another client's write) | no | impossible: the minority side may serve stale reads, never take writes |",
  '| `causal` | — | needed only for roaming sessions | yes; last writer wins only on logical (Lamport, hybrid) ' +
    'clocks | yes: sticky available |',
  '| `session`, `read_your_writes`, `monotonic_reads` | — | needed only for roaming sessions | yes ' +
    '(writes-follow-reads: not with wall-clock last writer wins) | yes: sticky available |',
  '| `monotonic_writes`, `writes_follow_reads` | — | — | with roaming sessions, no | yes |',
  '| `bounded(T)` | — | — (reads that meet writes are never stale) | yes | yes; T must exceed the one-way delay ' +
    'to the farthest replica that serves reads (error) and the estimated lag (warning) |',
  '| `regional`, `consistent_prefix`, `eventual`, `weak` | — | — | yes | yes |',
  '',
  'Synchronous replication is never needed by itself: it is one way to reach R + W > N (W = N, R = 1), and it stops ' +
    'every write while any replica is down. Rules: `quorum-no-overlap` (the two quorum columns for sequential and ' +
    'stronger), `session-guarantee-unsupported` (sessions and causal), `multi-primary-linearizable`, ' +
    '`cap-prefer-availability`, `staleness-below-physics` and `staleness-below-lag`.',
  '',
  'References: M. Herlihy, J. Wing, "Linearizability", ACM TOPLAS 1990; L. Lamport, "How to make a multiprocessor ' +
    'computer that correctly executes multiprocess programs", IEEE TC 1979 (sequential consistency); Jepsen, ' +
    '"Consistency Models" (jepsen.io/consistency: the model pages and their availability: sequential and stronger ' +
    'neither totally nor sticky available, read-your-writes and causal at most sticky available); D. Terry et al., ' +
    '"Session Guarantees for Weakly Consistent Replicated Data", PDIS 1994; P. Bailis et al., "Highly Available ' +
    'Transactions: Virtues and Limitations", VLDB 2014 (sticky availability); S. Gilbert, N. Lynch, "Brewer\'s ' +
    'conjecture and the feasibility of consistent, available, partition-tolerant web services", SIGACT News 2002; ' +
    'W. Lloyd et al., "Don\'t Settle for Eventual" (COPS), SOSP 2011; Apache ZooKeeper Programmer\'s Guide, ' +
    '"Consistency Guarantees"; Microsoft Learn, "Consistency levels in Azure Cosmos DB"; P. Bailis et al., ' +
    '"Probabilistically Bounded Staleness for Practical Partial Quorums", VLDB 2012; D. Ongaro, J. Ousterhout, "In ' +
    'Search of an Understandable Consensus Algorithm" (Raft), USENIX ATC 2014.',
  '',
];

export function rulesDoc(): string {
  const out = [
    '# Diagnostics',
    '',
    'Every diagnostic has a stable code from one registry (`server/src/core/codes.ts`), an exact range on the ' +
      'construct',
    'it objects to, a message that names both sides with the numbers, and where possible a fix that leaves a working',
    'design (a fix that trades availability says so in its title).',
    'Generated from the registry and `server/src/core/check/rules/` by `npm run gen`; do not edit by hand.',
    '',
    ...principle,
    ...levelNeeds,
    '## Rules',
    '',
  ];
  const rules = allCodes.filter((c) => codeInfo(c).stage === 'rule').sort((a, b) => a.localeCompare(b));
  for (const code of rules) {
    const info = codeInfo(code);
    const line = `*${defaultSeverity(code)}* (${info.basis}) — ${info.summary}`;
    out.push(`<a id="${helpAnchor(code)}"></a>`, `### \`${code}\``, '', line, '');
    for (const p of reasoning(code)) out.push(linkedCitations(p), '');
  }
  out.push('## Syntax and model codes', '');
  for (const code of allCodes.filter((c) => codeInfo(c).stage !== 'rule')) {
    const info = codeInfo(code);
    const line = `*${defaultSeverity(code)}* (${info.stage}, ${info.basis}) — ${info.summary}`;
    out.push(`<a id="${helpAnchor(code)}"></a>`, `### \`${code}\``, '', line, '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

if (process.argv[1]?.endsWith('gen-rules-doc.ts')) writeFileSync('docs/rules.md', rulesDoc());
