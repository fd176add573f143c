// Lexing alone, the hand-written scanner (server/src/core/syntax/scan.ts) beside the Chevrotain lexer it
// replaced (kept as the tests' oracle, test/helpers/chevrotain-lexer.ts), in one run: what building the
// Chevrotain lexer cost every start, then the time (median, the two measured alternately) and the
// allocation of lexing a generated 5,000-line policy. Issue 13's goal for the scanner: no lexer to build at
// start, and lexing no slower and allocating no more than Chevrotain's.
import { tokenize } from '../server/src/core/syntax/lexer';
import { buildLexer, chevrotainTokenizeSlice } from '../test/helpers/chevrotain-lexer';
import { allocatedPerRun } from './alloc';
import { generatePolicy } from './generate';
import { median } from './stats';

const uri = 'file:///bench-lexer.consistency';

export async function benchLexer(lines = 5_000, rounds = 41): Promise<void> {
  const t0 = performance.now();
  buildLexer();
  const buildMs = performance.now() - t0;
  const text = generatePolicy(lines);
  const at = { start: 0, end: text.length };
  const chevrotain = () => chevrotainTokenizeSlice(text, uri, at);
  const scanner = () => tokenize(text, uri);
  const tokens = scanner().tokens.length;
  if (chevrotain().tokens.length !== tokens) throw new Error('the two lexers disagree: see lexer-differential');
  for (let i = 0; i < 10; i++) (chevrotain(), scanner());
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    [chevrotain, scanner].forEach((f, k) => {
      const s = performance.now();
      f();
      times[k].push(performance.now() - s);
    });
  }
  const [oldMs, newMs] = times.map(median);
  const oldMB = (await allocatedPerRun(chevrotain, 5)) / 2 ** 20;
  const newMB = (await allocatedPerRun(scanner, 5)) / 2 ** 20;
  const n = lines.toLocaleString('en-US');
  console.log(`\nlexing ${n} lines (${tokens.toLocaleString('en-US')} tokens), median of ${rounds}, alternating:`);
  console.log(`  building the Chevrotain lexer (what every start paid): ${buildMs.toFixed(1)} ms; the scanner: none`);
  console.log(`  Chevrotain lexer: ${oldMs.toFixed(2)} ms, ${oldMB.toFixed(2)} MB allocated`);
  console.log(`  hand-written scanner: ${newMs.toFixed(2)} ms, ${newMB.toFixed(2)} MB allocated`);
  const perToken = (mb: number) => `${((mb * 2 ** 20) / tokens).toFixed(0)} B`;
  const what = 'the token, its image, its share of the arrays';
  console.log(`  allocated per token (${what}): Chevrotain ${perToken(oldMB)}, scanner ${perToken(newMB)}`);
  const met = newMs <= oldMs && newMB <= oldMB;
  const verdict = `${(oldMs / newMs).toFixed(1)}× faster, ${(newMB / oldMB).toFixed(2)}× the allocation`;
  console.log(`  goal (no slower, no more allocation than Chevrotain's): ${verdict}: ${met ? 'MET' : 'NOT MET'}`);
}
