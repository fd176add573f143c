// The TextMate grammar (grammar/consistency.tmLanguage.json): its word lists equal the language's own tables
// (keywords, levels, conflict strategies, units), every keyword and level is coloured as one, and the cases
// under test/grammar/cases/ match their snapshots (vscode-tmgrammar-snap; UPDATE_GOLDEN=1 rewrites them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conflictStrategies } from '../../server/src/core/model/effective';
import { allLevelNames } from '../../server/src/core/model/levels';
import { keywordNames, profileSoftKeywords, softKeywordNames } from '../../server/src/core/syntax/tokens';
import { distributionNames } from '../../server/src/core/model/distributions';
import { countNouns, durationUnits, periods, scaleSuffixes } from '../../server/src/core/syntax/units';

const GRAMMAR = 'grammar/consistency.tmLanguage.json';
const SNAP = 'node_modules/vscode-tmgrammar-test/dist/snapshot.js';

interface Pattern {
  name?: string;
  match?: string;
}
const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { repository: Record<string, { patterns: Pattern[] }> };
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** The words of `\b(?:a|b|c)…` patterns in one repository entry, with their scope. */
function wordLists(entry: string): { scope: string; words: string[] }[] {
  return grammar.repository[entry].patterns.map((p) => {
    const m = /^\\b\(\?:([^)]*)\)/.exec(p.match ?? '');
    assert.ok(m && p.name, `${entry}: every pattern is \\b(?:word|word…) with a name`);
    return { scope: p.name, words: m[1].split('|') };
  });
}

/** The alternatives of the first group `(…)` after `prefix` in one pattern of an entry. */
function alternativesAfter(entry: string, prefix: string): string[] {
  const source = grammar.repository[entry].patterns.map((p) => p.match ?? '').find((m) => m.includes(prefix));
  assert.ok(source, `${entry} has a pattern with ${prefix}`);
  const rest = source.slice(source.indexOf(prefix) + prefix.length);
  return /^\((?:\?:)?([^()]*)\)/.exec(rest)?.[1].split('|') ?? [];
}

test('the grammar keywords are exactly keywordNames', () => {
  assert.deepEqual(sorted(wordLists('keywords').flatMap((l) => l.words)), sorted(keywordNames));
});

test('soft keywords are coloured inside a scenario (and `replica` before its work), distributions before `(`', () => {
  const words = (entry: string, i: number) =>
    /\(\?:([^)]*)\)/.exec(grammar.repository[entry].patterns[i].match!)![1].split('|');
  const inScenario = words('scenarios', 2).filter((w) => !(keywordNames as readonly string[]).includes(w));
  const profileWords: readonly string[] = profileSoftKeywords;
  const inPlace = ['scenario', 'replica', 'rtt', 'random', ...profileWords];
  assert.deepEqual(sorted(inScenario), sorted(softKeywordNames.filter((w) => !inPlace.includes(w))));
  assert.ok(grammar.repository.profiles.patterns[0].match!.includes('(extends)'));
  assert.ok(grammar.repository.profiles.patterns[1].match!.startsWith('\\b(source)'));
  assert.ok(
    grammar.repository.simulation.patterns[0].match!.startsWith(
      '\\b(replica)\\s+(write|ack|read|response|service|capacity)',
    ),
  );
  assert.ok(grammar.repository.simulation.patterns[2].match!.startsWith('\\brtt(?='));
  assert.ok(grammar.repository.simulation.patterns[3].match!.includes('(random)'));
  assert.deepEqual(sorted(words('simulation', 1)), sorted(distributionNames));
});

test('the grammar levels are exactly the level names and aliases', () => {
  assert.deepEqual(sorted(wordLists('levels').flatMap((l) => l.words)), sorted(allLevelNames));
});

test('the grammar knows every conflict strategy and unit of the language', () => {
  const conflicts = alternativesAfter('properties', '(conflict)\\s+');
  for (const s of Object.keys(conflictStrategies)) assert.ok(conflicts.includes(s), `conflict strategy ${s}`);
  const units = alternativesAfter('quantities', '(%|');
  const wanted = [
    ...Object.keys(durationUnits),
    ...Object.keys(scaleSuffixes),
    ...[...countNouns].filter((n) => !(keywordNames as readonly string[]).includes(n)),
  ];
  assert.deepEqual(
    wanted.filter((u) => !units.includes(u)),
    [],
  );
  const per = alternativesAfter('quantities', '(/)\\s*');
  assert.deepEqual(sorted(per), sorted(Object.keys(periods)));
});

function snap(args: string[]) {
  return spawnSync(process.execPath, [SNAP, '-g', GRAMMAR, ...args], { encoding: 'utf8' });
}

test('every keyword is coloured as a keyword and every level as a level', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-grammar-'));
  try {
    const words = [...keywordNames, ...allLevelNames];
    writeFileSync(join(dir, 'words.consistency'), words.join('\n') + '\n');
    const r = snap([join(dir, 'words.consistency')]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    // The snapshot: a `>word` line, then `#^^^ scopes` lines; the first token of each word line.
    const scopes = readFileSync(join(dir, 'words.consistency.snap'), 'utf8').split('\n>').slice(0, words.length);
    scopes.forEach((block, i) => {
      const scope = block.split('\n')[1] ?? '';
      const [word, kind] = [
        words[i],
        i < keywordNames.length
          ? /(storage\.type|keyword\.control|keyword\.other\.property)\.consistency/
          : /support\.constant\.level\.consistency/,
      ];
      assert.match(
        scope,
        new RegExp(`^#\\^{${word.length}} source\\.consistency ${kind.source}$`),
        `${word}: ${scope}`,
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the grammar cases match their snapshots', () => {
  const r = snap([...(process.env.UPDATE_GOLDEN === '1' ? ['-u'] : []), 'test/grammar/cases/*.consistency']);
  assert.equal(
    r.status,
    0,
    `vscode-tmgrammar-snap failed (UPDATE_GOLDEN=1 rewrites the snapshots after an intended change):\n${r.stdout}${r.stderr}`,
  );
});
