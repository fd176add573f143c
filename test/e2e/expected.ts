// What the end-to-end test expects to see, computed by the language service itself from the fixture files:
// the diagnostics (with their fixes), the CodeLens titles and commands, the hover markdown of every data type, and
// the summary of ▶ Simulate on each data type for seeds 1, 2 and 42 (the default settings otherwise).
// Usage: node --import tsx test/e2e/expected.ts <file.consistency>… (prints JSON; run by test/e2e/run.mjs)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/pipeline';
import { codeLenses } from '../../server/src/service/code-lens';
import { commands } from '../../server/src/service/commands';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';
import { hover } from '../../server/src/service/hover';
import { defaults } from '../../server/src/core/simulate/index';
import { answerOf, responseOf } from '../../server/src/service/simulation';
import { runJob } from '../../server/src/service/simulation-run';
import { createSnapshot } from '../../server/src/service/snapshot';

const files = process.argv
  .slice(2)
  .map((path) => ({ uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') }));
const s = createSnapshot(analyze(files));
const out = files.map(({ uri }) => ({
  uri,
  diagnostics: (diagnosticsByUri(s).get(uri) ?? []).map((d) => ({
    code: d.code,
    message: d.message,
    range: d.range,
    fixes: (d.data as { fixes?: { title: string }[] } | undefined)?.fixes?.map((f) => f.title) ?? [],
  })),
  lenses: codeLenses(s, uri).map((l) => ({
    title: l.command?.title,
    command: l.command?.command,
    range: l.range,
    arguments: l.command?.arguments,
  })),
  hovers: Object.fromEntries(
    codeLenses(s, uri)
      .filter((l) => l.command?.command === commands.showEstimate)
      .map((l) => [
        l.command?.arguments?.[1],
        (hover(s, uri, l.range.start)?.contents as { value: string } | undefined)?.value,
      ]),
  ),
  simulations: Object.fromEntries(
    codeLenses(s, uri)
      .filter((l) => l.command?.command === commands.simulate)
      .map((l) => {
        const target = { kind: l.command?.arguments?.[1], name: l.command?.arguments?.[2] };
        const bySeed = [1, 2, 42].map((seed) => [
          seed,
          responseOf(
            { uri, target },
            answerOf(runJob({ files, options: {}, targets: [target], seed, defaultSeed: 1, ops: defaults.defaultOps })),
          ).summary,
        ]);
        return [target.name, Object.fromEntries(bySeed)];
      }),
  ),
}));
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
