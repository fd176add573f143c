// Writes docs/rules.md from the rule table and each rule file's header comment. `npm run gen` runs it;
// test/docs.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '../server/src/core/check/index';
import { builtinCodes } from '../server/src/core/check/codes';

export function rulesDoc(): string {
  const out = [
    '# Diagnostics',
    '',
    'Every diagnostic has a stable code. Rules can be turned off or re-levelled per code (CLI and editor settings).',
    'Generated from `server/src/core/check/` by `npm run gen`; do not edit by hand.',
    '',
    '## Rules',
    '',
  ];
  for (const r of [...allRules].sort((a, b) => a.code.localeCompare(b.code))) {
    const src = readFileSync(`server/src/core/check/rules/${r.code}.ts`, 'utf8');
    const header = src.split('\n').filter((l, i, all) => l.startsWith('//') && all.slice(0, i).every((x) => x.startsWith('//')));
    out.push(`### \`${r.code}\``, '', `*${r.defaultSeverity}* — ${r.summary}`, '');
    const body = header.map((l) => l.replace(/^\/\/ ?/, '')).join(' ').trim();
    if (body) out.push(body, '');
  }
  out.push('## Syntax and model codes', '', '| code | severity | meaning |', '|---|---|---|');
  for (const c of builtinCodes) out.push(`| \`${c.code}\` | ${c.defaultSeverity} | ${c.summary} |`);
  return out.join('\n') + '\n';
}

if (process.argv[1]?.endsWith('gen-rules-doc.ts')) writeFileSync('docs/rules.md', rulesDoc());
