// The first slice end to end at a phone viewport: the figure from SQLite through the core and the
// server into the canvas, found through window.learnledger.items(), taps, idle frames, resizing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newContext, phone, openApp, items, waitForItem, tap, signIn, screenshot, certificatePng, signedInAsWorker, deviceKeys } from './harness.mjs';

const env = serverAndBrowser();
// WebGL's BLEND_EQUATION_RGB, BLEND_DST_RGB, BLEND_SRC_RGB, BLEND_DST_ALPHA, BLEND_SRC_ALPHA,
// BLEND_EQUATION_ALPHA, VIEWPORT and SCISSOR_BOX: what Dear ImGui's backend saves around a frame.
const savedState = [0x8009, 0x80C8, 0x80C9, 0x80CA, 0x80CB, 0x883D, 0x0BA2, 0x0C10];


test('the demo worker signs in, sees this year\'s training right and can go back to 2024', async () => {
  const context = await newContext(env.browser, phone);
  const page = await openApp(context, env.server.url + '/');
  await waitForItem(page, 'textbox', 'E-mail');
  await screenshot(page, 'phone-sign-in.png');
  await signIn(page, 'worker@demo.example', 'wrong password');
  await waitForItem(page, 'text', 'Wrong e-mail address or password.');
  await signIn(page, '', 'demo-worker');  // the e-mail is kept after a failure
  const now = await waitForItem(page, 'figure', 'Training right 2026');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');  // 5 d x 80 % x 12/12
  assert.ok(now.w > 100 && now.h > 20, 'the figure has a visible size');

  await tap(page, 'button', 'Previous year');
  await waitForItem(page, 'figure', 'Training right 2025', '4 days');
  await tap(page, 'button', 'Previous year');
  await waitForItem(page, 'figure', 'Training right 2024', '3 days');  // hired 29 Apr at 80 %: 5 x 0.8 x 9/12
  await tap(page, 'button', 'Show explanation');
  await waitForItem(page, 'text', '5 d x 80 % x 9/12 months = 3 d');
  await screenshot(page, 'phone-balance-2024.png');
  await tap(page, 'button', 'Sign out');
  await waitForItem(page, 'textbox', 'E-mail');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the canvas is drawn in device pixels and follows resizes', async () => {
  const { context, page } = await signedInAsWorker(env.browser, env.server.url);
  const size = () => page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(await size(), [1170, 2532]);  // 390 x 844 CSS px at devicePixelRatio 3

  await page.setViewportSize({ width: 844, height: 390 });
  await page.waitForFunction(() => Module.canvas.width === 2532 && Module.canvas.height === 1170, null, { timeout: 5000 });
  const next = await waitForItem(page, 'button', 'Next year');
  assert.ok(next.x + next.w <= 844 && next.x + next.w > 600, 'the layout uses the new width');
  await screenshot(page, 'phone-landscape.png');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an idle page renders no frames', async () => {
  const { context, page } = await signedInAsWorker(env.browser, env.server.url);
  await waitForItem(page, 'button', 'Show explanation');
  await page.waitForTimeout(500);  // let the wake budget run out
  const before = await page.evaluate(() => window.learnledger.frames());
  await page.waitForTimeout(3000);
  const idle = await page.evaluate(() => window.learnledger.frames());
  assert.equal(idle, before, 'frames rendered while idle');

  await tap(page, 'button', 'Show explanation');
  await waitForItem(page, 'button', 'Hide explanation');
  const afterTap = await page.evaluate(() => window.learnledger.frames());
  assert.ok(afterTap > idle && afterTap - idle <= 12, `a tap renders a few frames (${afterTap - idle})`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Each of these questions waits for the GPU process, which at start-up is still making the context,
// compiling shaders and taking the font texture: 8-60 ms each under SwiftShader (bench/RESULTS.md).
// The font atlas is uploaded once (it was sent twice, the first texture leaked), and the service
// worker, whose install downloads the whole shell again, is registered only after the first frame.
test('the first frame waits for nothing it does not need: no WebGL state or extensions, one font upload, no service worker yet', async () => {
  const context = await newContext(env.browser, phone);
  await context.addInitScript(() => {
    window.llAsked = [];
    window.llRegistered = [];
    // The first frame is drawn with its first draw call (the context's clock is fixed, so
    // performance marks cannot tell).
    let drawn = false;
    const beforeFirstFrame = () => !drawn;
    const proto = WebGL2RenderingContext.prototype;
    const drawElements = proto.drawElements;
    proto.drawElements = function (...args) {
      drawn = true;
      return drawElements.apply(this, args);
    };
    for (const name of ['getParameter', 'getExtension', 'getSupportedExtensions', 'texImage2D', 'createTexture']) {
      const original = proto[name];
      proto[name] = function (...args) {
        if (beforeFirstFrame()) window.llAsked.push([name, args[0]]);
        return original.apply(this, args);
      };
    }
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.llRegistered.push(beforeFirstFrame() ? 'before the first frame' : 'after');
      return register.apply(this, args);
    };
  });
  const page = await openApp(context, env.server.url + '/');
  await waitForItem(page, 'textbox', 'E-mail');
  const asked = await page.evaluate(() => window.llAsked);
  const stateQuestions = asked.filter(([name, what]) => name === 'getParameter' && savedState.includes(what));
  assert.deepEqual(stateQuestions, [], 'blend, viewport and scissor state are answered by the state shadow');
  assert.deepEqual(asked.filter(([name]) => name === 'getExtension' || name === 'getSupportedExtensions'), [], 'no extension is enabled or listed');
  assert.ok(asked.some(([name]) => name === 'getParameter'), 'the probe saw the backend\'s other questions');  // it watched the right context
  assert.equal(asked.filter(([name]) => name === 'createTexture').length, 1, 'one texture: the font atlas');
  assert.equal(asked.filter(([name]) => name === 'texImage2D').length, 1, 'the font atlas is uploaded once');
  // The worker still comes, and takes the page: offline start depends on it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  assert.deepEqual(await page.evaluate(() => window.llRegistered), ['after']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the language follows the browser, can be switched, and is remembered', async () => {
  const context = await newContext(env.browser, { ...phone, locale: 'fr-BE' });
  const page = await openApp(context, env.server.url + '/');
  await waitForItem(page, 'button', 'Se connecter');
  await screenshot(page, 'phone-sign-in-fr.png');
  await signIn(page, 'worker@demo.example', 'demo-worker', { email: 'E-mail', password: 'Mot de passe', submit: 'Se connecter' });
  await waitForItem(page, 'figure', 'Droit à la formation 2026', '4 jours');
  await tap(page, 'button', 'Nederlands');
  await waitForItem(page, 'figure', 'Opleidingsrecht 2026', '4 dagen');
  await tap(page, 'button', 'Toon uitleg');
  await waitForItem(page, 'text', '5 d x 80 % x 12/12 maanden = 4 d');
  await screenshot(page, 'phone-balance-nl.png');
  await page.reload();
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready());
  await waitForItem(page, 'figure', 'Opleidingsrecht 2026', '4 dagen');  // still signed in, still Dutch
  await waitForItem(page, 'button', 'Verberg uitleg');  // the place came back from the address (#balance/explanation)
  assert.equal(await page.evaluate(() => location.hash), '#balance/explanation');
  await page.goBack();  // Android's back button: the explanation closes, the app stays
  await waitForItem(page, 'button', 'Toon uitleg');
  assert.equal(await page.evaluate(() => location.hash), '#balance');
  await tap(page, 'button', 'Deutsch');
  await waitForItem(page, 'figure', 'Weiterbildungsanspruch 2026', '4 Tage');
  await screenshot(page, 'phone-balance-de.png');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a tapped text field focuses the text agent inside the tap; accented text arrives whole', async () => {
  const context = await newContext(env.browser, phone);
  const page = await openApp(context, env.server.url + '/');
  await tap(page, 'textbox', 'E-mail');
  // Focus happened within the touch event itself: that is what lets a phone open its keyboard.
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'text-agent');
  await page.keyboard.type('Héllo-çà-€-œ@x.example');
  await waitForItem(page, 'textbox', 'E-mail', 'Héllo-çà-€-œ@x.example');
  await page.keyboard.press('Backspace');
  await waitForItem(page, 'textbox', 'E-mail', 'Héllo-çà-€-œ@x.exampl');
  const agent = () => page.evaluate(() => {
    const a = document.getElementById('text-agent');
    return [a.type, a.getAttribute('autocomplete'), a.getAttribute('inputmode')].join(' ');
  });
  assert.equal(await agent(), 'email username email');  // the e-mail keyboard; password managers see a username
  await tap(page, 'textbox', 'Password');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'text-agent');
  assert.equal(await agent(), 'password current-password text');  // the keyboard never learns it
  await tap(page, 'heading', 'Sign in');  // tapping outside a field lets the keyboard go
  await page.waitForFunction(() => document.activeElement && document.activeElement.id !== 'text-agent');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a worker submits a training with a certificate photo; it waits for approval in the history', async () => {
  const { context, page } = await signedInAsWorker(env.browser, env.server.url, { ...phone, viewport: { width: 390, height: 1500 } });
  await tap(page, 'button', 'Submit');
  await tap(page, 'textbox', 'Title');
  await page.keyboard.type('Reach truck refresher');
  await tap(page, 'textbox', 'Provider');
  await page.keyboard.type('Académie Logistique');
  await tap(page, 'textbox', 'Hours');
  assert.equal(await page.evaluate(() => document.getElementById('text-agent').getAttribute('inputmode')), 'decimal');
  await page.keyboard.type('3');
  await tap(page, 'textbox', 'Minutes');
  await page.keyboard.type('30');
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Add a photo or file');
  const png = certificatePng();
  await (await chooser).setFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: png });
  await waitForItem(page, 'text', 'certificate.png');
  // The preview is the server's remaining minutes for 2026 less the 3 h 30 typed.
  const remaining = await page.evaluate(async () => (await (await fetch('/api/v1/me/balance?year=2026')).json()).remaining_minutes);
  const left = remaining - 210;
  const hours = Math.floor(left / 60), minutes = left % 60;
  await waitForItem(page, 'text', `After approval: ${hours} h${minutes ? ` ${minutes} min` : ''} left in 2026`);
  await screenshot(page, 'phone-submit.png');
  await tap(page, 'button', 'Send for approval');
  await waitForItem(page, 'text', 'Reach truck refresher');
  await waitForItem(page, 'text', '2026-11-29 · 3 h 30 min · formal · waiting for approval · Académie Logistique');
  await waitForItem(page, 'image', 'Certificate', 'photo');  // decoded by the browser, drawn as a texture
  await screenshot(page, 'phone-history.png');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the theme follows the system; the installed app starts without network', async () => {
  const context = await newContext(env.browser, { ...phone, colorScheme: 'dark' });
  const page = await openApp(context, env.server.url + '/');
  assert.equal(await page.evaluate(() => window.learnledger.theme()), 'dark');
  await waitForItem(page, 'textbox', 'E-mail');
  await screenshot(page, 'phone-sign-in-dark.png');
  const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  assert.equal(manifest.display, 'standalone');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready(), null, { timeout: 20000 });
  await waitForItem(page, 'textbox', 'E-mail');  // the shell came from the cache; no session can be checked offline
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => window.learnledger.theme() === 'light', null, { timeout: 5000 });  // live, no input needed
  await context.setOffline(false);
  // Offline, the failed session check is logged by the browser; nothing else may be.
  assert.deepEqual(page.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('high contrast follows the system\'s "more contrast" and can be chosen in the app; the choice stays on the device', async () => {
  const context = await newContext(env.browser, phone);
  const page = await openApp(context, env.server.url + '/');
  await waitForItem(page, 'textbox', 'E-mail');
  assert.equal(await page.evaluate(() => window.learnledger.theme()), 'light');
  const themeIs = (name) => page.waitForFunction((n) => window.learnledger.theme() === n, name, { timeout: 5000 });
  await page.emulateMedia({ contrast: 'more' });
  await themeIs('high-contrast');  // live, no input needed
  await page.emulateMedia({ contrast: 'no-preference' });
  await themeIs('light');
  await waitForItem(page, 'button', 'As the device', 'pressed');
  await tap(page, 'button', 'High');
  await themeIs('high-contrast');
  await waitForItem(page, 'button', 'High', 'pressed');
  await screenshot(page, 'phone-sign-in-high-contrast.png');
  await page.reload();
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready(), null, { timeout: 20000 });
  await themeIs('high-contrast');
  await tap(page, 'button', 'As the device');
  await themeIs('light');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('offline: the last data shows, a submission waits and is sent exactly once when back online', async () => {
  const { context, page } = await signedInAsWorker(env.browser, env.server.url, { ...phone, viewport: { width: 390, height: 1500 } });
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 10000 });

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready(), null, { timeout: 20000 });
  await waitForItem(page, 'text', 'Offline: showing what was last loaded.');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');

  await tap(page, 'button', 'Submit');
  await tap(page, 'textbox', 'Title');
  await page.keyboard.type('Offline course');
  await tap(page, 'textbox', 'Hours');
  await page.keyboard.type('2');
  await waitForItem(page, 'textbox', 'Hours', '2');
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Add a photo or file');
  await (await chooser).setFiles({ name: 'offline.png', mimeType: 'image/png', buffer: certificatePng() });
  await waitForItem(page, 'text', 'offline.png');
  await tap(page, 'button', 'Send for approval');
  await waitForItem(page, 'text', 'Saved: "Offline course" will be sent when you are back online.');
  await tap(page, 'button', 'History');
  await waitForItem(page, 'text', '2026-11-29 · 2 h · waiting to send');
  await screenshot(page, 'phone-offline-waiting.png');
  // The training and its certificate file are in IndexedDB: they survive a restart without network.
  const kept = () => deviceKeys(page);
  const keptFiles = async (count) => {
    for (let i = 0; i < 50 && (await kept()).filter((k) => k.startsWith('file:')).length !== count; ++i) await page.waitForTimeout(100);
    return (await kept()).filter((k) => k.startsWith('file:')).length;
  };
  assert.equal(await keptFiles(1), 1);
  await page.reload();
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready(), null, { timeout: 20000 });
  await tap(page, 'button', 'History');
  await waitForItem(page, 'text', '2026-11-29 · 2 h · waiting to send');

  await context.setOffline(false);
  await waitForItem(page, 'text', '2026-11-29 · 2 h · formal · waiting for approval');
  await waitForItem(page, 'image', 'Certificate', 'photo');  // sent with its certificate
  const titles = (await items(page)).filter((i) => i.label === 'Offline course');
  assert.equal(titles.length, 1, 'shown once');
  const onServer = await page.evaluate(async () => (await (await fetch('/api/v1/me/balance?year=2026')).json()).entries
    .filter((e) => e.title === 'Offline course'));
  assert.equal(onServer.length, 1, 'stored once');
  assert.ok(onServer[0].certificate_id, 'with the certificate');
  assert.equal(await keptFiles(0), 0, 'the kept file is let go once sent');
  assert.deepEqual(page.errors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  await context.close();
});

test('unknown API paths answer with the JSON error envelope', async () => {
  const response = await fetch(env.server.url + '/api/v1/unknown');
  assert.equal(response.status, 404);
  const body = await response.json();
  assert.equal(body.error.code, 'not_found');
});

test('a tap right after fast typing lands at once, and no typed character is lost', async () => {
  const context = await newContext(env.browser, phone);
  const page = await openApp(context, env.server.url + '/');
  await tap(page, 'textbox', 'E-mail');
  await page.keyboard.type('quick.typist@demo.example');
  await tap(page, 'textbox', 'Password');  // no wait: the tap queues behind the typed text
  // Handled within the tap itself (the frames run inside the touch event), not a second later.
  assert.equal(await page.evaluate(() => document.getElementById('text-agent').type), 'password');
  // Editing a field with the keyboard open renders nothing while no key is pressed.
  await page.waitForTimeout(500);
  const editing = await page.evaluate(() => window.learnledger.frames());
  await page.waitForTimeout(2000);
  assert.equal(await page.evaluate(() => window.learnledger.frames()), editing, 'frames while a field waits for a key');
  await page.keyboard.type('x');
  await waitForItem(page, 'textbox', 'E-mail', 'quick.typist@demo.example');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Encoding the offline snapshot of a year takes longer than drawing it (120 ms for 500 trainings):
// the device keeps the year once the frame showing it is drawn, and forgets it on sign-out.
test('a trusted device keeps the year after the frame that shows it, and erases it on sign-out', async () => {
  const context = await newContext(env.browser, phone);
  await context.addInitScript(() => {
    window.llKept = [];  // each write of the snapshot: did it hold a year, was the year drawn then
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (key === 'offline') {
        const drawn = window.learnledger.items().some((i) => i.role === 'figure' && i.label === 'Training right 2026');
        window.llKept.push({ year: String(value).includes('"views":[{'), drawn });
      }
      return put.call(this, value, key);
    };
  });
  const page = await openApp(context, env.server.url + '/');
  await signIn(page, 'worker@demo.example', 'demo-worker');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');
  await page.waitForFunction(() => window.llKept.some((k) => k.year), null, { timeout: 5000 });
  const kept = await page.evaluate(() => window.llKept);
  assert.deepEqual(kept.filter((k) => k.year && !k.drawn), [], 'no year is written before the frame that shows it');
  const offlineKey = async () => (await deviceKeys(page)).includes('offline');
  assert.equal(await offlineKey(), true);
  await tap(page, 'button', 'Sign out');
  await waitForItem(page, 'textbox', 'E-mail');
  for (let i = 0; i < 20 && (await offlineKey()); ++i) await page.waitForTimeout(100);
  assert.equal(await offlineKey(), false, 'signed out, the device keeps nothing');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('without "keep me signed in" nothing personal is stored on the device', async () => {
  const context = await newContext(env.browser, phone);
  const page = await openApp(context, env.server.url + '/');
  await tap(page, 'checkbox', 'Keep me signed in on this device');
  await waitForItem(page, 'checkbox', 'Keep me signed in on this device', 'false');
  await signIn(page, 'worker@demo.example', 'demo-worker');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');
  const cookie = (await context.cookies()).find((c) => c.name === 'll_session');
  assert.equal(cookie.expires, -1, 'a browser-session cookie');
  await page.waitForTimeout(500);
  assert.deepEqual(await deviceKeys(page), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('password managers: a saved sign-in fills the fields; a successful one on a trusted device is offered for saving', async () => {
  const context = await newContext(env.browser, phone);
  // The browser's Credential Management API, recorded (headless Chromium has no password manager).
  await context.addInitScript(() => {
    window.savedCredential = { type: 'password', id: 'worker@demo.example', password: 'demo-worker' };
    window.storedCredentials = [];
    window.PasswordCredential = class { constructor(data) { this.type = 'password'; this.id = data.id; this.password = data.password; } };
    Object.defineProperty(navigator, 'credentials', { value: {
      get: async () => window.savedCredential,
      store: async (c) => { window.storedCredentials.push(c.id); return c; },
    } });
  });
  const page = await openApp(context, env.server.url + '/');
  await waitForItem(page, 'textbox', 'E-mail', 'worker@demo.example');  // filled, not yet sent
  await tap(page, 'button', 'Sign in');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');
  assert.deepEqual(await page.evaluate(() => window.storedCredentials), ['worker@demo.example']);
  await tap(page, 'button', 'Sign out');
  await waitForItem(page, 'textbox', 'E-mail');
  await page.evaluate(() => { window.storedCredentials = []; });
  await tap(page, 'checkbox', 'Keep me signed in on this device');
  await waitForItem(page, 'checkbox', 'Keep me signed in on this device', 'false');
  await tap(page, 'textbox', 'Password');  // the e-mail stays after sign-out; the password does not
  await page.keyboard.type('demo-worker');
  await tap(page, 'button', 'Sign in');
  await waitForItem(page, 'figure', 'Training right 2026', '4 days');
  assert.deepEqual(await page.evaluate(() => window.storedCredentials), [], 'not offered on a device that is not trusted');
  assert.deepEqual(page.errors, []);
  await context.close();
});
