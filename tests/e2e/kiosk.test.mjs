// Kiosk displays in headless Chromium, at 1920x1080 and 1080x1920: the boards rotate in Dutch
// and French, nothing personal shows before a lookup, badge and PIN on the keypad open the
// worker's own year, which signs out by itself; wrong PINs lock the badge; the display keeps its
// board offline, says since when, and comes back; a lost WebGL context is recovered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newContext, openApp, items, tap, screenshot, signIn, signedIn, waitForItem, scrollToItem, typeInto,
         desktop, phone } from './harness.mjs';

const env = serverAndBrowser();
const landscape = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, hasTouch: true, isMobile: false };
const portrait = { viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 1, hasTouch: true, isMobile: false };

async function waitForLabel(page, role, pattern, timeout = 15000) {
  await page.waitForFunction(([r, p]) => window.learnledger.items().some((i) => i.role === r && new RegExp(p).test(i.label)),
    [role, pattern.source], { timeout });
  return (await items(page)).find((i) => i.role === role && pattern.test(i.label));
}

async function gone(page, pattern, timeout = 15000) {
  await page.waitForFunction((p) => !window.learnledger.items().some((i) => new RegExp(p).test(i.label + ' ' + i.value)),
    pattern.source, { timeout });
}

// A display paired with the demo token of the Antwerp site (HR gives it once; kept in storage).
async function openKiosk(options, token = 'demo-kiosk-antwerp') {
  const context = await newContext(env.browser, options);
  await context.addInitScript((t) => localStorage.setItem('learnledger.kiosk_token', t), token);
  const page = await openApp(context, env.server.url + '/?kiosk');
  await waitForLabel(page, 'heading', /^Opleiding in Antwerp in \d{4}$/);
  return { context, page };
}

async function typeDigits(page, digits) {
  for (const d of digits) await tap(page, 'button', d);
}

// The keypad keeps the language of its first digit until it is empty again, and the steps here
// read Dutch: the first digit goes in during a Dutch turn of the rotation. A turn may end between
// looking and tapping, so a digit held in French is erased and typed again.
async function firstDigitInDutch(page, digit) {
  const badgeShows = (value) => page.waitForFunction((v) => window.learnledger.items().some((i) => i.role === 'text' &&
    i.value === v && (i.label === 'Badgenummer' || i.label === 'Numéro de badge')), value);
  for (let attempt = 0; attempt < 3; attempt++) {
    await waitForLabel(page, 'button', /^Volgende$/, 25000);
    await tap(page, 'button', digit);
    await badgeShows(digit);
    if ((await items(page)).some((i) => i.role === 'text' && i.label === 'Badgenummer')) return;
    await tap(page, 'button', 'Effacer');
    await badgeShows('');
  }
  assert.fail(`the keypad did not take "${digit}" in Dutch in three turns of the rotation`);
}

async function typeBadge(page, badge) {
  await firstDigitInDutch(page, badge[0]);
  await typeDigits(page, badge.slice(1));
}

async function lookUp(page, badge, pin) {
  await typeBadge(page, badge);
  await tap(page, 'button', 'Volgende');
  await typeDigits(page, pin);
  await tap(page, 'button', 'OK');
}

function nothingPersonal(list) {
  const text = list.map((i) => i.label + ' ' + i.value).join('\n');
  assert.doesNotMatch(text, /Anna|Peeters|\d{6}[-. ]?\d{3}[-. ]?\d{2}/);
}

test('landscape: the boards rotate in both languages; a lookup shows Anna her year and signs out by itself', async () => {
  const { context, page } = await openKiosk(landscape);
  nothingPersonal(await items(page));
  const percent = await waitForLabel(page, 'figure', /^Van het opleidingsdoel van dit jaar$/);
  assert.match(percent.value, /^\d+ %$/);
  await screenshot(page, 'kiosk-landscape-board.png');
  await waitForLabel(page, 'heading', /^Formation à Antwerp en \d{4}$/, 15000);  // the same board in French
  await waitForLabel(page, 'heading', /^Opleidingen met vrije plaatsen$/, 15000);  // then the next board
  await waitForItem(page, 'text', 'First aid refresher');
  nothingPersonal(await items(page));

  // Anna's own figure, as her phone shows it, to compare with the kiosk's.
  const phoneContext = await newContext(env.browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
  const phonePage = await openApp(phoneContext, env.server.url + '/');
  await signIn(phonePage, 'worker@demo.example', 'demo-worker');
  const year = new Date().getFullYear();
  const own = await waitForItem(phonePage, 'figure', `Remaining ${year}`);
  await phoneContext.close();

  await lookUp(page, '1001', '2580');
  await waitForLabel(page, 'heading', /^Hallo, Anna Peeters$/);
  const kioskFigure = await waitForLabel(page, 'figure', new RegExp(`^Nog op te nemen ${year}$`));
  assert.equal(kioskFigure.value.replace(',', '.').split(' ')[0], own.value.replace(',', '.').split(' ')[0]);
  assert.ok((await items(page)).every((i) => i.label !== 'QR-code om learnledger te openen'));
  await screenshot(page, 'kiosk-landscape-lookup.png');
  // Nobody touches it: signed out after 30 s, the keypad back, Anna gone.
  await gone(page, /Anna/, 36000);
  await waitForLabel(page, 'button', /^(Volgende|Suivant)$/);  // the keypad back, in the rotation's language
  nothingPersonal(await items(page));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('portrait: board above the keypad, sign-out by hand, five wrong PINs lock the badge', async () => {
  const { context, page } = await openKiosk(portrait);
  const heading = await waitForLabel(page, 'heading', /^Opleiding in Antwerp in \d{4}$/);
  const one = await waitForItem(page, 'button', '1');
  assert.ok(one.y > heading.y + 1920 * 0.4, 'the keypad is below the board');
  assert.ok(one.h >= 44 && one.x + one.w <= 1080);
  await screenshot(page, 'kiosk-portrait-board.png');

  await lookUp(page, '1002', '1357');
  await waitForLabel(page, 'heading', /^Hallo, /);
  await tap(page, 'button', 'Afmelden');
  await waitForLabel(page, 'button', /^(Volgende|Suivant)$/);
  nothingPersonal(await items(page));

  await typeBadge(page, '1003');
  await tap(page, 'button', 'Volgende');
  for (let i = 0; i < 4; i++) {
    await typeDigits(page, '9999');
    await tap(page, 'button', 'OK');
    await waitForItem(page, 'text', 'Badgenummer of pincode niet herkend. Probeer opnieuw.');
  }
  await typeDigits(page, '9999');
  await tap(page, 'button', 'OK');
  await waitForLabel(page, 'text', /^Deze badge is een tijd geblokkeerd/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('offline: the board stays, "offline since", and it comes back by itself; a lost WebGL context is recovered', async () => {
  const { context, page } = await openKiosk(landscape);
  await context.setOffline(true);
  await waitForLabel(page, 'text', /^Offline sinds \d\d:\d\d$|^Hors ligne depuis \d\d:\d\d$/, 25000);
  await waitForLabel(page, 'heading', /Antwerp|vrije plaatsen|places libres|Deadlines|Échéances|telefoon|téléphone/);
  await screenshot(page, 'kiosk-offline.png');
  await context.setOffline(false);
  await gone(page, /Offline sinds|Hors ligne depuis/, 20000);

  const before = (await page.screenshot()).length;
  const frames = await page.evaluate(() => window.learnledger.frames());
  await page.evaluate(() => {
    const ext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.llLoseContext = ext;
    ext.loseContext();
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.llLoseContext.restoreContext());
  await page.waitForFunction((f) => window.learnledger.frames() > f + 1, frames, { timeout: 10000 });
  await firstDigitInDutch(page, '7');  // input still works and draws
  const after = (await page.screenshot()).length;
  assert.ok(after > before * 0.5, `the canvas draws again after the context came back (${before} -> ${after} bytes)`);
  await screenshot(page, 'kiosk-context-restored.png');
  // The requests tried while offline are logged by the browser; nothing else may be.
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('HR creates a display in the app and pairs it with the token; Anna chooses a PIN in the app and uses it there', async () => {
  const hr = await signedIn(env, desktop, 'hr@demo.example', 'demo-hr');
  await tap(hr.page, 'button', 'Kiosk');
  await scrollToItem(hr.page, 'textbox', 'Site of a new display');
  await typeInto(hr.page, 'Site of a new display', 'Antwerp');
  await scrollToItem(hr.page, 'button', 'Create display');
  await tap(hr.page, 'button', 'Create display');
  await waitForLabel(hr.page, 'text', /^Display created\./);
  const list = await items(hr.page);
  const note = list.findIndex((i) => /^Display created\./.test(i.label));
  const token = list[note + 1].label;
  assert.match(token, /^[A-Za-z0-9_-]{40,}$/);
  await hr.context.close();

  // A fresh display: no token yet, so it asks for one.
  const context = await newContext(env.browser, landscape);
  const page = await openApp(context, env.server.url + '/?kiosk');
  await waitForItem(page, 'heading', 'Pair this display');  // in the browser's language until the board names the site's
  await tap(page, 'textbox', 'Kiosk token');
  await page.keyboard.type(token);
  await tap(page, 'button', 'Pair');
  await waitForLabel(page, 'heading', /^Opleiding in Antwerp in \d{4}$/);
  assert.ok(!(await page.evaluate(() => location.href)).includes(token), 'the token never goes into the address');

  const anna = await signedIn(env, phone, 'worker@demo.example', 'demo-worker');
  await tap(anna.page, 'button', 'Kiosk');
  await waitForItem(anna.page, 'text', 'Badge 1001');
  await typeInto(anna.page, 'New PIN (4 to 8 digits)', '97531');
  await tap(anna.page, 'button', 'Save PIN');
  await waitForItem(anna.page, 'text', 'PIN saved.');
  await anna.context.close();

  await lookUp(page, '1001', '97531');
  await waitForLabel(page, 'heading', /^Hallo, Anna Peeters$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
