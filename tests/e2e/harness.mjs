// Shared end-to-end harness: a real learnledger server on a free loopback port with a fresh demo
// database, and Debian's Chromium driven headless by playwright-core (never a downloaded browser).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.LL_BINARY || path.join(root, 'build/native/learnledger');
export const webDir = process.env.LL_WEB_DIR || path.join(root, 'build/web/app');
export const shotsDir = path.join(root, 'build/e2e');

export async function startServer(extra = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'learnledger-e2e-'));
  const db = path.join(dir, 'e2e.db');
  const seeded = spawnSync(binary, ['seed-demo', '--db', db], { encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error('seed-demo failed: ' + seeded.stderr);
  // Reminders only when a test runs them (POST /reminders/run): the timer would write at start.
  const child = spawn(binary, ['serve', '--db', db, '--port', '0', '--web', webDir, '--reminders-every', '0', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error('server exited with ' + code)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
export const desktop = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, hasTouch: false, isMobile: false };

// A browser context whose clock reads `now`, so "this year" in the app does not depend on the machine's date.
export async function newContext(browser, options, now = '2026-11-29T10:00:00') {
  const context = await browser.newContext(options);
  context.touch = !!options?.hasTouch;  // tap() taps on touch contexts, clicks on mouse ones
  await context.clock.setFixedTime(new Date(now));
  return context;
}

// Opens the app and waits for its first frame; page errors are collected for the test to assert.
export async function openApp(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // The browser logs every 4xx answer (signed-out /me, a wrong password): expected, not an app error.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) {
      page.errors.push(m.text());
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.learnledger && window.learnledger.ready(), null, { timeout: 20000 });
  return page;
}

export const items = (page) => page.evaluate(() => window.learnledger.items());

// The keys of what the app keeps on the device (web/js/device_store.js), sorted.
export const deviceKeys = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('learnledger', 1);
  open.onsuccess = () => {
    const request = open.result.transaction('kv').objectStore('kv').getAllKeys();
    request.onsuccess = () => resolve(request.result.map(String).sort());
  };
}));

// Waits until an item with `role` and `label` is drawn (and, if given, has `value`).
export async function waitForItem(page, role, label, value) {
  await page.waitForFunction(
    ([r, l, v]) => window.learnledger.items().some((i) => i.role === r && i.label === l && (v === undefined || i.value === v)),
    [role, label, value], { timeout: 10000 });
  return (await items(page)).find((i) => i.role === role && i.label === label);
}

// Scrolls the page down (or `up`) with the mouse wheel until an item with `role` and `label` is
// drawn: items below the fold are not laid out, so they are not in the tree until on screen.
export async function scrollToItem(page, role, label, { up = false, steps = 40, index = 0 } = {}) {
  const find = async () => (await items(page)).filter((i) => i.role === role && i.label === label)[index];
  const vp = page.viewportSize();
  await page.mouse.move(vp.width / 2, vp.height / 2);
  for (let i = 0; i < steps; i++) {
    const item = await find();
    if (item && item.y >= 0 && item.y + item.h <= vp.height) return item;
    await page.mouse.wheel(0, up ? -250 : 250);
    await page.waitForTimeout(150);
  }
  throw new Error(`no ${role} "${label}" after scrolling`);
}

// Waits (at most 3 s) until the frame loop has paused, so that positions read next are the ones on
// screen after the last input, as a person sees them before aiming: a tap aimed at a frame still
// being laid out can land where a button was. A page that keeps animating is taken as it is.
export async function settled(page) {
  await page.waitForFunction(() => window.learnledger.idle(), null, { timeout: 3000 })
    .catch((e) => { if (e.name !== 'TimeoutError') throw e; });
}

// Taps (touch contexts) or clicks (mouse contexts) the `index`-th item with `role` and `label`.
export async function tap(page, role, label, index = 0) {
  await waitForItem(page, role, label);
  await settled(page);
  await waitForItem(page, role, label);
  const item = (await items(page)).filter((i) => i.role === role && i.label === label)[index];
  if (!item) throw new Error(`no item ${index} ${role} "${label}"`);
  const x = item.x + item.w / 2, y = item.y + item.h / 2;
  if (page.context().touch) await page.touchscreen.tap(x, y);
  else {
    await page.mouse.move(x, y);  // a pointer hovers before it clicks, as a person's does
    await page.waitForTimeout(50);
    await page.mouse.click(x, y);
  }
}

// Signs in through the canvas: tap a field, type (key events reach Dear ImGui), tap the button.
// Types into a field of the canvas (the text agent takes the keys), replacing what it held. The
// field is scrolled into view first: a tap below the fold lands on nothing, and the keys would go
// to the field still active.
export async function typeInto(page, label, text, index = 0) {
  await scrollToItem(page, 'textbox', label, { index });
  await tap(page, 'textbox', label, index);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

export async function signIn(page, email, password, labels = { email: 'E-mail', password: 'Password', submit: 'Sign in' }) {
  await tap(page, 'textbox', labels.email);
  await page.keyboard.type(email);
  await tap(page, 'textbox', labels.password);
  await page.keyboard.type(password);
  await tap(page, 'button', labels.submit);
}

// A new context with the app open and the demo worker signed in (the common start of a test).
export async function signedInAsWorker(browser, url, options = phone) {
  const context = await newContext(browser, options);
  const page = await openApp(context, url + '/');
  await signIn(page, 'worker@demo.example', 'demo-worker');
  return { context, page };
}

export async function screenshot(page, name) {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, name) });
}

// A small valid PNG (32x24, a certificate-like picture) for uploads.
export const certificatePng = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACAAAAAYCAIAAAAUMWhjAAAAUElEQVR42mMQTzxDU8RAJwt+/fhAdTRwFlASICPEgqEfyUPfgmnTFpCNRoNoIIPozDRxWgUR0GhkRP0gItkCSpyPbMfABdGgs4CoVDSEWxUA7COPPoU+4J4AAAAASUVORK5CYII=', 'base64');

// One server and one browser for a test file: registers the file's before/after hooks and returns
// an object whose `server` and `browser` are set once they run. `extraArgs()` (awaited when the
// server starts, so it can start what the options point at) gives more options for `serve`.
export function serverAndBrowser(extraArgs = async () => []) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(await extraArgs());
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// A new context (`options`: phone or desktop) with the app open and `email` signed in.
export async function signedIn(env, options, email, password) {
  const context = await newContext(env.browser, options);
  const page = await openApp(context, env.server.url + '/');
  await signIn(page, email, password);
  await waitForItem(page, 'button', 'Sign out');
  return { context, page };
}

// A valid Belgian national number of a fictional person born on `yymmdd` before 2000, `serial` 1-997.
export function nationalNumber(yymmdd, serial) {
  const base = yymmdd + String(serial).padStart(3, '0');
  return base + String(97 - (Number(base) % 97)).padStart(2, '0');
}

// fetch() from the page with the session's cookie and, for writes, its CSRF token.
export async function apiCall(page, method, path, body) {
  return page.evaluate(async ([m, p, b]) => {
    const me = await (await fetch('/api/v1/me')).json();
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token || '' };
    const r = await fetch(p, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, [method, path, body]);
}
