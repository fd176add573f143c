// Debian's Chromium driven by playwright-core (no browser download), headless, with its profile, HOME and
// temp files under the scratch directory; console errors are kept for the report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CONSISTENCY_E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(scratch) {
  const home = join(scratch, 'chromium-home');
  const profile = join(scratch, 'chromium-profile');
  for (const d of [home, profile, join(home, 'tmp')]) mkdirSync(d, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false, // run.mjs stops the browser and code-server itself on a signal
    handleSIGTERM: false,
    handleSIGHUP: false,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: home, TMPDIR: join(home, 'tmp'), XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(20_000);
  return context;
}

/** A new page that records console errors into `errors`. */
export async function newPage(context, errors) {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text().slice(0, 500));
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${String(e).slice(0, 500)}`));
  return page;
}
