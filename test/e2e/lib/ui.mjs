// What a person sees in code-server with the installed .vsix: the file opens as Consistency, a squiggle
// whose hover and Problems entry give the message, a data type's hover with the estimate's numbers, the
// CodeLens titles, a quick fix that changes the text and clears the squiggle, the estimate preview, and ▶ Simulate's
// results panel (histogram, seed, checks; Change seed and Re-run).
// Every expectation comes from the language service (test/e2e/expected.ts); a screenshot is kept per step.
import assert from 'node:assert/strict';
import { poll } from './wait.mjs';

const norm = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** What overflows the results panel sideways (nothing should: narrow panels stack, they do not cut off). */
async function overflow(results) {
  return results.locator('body').evaluate(() => {
    const out = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`the page: ${root.scrollWidth} > ${root.clientWidth} px`);
    for (const w of document.querySelectorAll('.table-wrap')) {
      if (w.scrollWidth > w.clientWidth + 1) out.push(`${w.firstElementChild?.className} table: ${w.scrollWidth} > ${w.clientWidth} px`);
    }
    return { out, width: root.clientWidth };
  });
}

/** The numbers a reader finds in the hover markdown: table cells ("170 ms") and the monthly cost. */
export function hoverNumbers(markdown) {
  const cells = [...markdown.matchAll(/\| (read|write) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|/g)].flatMap((m) => [m[2], m[3], m[4]].map((c) => c.trim()));
  const cost = /\*\*(≈ [^*]+\/month)\*\*/.exec(markdown)?.[1];
  assert.ok(cells.length === 6 && cost, `the hover markdown has a latency table and a monthly cost:\n${markdown}`);
  return [...cells, cost];
}

export async function uiChecks({ page, url, folder, file, check, shot }) {
  const editor = page.locator('.monaco-editor[data-uri$="wallet.consistency"]').first();
  const hover = page.locator('.monaco-hover:visible');
  const closeHover = async () => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await poll('the hover closes', 5_000, async () => (await hover.count()) === 0);
  };
  /** Rests the mouse on an element until a hover containing `text` shows (re-aimed if the layout moved). */
  const hoverOver = async (target, text) => {
    let tries = 0;
    await poll(`a hover with "${text}" shows`, 20_000, async () => {
      if (tries++ % 15 === 0) {
        const box = await target.boundingBox();
        if (!box) return false;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 1);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      }
      return (await hover.filter({ hasText: text }).count()) > 0;
    });
    return norm(await hover.filter({ hasText: text }).first().innerText());
  };
  const diagnostic = file.diagnostics[0];

  await check('the workbench loads and the file opens as Consistency', async () => {
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.getByRole('treeitem', { name: /wallet\.consistency/ }).click({ timeout: 30_000 });
    await page.locator('[id="status.editor.mode"]').filter({ hasText: 'Consistency' }).waitFor({ timeout: 30_000 });
    await shot('01-opened');
  });

  await check('a squiggle under the contradiction, and its hover gives the message', async () => {
    // CodeLenses add lines above data types when they arrive: wait for them so that nothing moves.
    // One decoration per line: lenses on the same line (an estimate and ▶ Simulate) share it.
    const lines = new Set(file.lenses.map((l) => l.range.start.line)).size;
    await poll('the CodeLenses show', 30_000, async () => (await editor.locator('.codelens-decoration').count()) >= lines);
    const squiggle = editor.locator('.squiggly-error');
    await squiggle.first().waitFor({ timeout: 30_000 });
    assert.equal(await squiggle.count(), 1, 'one error squiggle');
    const text = await hoverOver(squiggle.first(), diagnostic.code);
    assert.ok(text.includes(norm(diagnostic.message)), `hover shows the message:\n${text}`);
    await shot('02-diagnostic-hover');
    await closeHover();
  });

  await check('the Problems panel lists the diagnostic with its code', async () => {
    await editor.click({ position: { x: 300, y: 5 } });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: diagnostic.code });
    await row.first().waitFor();
    const text = norm(await row.first().innerText());
    assert.ok(text.includes(norm(diagnostic.message)) && text.includes(diagnostic.code), `problems row:\n${text}`);
    await shot('03-problems');
    await page.keyboard.press('Control+J'); // hide the panel again
  });

  const [lens] = file.lenses;
  const name = lens.arguments[1];
  await check(`hover on data type ${name}: the estimate's latencies and monthly cost`, async () => {
    const token = editor.locator('.view-lines span span').filter({ hasText: new RegExp(`^${name}$`) }).first();
    const text = await hoverOver(token, `data ${name}`);
    for (const n of hoverNumbers(file.hovers[name])) assert.ok(text.includes(n), `hover shows ${n}:\n${text}`);
    await shot('04-data-hover');
    await closeHover();
  });

  await check('CodeLens titles above each data type', async () => {
    const want = file.lenses.map((l) => norm(l.title)).sort();
    const got = await poll('the CodeLenses show', 20_000, async () => {
      const titles = (await editor.locator('.codelens-decoration a').allInnerTexts()).map(norm).filter(Boolean).sort();
      return titles.length === want.length && titles;
    });
    assert.deepEqual(got, want);
    await shot('05-codelens');
  });

  await check('a quick fix applied: the text changes and the squiggle goes', async () => {
    const squiggle = editor.locator('.squiggly-error').first();
    const box = await squiggle.boundingBox();
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const [title] = diagnostic.fixes;
    // The menu lists the fixes; move the selection to the first one by keyboard (the menu blocks mouse clicks).
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor();
    await shot('06-quick-fix-menu');
    await poll(`"${title}" is selected`, 5_000, async () => {
      if ((await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label')) === title) return true;
      await page.keyboard.press('ArrowDown');
      return false;
    });
    await page.keyboard.press('Enter');
    const newText = /`([^`]+)`/.exec(title)?.[1] ?? title; // "Use `conflict abort`" → conflict abort
    await poll(`the editor shows "${newText}"`, 10_000, async () => norm(await editor.locator('.view-lines').innerText()).includes(newText));
    await poll('the squiggle goes', 15_000, async () => (await editor.locator('.squiggly-error').count()) === 0);
    const problems = page.locator('[id="status.problems"]');
    await poll('the status bar counts 0 errors and 0 warnings', 10_000, async () => norm(await problems.innerText()) === '0 0').catch(async (e) => {
      throw new Error(`${e.message}; the status bar says "${norm(await problems.innerText())}"`);
    });
    await shot('07-fixed');
  });

  await check(`clicking the CodeLens of ${name} opens its estimate preview`, async () => {
    await editor.locator('.codelens-decoration a').filter({ hasText: norm(lens.title).slice(0, 10) }).first().click();
    await page.locator('.tab').filter({ hasText: `Estimate ${name}` }).first().waitFor();
    // The preview is a webview: an iframe whose active frame holds the rendered markdown.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.getByText(`data ${name}`).first().waitFor();
    const text = norm(await preview.locator('body').innerText());
    for (const n of hoverNumbers(file.hovers[name])) assert.ok(text.includes(n), `the preview shows ${n}:\n${text}`);
    await shot('08-estimate-preview');
  });

  await check('▶ Simulate opens the results panel: histogram, seed and checks; Change seed and Re-run', async () => {
    await editor.locator('.codelens-decoration a').filter({ hasText: '▶ Simulate' }).first().click();
    const tab = page.locator('.tab').filter({ hasText: 'Simulation: ' }).first();
    await tab.waitFor({ timeout: 30_000 });
    const simulated = norm(await tab.innerText()).replace(/^Simulation: /, '').split(' ')[0];
    const summaries = file.simulations[simulated];
    assert.ok(summaries, `a panel for a data type of the file: ${simulated}`);
    const results = page.locator('iframe.webview.ready[src*="extensionId=consistency-tools.consistency-policies"]:visible').contentFrame().locator('#active-frame').contentFrame();
    const summary = results.locator('#summary');
    await poll('the results of seed 1 show', 30_000, async () => norm(await summary.innerText()) === summaries['1'] && norm(await results.locator('#seed').innerText()) === 'seed 1');
    await results.locator('canvas#histogram-0').waitFor({ state: 'visible' });
    const box = await results.locator('canvas#histogram-0').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `the histogram is drawn: ${JSON.stringify(box)}`);
    const checks = (await results.locator('table.checks tbody tr').allInnerTexts()).map(norm);
    assert.ok(checks.length >= 7, checks.join('\n'));
    assert.ok(checks.some((c) => c.startsWith('stale reads (missed an acknowledged write)')), checks.join('\n'));
    assert.ok(checks.some((c) => c.startsWith('linearizable (values, per key)')), checks.join('\n'));
    assert.ok(checks.some((c) => c.startsWith('read-your-writes')), checks.join('\n'));
    await results.locator('canvas#visibility-0').waitFor({ state: 'visible' });
    await results.locator('canvas#timeline-0').waitFor({ state: 'visible' });
    // The default side-by-side layout: the panel is half the editor; every column shows, p99.9 and max included.
    const half = await overflow(results);
    assert.deepEqual(half.out, [], `nothing cut off at ${half.width} px`);
    assert.ok(half.width < 700, `the panel is beside the editor: ${half.width} px`);
    const latency = norm(await results.locator('table.latency').innerText());
    for (const label of ['p99.9', 'max', 'ok/s']) assert.ok(latency.includes(label), latency);
    await shot('09-simulation');
    await results.locator('canvas#visibility-0').scrollIntoViewIfNeeded();
    await shot('09-simulation-charts');

    await results.locator('#change-seed').click();
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    assert.equal(await input.inputValue(), '2', 'the next seed is suggested');
    await shot('09b-simulation-change-seed');
    await input.press('Enter');
    await poll('the results of seed 2 show', 30_000, async () => norm(await results.locator('#seed').innerText()) === 'seed 2' && norm(await summary.innerText()) === summaries['2']);
    assert.equal(norm(await results.locator('#run').innerText()), 'run 2 in this panel');
    await shot('09c-simulation-seed-2');

    await results.locator('#rerun').click();
    await poll('the re-run shows, with the same seed', 30_000, async () => norm(await results.locator('#run').innerText()) === 'run 3 in this panel');
    assert.equal(norm(await results.locator('#seed').innerText()), 'seed 2');
    assert.equal(norm(await summary.innerText()), summaries['2']);
    await shot('09d-simulation-rerun');

    // A narrow screen: the panel is about 350 px wide; still nothing overflows, the checks stack.
    await page.setViewportSize({ width: 900, height: 900 });
    await poll('the panel narrows', 10_000, async () => (await overflow(results)).width < 450);
    const narrow = await overflow(results);
    assert.deepEqual(narrow.out, [], `nothing cut off at ${narrow.width} px`);
    const narrowBox = await results.locator('canvas#histogram-0').boundingBox();
    assert.ok(narrowBox && narrowBox.width > 200, `the histogram fits the narrow panel: ${JSON.stringify(narrowBox)}`);
    await shot('09f-simulation-narrow');
    await results.locator('table.checks').scrollIntoViewIfNeeded();
    await shot('09g-simulation-narrow-checks');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  await check('▶ Simulate above a scenario: its own seed, and the fault window in the timeline and the faults table', async () => {
    await page.keyboard.press('Control+Home');
    const lens = editor.locator('.codelens-decoration a').filter({ hasText: '▶ Simulate' });
    await poll('the scenario lens shows', 30_000, async () => (await lens.count()) >= Object.keys(file.simulations).length);
    await lens.last().scrollIntoViewIfNeeded();
    await lens.last().click();
    const tab = page.locator('.tab').filter({ hasText: 'Simulation: delhi_cut' }).first();
    await tab.waitFor({ timeout: 30_000 });
    const results = page.locator('iframe.webview.ready[src*="extensionId=consistency-tools.consistency-policies"]:visible').contentFrame().locator('#active-frame').contentFrame();
    const summary = results.locator('#summary');
    await poll('the results of the scenario\'s seed 42 show', 30_000, async () => norm(await summary.innerText()) === file.simulations.delhi_cut['42'] && norm(await results.locator('#seed').innerText()) === 'seed 42');
    await results.locator('canvas#timeline-0').waitFor({ state: 'visible' });
    const rows = (await results.locator('table.faults tbody tr').allInnerTexts()).map(norm);
    assert.equal(rows.length, 1, rows.join('\n'));
    // Operations arriving in the window: mumbai's all answered, most of delhi's not (some wait out the partition).
    const delhi = Number(/delhi ([\d.]+)%/.exec(rows[0])?.[1]);
    assert.ok(rows[0].startsWith('partition mumbai, bangalore | delhi') && rows[0].includes('1–3 s') && /mumbai 100%/.test(rows[0]) && delhi < 50, rows[0]);
    await results.locator('table.faults').scrollIntoViewIfNeeded();
    await shot('09e-scenario-faults');
  });
}
