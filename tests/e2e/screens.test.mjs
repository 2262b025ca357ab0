// Every screen in every language at a phone size, saved as screenshots under build/e2e/screens,
// with the layout checked at 390 and 320 CSS px (what 200 % browser zoom leaves of a small window):
// no control or line may reach past the right edge; the same for HR's workspace screens at 200 %
// zoom of a desktop window. Labels are read from the shipped catalogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverAndBrowser, newContext, phone, openApp, items, waitForItem, tap, settled, signIn, screenshot, signedInAsWorker, signedIn } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// msgid -> msgstr of one .po catalog (single-line entries, which is all the keys used here).
function catalog(language) {
  const text = readFileSync(path.join(root, 'assets/i18n', language + '.po'), 'utf8');
  const out = {};
  for (const m of text.matchAll(/^msgid "(.*)"\nmsgstr "(.*)"$/gm)) out[m[1]] = m[2];
  return out;
}

const env = serverAndBrowser();

// Items that reach past the right edge of the page, or buttons too small for their label (layout
// breaks), as readable strings.
async function overflowing(page, width) {
  return (await items(page)).filter((i) => i.x < -0.5 || i.x + i.w > width + 0.5 || i.clipped)
    .map((i) => `${i.role} "${i.label}" ${i.x}+${i.w}${i.clipped ? ' clipped' : ''}`);
}

// The accessibility mirror lies over the canvas; it must not paint a pixel of its own (a native
// checkbox would draw its box over the drawn one). Compared in CSS pixels: a ninth of a phone's.
// Both shots are of a settled frame: after a tap the canvas may still draw what it led to.
async function mirrorPaintsNothing(page, name) {
  await settled(page);
  const shown = await page.screenshot({ scale: 'css' });
  await page.evaluate(() => { document.getElementById('a11y-tree').style.visibility = 'hidden'; });
  const hidden = await page.screenshot({ scale: 'css' });
  await page.evaluate(() => { document.getElementById('a11y-tree').style.visibility = ''; });
  assert.ok(shown.equals(hidden), `${name}: the accessibility mirror paints nothing over the canvas`);
}

async function visit(page, width, name, shots) {
  assert.deepEqual(await overflowing(page, width), [], `${name}: nothing past the right edge at ${width} px`);
  if (!shots) return;
  await mirrorPaintsNothing(page, name);
  await screenshot(page, path.join('screens', name + '.png'));
}

const natives = { en: 'English', nl: 'Nederlands', fr: 'Français', de: 'Deutsch' };

// A desktop window of 1280 x 800 at 200 % zoom: 640 x 400 CSS px, each two device pixels. The
// page is taller here so each check covers more of a screen.
test('HR at 200 % zoom: every workspace screen and its figures stay inside the page', async () => {
  const zoomed = { viewport: { width: 640, height: 1200 }, deviceScaleFactor: 2, hasTouch: false, isMobile: false };
  const { context, page } = await signedIn(env, zoomed, 'hr@demo.example', 'demo-hr');
  const screens = [['button', /^Approvals( \(\d+\))?$/, 'Approvals'], ['button', /^Team$/, 'Team'], ['button', /^Compliance$/, 'Compliance'],
                   ['button', /^Training plan$/, /^Training plan \d{4}$/], ['button', /^Data$/, 'Exports'],
                   ['button', /^Messages( \(\d+\))?$/, 'Messages'], ['button', /^Kiosk$/, 'Kiosk']];
  for (const [role, button, heading] of screens) {
    const target = (await items(page)).find((i) => i.role === role && button.test(i.label));
    assert.ok(target, `the ${button} button is on the page`);
    await page.mouse.click(target.x + target.w / 2, target.y + target.h / 2);
    await page.waitForFunction((h) => window.learnledger.items().some((i) => i.role === 'heading' && new RegExp(h).test(i.label)),
      typeof heading === 'string' ? '^' + heading + '$' : heading.source);
    await page.waitForFunction(() => !window.learnledger.items().some((i) => i.label === 'Loading...'));
    await visit(page, 640, 'zoom-200-' + target.label.replace(/\W+/g, '-').toLowerCase(), true);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

for (const width of [390, 320]) {
  for (const language of ['en', 'nl', 'fr', 'de']) {
    test(`${language} at ${width} px: sign-in, balance, explanation, history, submit`, async () => {
      const t = catalog(language);
      const shots = width === 390;
      const context = await newContext(env.browser, { ...phone, viewport: { width, height: 1400 }, locale: language });
      const page = await openApp(context, env.server.url + '/');
      const tag = `${language}-${width}`;
      await waitForItem(page, 'button', t['Sign in']);
      await visit(page, width, `${tag}-sign-in`, shots);
      await signIn(page, 'worker@demo.example', 'demo-worker', { email: t['E-mail'], password: t['Password'], submit: t['Sign in'] });
      await waitForItem(page, 'heading', t['My training right']);
      await waitForItem(page, 'button', t['Show explanation']);
      await visit(page, width, `${tag}-balance`, shots);
      await tap(page, 'button', t['Show explanation']);
      await waitForItem(page, 'button', t['Hide explanation']);
      await visit(page, width, `${tag}-explanation`, shots);
      await tap(page, 'button', t['History']);
      await waitForItem(page, 'textbox', t['Search']);
      await waitForItem(page, 'text', 'Safe loading');
      await visit(page, width, `${tag}-history`, shots);
      await tap(page, 'button', t['Submit']);
      await waitForItem(page, 'heading', t['Submit a training']);
      await tap(page, 'button', t['Send for approval']);  // empty: the form names what is missing
      await visit(page, width, `${tag}-submit`, shots);
      await tap(page, 'button', natives[language === 'en' ? 'nl' : 'en']);  // the picker works from every screen
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language === 'en' ? 'nl' : 'en');
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }
}

test('back and forward move between tabs; the explanation closes on back', async () => {
  const { context, page } = await signedInAsWorker(env.browser, env.server.url);
  await waitForItem(page, 'button', 'Show explanation');
  await tap(page, 'button', 'History');
  await waitForItem(page, 'textbox', 'Search');
  await tap(page, 'button', 'Submit');
  await waitForItem(page, 'heading', 'Submit a training');
  assert.equal(await page.evaluate(() => location.hash), '#submit');
  await page.goBack();
  await waitForItem(page, 'textbox', 'Search');
  await page.goBack();
  await waitForItem(page, 'button', 'Show explanation');
  await page.goForward();
  await waitForItem(page, 'textbox', 'Search');
  // A fragment naming anything else (here another worker's record) shows nothing new and is put right.
  await page.evaluate(() => { location.hash = '#workers/w-0002'; });
  await page.waitForFunction(() => location.hash === '#history');
  await waitForItem(page, 'textbox', 'Search');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('history search and status filter; copy goes to the system clipboard', async () => {
  const context = await newContext(env.browser, phone);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await openApp(context, env.server.url + '/');
  await signIn(page, 'worker@demo.example', 'demo-worker');
  await tap(page, 'button', 'History');
  await tap(page, 'textbox', 'Search');
  await page.keyboard.type('SAFE');
  await waitForItem(page, 'textbox', 'Search', 'SAFE');
  await waitForItem(page, 'text', 'Safe loading');
  assert.ok(!(await items(page)).some((i) => i.label === 'GDPR basics'), 'filtered out');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'SAFE', null, { timeout: 5000 });
  await page.keyboard.press('Backspace');
  await waitForItem(page, 'textbox', 'Search', '');
  await tap(page, 'button', 'Waiting');
  // The filter applies a frame or two after the tap: wait for the withdrawn training to go.
  await page.waitForFunction(() => !window.learnledger.items().some((i) => i.label === 'GDPR basics'), null, { timeout: 5000 })
    .catch(() => assert.fail('withdrawn is not waiting'));
  await waitForItem(page, 'text', 'Safe loading');
  assert.deepEqual(page.errors, []);
  await context.close();
});
