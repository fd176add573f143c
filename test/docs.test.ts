import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { followable, sourceAnchor, sourceSections } from '../server/src/core/util/sources';
import { rulesDoc } from '../scripts/gen-rules-doc';

test('docs/rules.md is generated from the current rule table (run npm run gen)', () => {
  assert.equal(readFileSync('docs/rules.md', 'utf8'), rulesDoc());
});

/** Markdown links of a file: [text](target), targets that are not web addresses. */
function localLinks(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z]+:/.test(t));
}

test('the docs link only inside the repository, to files and anchors that exist', () => {
  for (const file of ['README.md', 'client/README.md', ...readdirSync('docs').map((f) => `docs/${f}`)]) {
    for (const link of localLinks(file)) {
      const [path, anchor] = link.split('#');
      const target = path ? resolve(dirname(file), path) : resolve(file);
      assert.ok(target.startsWith(resolve('.') + sep), `${file}: ${link} leaves the repository`);
      assert.ok(existsSync(target), `${file}: ${link} does not exist`);
      if (anchor && target.endsWith('.md')) {
        const text = readFileSync(target, 'utf8');
        const headings = [...text.matchAll(/^#+ (.*)$/gm)].map((m) =>
          m[1]
            .toLowerCase()
            .replace(/[^\w\- ]/g, '')
            .replace(/ /g, '-'),
        );
        assert.ok(
          text.includes(`id="${anchor}"`) || headings.includes(anchor),
          `${file}: ${link}: no anchor #${anchor}`,
        );
      }
    }
  }
});

test('docs/sources.md has a section for every anchor citations link to, and names the figures illustrative', () => {
  const text = readFileSync('docs/sources.md', 'utf8');
  for (const line of sourceSections) assert.ok(text.includes(`<a id="l${line}"></a>L${line}–`), `section L${line}`);
  for (let n = 1; n <= 8; n++) assert.ok(text.includes(`<a id="digest-${n}"></a>§${n}`), `digest §${n}`);
  assert.match(text, /illustrative case-study numbers/);
  assert.match(text, /not law/);
});

test('citations of the source text link to docs/sources.md, once', () => {
  const once = followable('(CAP; SBI YONO split-brain, source L3673–L3718).');
  assert.equal(once, '(CAP; SBI YONO split-brain, source L3673–L3718, see docs/sources.md#l3525).');
  assert.equal(followable(once), once);
  assert.equal(followable('x (source L3531, L3562) y'), 'x (source L3531, L3562, see docs/sources.md#l3525) y');
  assert.equal(followable('none given (digest §4.4)'), 'none given (digest §4.4, see docs/sources.md#digest-4)');
  assert.equal(sourceAnchor(311), 'docs/sources.md#l40');
  assert.equal(followable('no citation here'), 'no citation here');
});
