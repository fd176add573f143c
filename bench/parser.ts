// Tokens to AST for a 5,000-line policy: the hand-written parser (core/syntax/parser.ts, reading into typed
// nodes) and builder beside the Chevrotain CstParser and CST builder they replaced (core/syntax/grammar.ts and
// test/helpers/cst-ast, kept as the tests' oracle), on the same tokens, measured alternately in one run; the
// allocation of each; and the allocation of a whole analysis split by phase (lexing, parsing, building the AST,
// the rest). Goal (issue 13, item 2): parsing several times faster, and an analysis allocating at most half
// of what it did with the Chevrotain parser.
import { AstBuilder as CstAstBuilder } from '../test/helpers/cst-ast/ast-builder';
import { analyze } from '../server/src/core/pipeline';
import { AstBuilder } from '../server/src/core/syntax/ast-builder';
import { grammarParser } from '../server/src/core/syntax/grammar';
import { tokenize } from '../server/src/core/syntax/lexer';
import { parseTokens } from '../server/src/core/syntax/parser';
import { allocatedPerRun } from './alloc';
import { chevrotainTokens } from '../test/helpers/chevrotain-tokens';
import { LineIndex } from '../server/src/core/util/range';
import { generatePolicy } from './generate';
import { median } from './stats';

const LINES = 5_000;
const uri = 'file:///bench-parser.consistency';

function ms(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

export async function benchParser(rounds = 41): Promise<void> {
  const text = generatePolicy(LINES);
  const tokens = tokenize(text, uri).tokens;
  const built = performance.now();
  const chevrotain = grammarParser();
  const buildMs = performance.now() - built;
  // Chevrotain's parser reads tokens with all of Chevrotain's fields, as its lexer made them (made once, here).
  const full = chevrotainTokens(tokens, new LineIndex(text));
  const oracle = () => {
    chevrotain.input = full;
    new CstAstBuilder(uri, text).file(chevrotain.file());
  };
  const descent = () => void new AstBuilder(uri, text).file(parseTokens(tokens).file);
  for (let i = 0; i < 10; i++) [oracle(), descent()];
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < rounds; i++) {
    before.push(ms(oracle));
    after.push(ms(descent));
  }
  const [b, a] = [median(before), median(after)];
  const lines = LINES.toLocaleString('en-US');
  console.log(
    `\nparsing ${lines} lines (${tokens.length.toLocaleString('en-US')} tokens to the AST), median of ${rounds}:`,
  );
  const speed = b / a >= 3 ? 'MET' : 'NOT MET';
  console.log(
    `  Chevrotain CstParser and CST builder ${b.toFixed(1)} ms, hand-written ${a.toFixed(1)} ms: ` +
      `${(b / a).toFixed(1)}× faster`,
  );
  console.log(
    `  (goal ≥ 3×: ${speed}); building the Chevrotain parser, which no command does now: ${buildMs.toFixed(0)} ms`,
  );
  const mb = (x: number) => (x / 2 ** 20).toFixed(2);
  const allocBefore = await allocatedPerRun(oracle, 5);
  const allocAfter = await allocatedPerRun(descent, 5);
  console.log(`  allocation tokens → AST: Chevrotain ${mb(allocBefore)} MB, hand-written ${mb(allocAfter)} MB`);

  const { file } = parseTokens(tokens);
  const phases = {
    lex: await allocatedPerRun(() => tokenize(text, uri), 5),
    parse: await allocatedPerRun(() => parseTokens(tokens), 5),
    ast: await allocatedPerRun(() => new AstBuilder(uri, text).file(file), 5),
    analysis: await allocatedPerRun(() => analyze([{ uri, text }]), 5),
  };
  const rest = phases.analysis - phases.lex - phases.parse - phases.ast;
  const withChevrotain = phases.analysis - allocAfter + allocBefore;
  const half = phases.analysis <= withChevrotain / 2 ? 'MET' : 'NOT MET';
  console.log(
    `  allocation per analysis of ${lines} lines: ${mb(phases.analysis)} MB (lex ${mb(phases.lex)}, parse ` +
      `${mb(phases.parse)}, AST ${mb(phases.ast)}, rest ${mb(rest)}); with the Chevrotain parser ` +
      `${mb(withChevrotain)} MB (goal ≤ half: ${half})`,
  );
}
