// Web app benchmark: transfer sizes, time to first frame and to first data in desktop headless
// Chromium against a local server, frames rendered while idle, CPU per frame of the history with
// 500 trainings and of the team table with 5,000 workers (imported as one payroll CSV, whose dry
// run and apply are timed too). Times are reported with a baseline measured in the same run (these
// machines are shared and noisy): page load without the app (DOMContentLoaded), a frame of the
// balance tab, and for the import a read of the same team over the API.
// Usage: node bench/web_app.mjs [--runs N]   (bench/run builds first)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, webDir, nationalNumber } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const trainings = 500;
const teamSize = 5000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (v) => v.toFixed(2) + ' ms';

function sizes() {
  const rows = [];
  for (const name of ['learnledger.wasm', 'learnledger.js', 'learnledger.data', 'index.html']) {
    const file = path.join(webDir, name);
    const raw = readFileSync(file);
    rows.push({ name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
  }
  return rows;
}

// Signs in over the API and returns the cookie header and CSRF token.
async function session(url, email, password) {
  const r = await fetch(url + '/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                   body: JSON.stringify({ email, password }) });
  if (r.status !== 200) throw new Error('sign-in failed: ' + r.status);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: (await r.json()).csrf_token };
}

async function seedTrainings(url) {
  const { cookie, csrf } = await session(url, 'worker@demo.example', 'demo-worker');
  for (let i = 0; i < trainings; ++i) {
    const day = new Date(Date.UTC(2026, 0, 1 + (i % 330)));
    const body = { title: `Course ${i + 1}: forklift, first aid and safety`, provider: 'Bench Academy', training_type: i % 3 ? 'formal' : 'informal',
                   date: day.toISOString().slice(0, 10), minutes: 30 };
    const r = await fetch(url + '/api/v1/trainings', { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf, 'Idempotency-Key': 'bench-' + i } });
    if (r.status !== 201) throw new Error(`training ${i}: ${r.status} ${await r.text()}`);
  }
}

// 5,000 workers through the payroll import (dry run, then apply), each step timed against a GET of
// the whole team table afterwards (the same rows read back through the API).
async function seedTeam(url) {
  const { cookie, csrf } = await session(url, 'hr@demo.example', 'demo-hr');
  let csv = 'national_number;name;department;start;fraction\n';
  for (let i = 0; i < teamSize; ++i) {
    const born = `${String(60 + (i % 40)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    csv += `${nationalNumber(born, 1 + Math.floor(i / 336))};Bench Worker ${i + 1};${i % 2 ? 'Warehouse' : 'Office'};2024-01-01;${i % 3 ? '1' : '0,8'}\n`;
  }
  const send = async (path, key) => {
    const start = performance.now();
    const r = await fetch(url + path, { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv', Cookie: cookie, 'X-CSRF-Token': csrf,
                                                                            ...(key ? { 'Idempotency-Key': key } : {}) } });
    const body = await r.json();
    if (r.status !== (key ? 201 : 200) || body.summary.created !== teamSize) throw new Error(`${path}: ${r.status} ${JSON.stringify(body.summary ?? body)}`);
    return performance.now() - start;
  };
  const dryRun = await send('/api/v1/imports/payroll/dry-run');
  const apply = await send('/api/v1/imports/payroll', 'bench-import');
  const start = performance.now();
  const team = await (await fetch(url + '/api/v1/team?year=2026', { headers: { Cookie: cookie } })).json();
  const read = performance.now() - start;
  if (team.items.length < teamSize) throw new Error('the team table lacks imported workers');
  return { dryRun, apply, read, bytes: Buffer.byteLength(csv) };
}

async function signedInContext(browser, url, email = 'worker@demo.example', password = 'demo-worker', height = 800) {
  const context = await browser.newContext({ viewport: { width: 1280, height }, deviceScaleFactor: 1 });
  const { cookie } = await session(url, email, password);
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  return context;
}

async function startup(browser, url) {
  const context = await signedInContext(browser, url);
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.waitForFunction(() => performance.getEntriesByName('ll-first-data').length > 0, null, { timeout: 30000 });
  const t = await page.evaluate(() => ({
    loaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    frame: performance.getEntriesByName('ll-first-frame')[0].startTime,
    data: performance.getEntriesByName('ll-first-data')[0].startTime,
  }));
  await context.close();
  return t;
}

// CPU per frame over `count` frames rendered at once in the page: the app's own work (layout, draw
// lists, item tree) and the whole frame with the WebGL calls (which SwiftShader, the software GPU of
// headless Chromium, turns into CPU time a real GPU would take).
const perFrame = (page, count) => page.evaluate((n) => {
  const before = window.learnledger.frameTimes();
  window.learnledger.renderFrames(n);
  const after = window.learnledger.frameTimes();
  return { app: (after.appMs - before.appMs) / n, frame: (after.frameMs - before.frameMs) / n };
}, count);

// The live loop's pace: `count` frames woken as input wakes them, each drawn on an animation frame
// and composited, so a frame also waits for what the GPU process still has to do. Wall time per frame.
const liveFrame = (page, count) => page.evaluate((n) => new Promise((resolve) => {
  const ll = window.learnledger, f0 = ll.frames(), t0 = performance.now();
  ll.wake(n);
  const done = () => (ll.idle() ? resolve((performance.now() - t0) / (ll.frames() - f0)) : requestAnimationFrame(done));
  requestAnimationFrame(done);
}), count);

async function frames(browser, url) {
  const context = await signedInContext(browser, url);
  const page = await context.newPage();
  await page.goto(url + '/#history');
  await page.waitForFunction(() => window.learnledger.items().filter((i) => i.label.startsWith('Course ')).length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const shownOnScreen = await page.evaluate(() => window.learnledger.items().filter((i) => i.label.startsWith('Course ')).length);
  const history = [], balance = [];
  for (let i = 0; i < runs; ++i) {
    await page.evaluate(() => { location.hash = '#history'; });
    await page.waitForTimeout(50);
    history.push(await perFrame(page, 100));
    await page.evaluate(() => { location.hash = '#balance'; });
    await page.waitForTimeout(50);
    balance.push(await perFrame(page, 100));
  }
  await page.waitForTimeout(1000);
  const before = await page.evaluate(() => window.learnledger.frames());
  await page.waitForTimeout(10000);
  const idle = (await page.evaluate(() => window.learnledger.frames())) - before;
  await context.close();
  const pick = (list, part) => median(list.map((t) => t[part]));
  return { history: pick(history, 'app'), balance: pick(balance, 'app'), historyFrame: pick(history, 'frame'),
           balanceFrame: pick(balance, 'frame'), idle, shownOnScreen };
}

// HR's team table of 5,000 workers against HR's own balance tab, frame by frame.
async function teamFrames(browser, url) {
  // Taller than the other pages: the filters above the table take most of 800 px.
  const context = await signedInContext(browser, url, 'hr@demo.example', 'demo-hr', 1400);
  const page = await context.newPage();
  await page.goto(url + '/#team');
  await page.waitForFunction(() => window.learnledger.items().some((i) => i.label.startsWith('Bench Worker')), null, { timeout: 60000 });
  await page.waitForTimeout(300);
  const rowsLaidOut = await page.evaluate(() => window.learnledger.items().filter((i) => i.label.startsWith('Bench Worker')).length);
  const team = [], balance = [];
  for (let i = 0; i < runs; ++i) {
    await page.evaluate(() => { location.hash = '#team'; });
    await page.waitForFunction(() => window.learnledger.items().some((i) => i.label.startsWith('Bench Worker')), null, { timeout: 60000 });
    team.push({ ...await perFrame(page, 100), live: await liveFrame(page, 60) });
    await page.evaluate(() => { location.hash = '#balance'; });
    await page.waitForTimeout(300);
    balance.push({ ...await perFrame(page, 100), live: await liveFrame(page, 60) });
  }
  await context.close();
  const pick = (list, part) => median(list.map((t) => t[part]));
  return { team: pick(team, 'app'), balance: pick(balance, 'app'), teamFrame: pick(team, 'frame'), balanceFrame: pick(balance, 'frame'),
           teamLive: pick(team, 'live'), balanceLive: pick(balance, 'live'), rowsLaidOut };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  await seedTrainings(server.url);
  const starts = [];
  for (let i = 0; i < runs; ++i) starts.push(await startup(browser, server.url));
  const f = await frames(browser, server.url);
  const imported = await seedTeam(server.url);
  const t = await teamFrames(browser, server.url);
  const s = sizes();
  const total = s.filter((r) => r.name !== 'index.html').reduce((a, r) => a + r.gzip, 0);
  const loaded = median(starts.map((t) => t.loaded)), first = median(starts.map((t) => t.frame)), data = median(starts.map((t) => t.data));
  const lines = [
    `| measure | value | baseline (same run) | ratio | target |`,
    `|---|---|---|---|---|`,
    ...s.map((r) => `| ${r.name} | ${(r.raw / 1024).toFixed(0)} KB raw, ${(r.gzip / 1024).toFixed(0)} KB gzip | | | |`),
    `| app transfer (wasm + js + fonts, gzip) | ${(total / 1024).toFixed(0)} KB | | | < 1024 KB |`,
    `| first frame (median of ${runs}) | ${ms(first)} | page loaded without the app: ${ms(loaded)} | ${(first / loaded).toFixed(1)}x | < 1000 ms |`,
    `| first data (year figures drawn) | ${ms(data)} | first frame: ${ms(first)} | ${(data / first).toFixed(2)}x | |`,
    `| frames rendered in 10 s idle | ${f.idle} | | | 0 |`,
    `| CPU per frame, history of ${trainings + 4} trainings: the app | ${ms(f.history)} | balance tab: ${ms(f.balance)} | ${(f.history / f.balance).toFixed(1)}x | < 4 ms |`,
    `| the same, whole frame with WebGL calls (SwiftShader) | ${ms(f.historyFrame)} | balance tab: ${ms(f.balanceFrame)} | ${(f.historyFrame / f.balanceFrame).toFixed(1)}x | < 4 ms |`,
    `| CPU per frame, team table of ${teamSize} workers (${t.rowsLaidOut} rows laid out): the app | ${ms(t.team)} | HR's balance tab: ${ms(t.balance)} | ${(t.team / t.balance).toFixed(1)}x | < 4 ms |`,
    `| the same, whole frame with WebGL calls (SwiftShader) | ${ms(t.teamFrame)} | HR's balance tab: ${ms(t.balanceFrame)} | ${(t.teamFrame / t.balanceFrame).toFixed(1)}x | < 4 ms |`,
    `| the same, the live loop's pace (frames on animation frames, composited) | ${ms(t.teamLive)} | HR's balance tab: ${ms(t.balanceLive)} | ${(t.teamLive / t.balanceLive).toFixed(1)}x | |`,
    `| payroll import of ${teamSize} rows (${(imported.bytes / 1024).toFixed(0)} KB): dry run | ${ms(imported.dryRun)} | the team table read back: ${ms(imported.read)} | ${(imported.dryRun / imported.read).toFixed(1)}x | |`,
    `| the same: apply (one transaction) | ${ms(imported.apply)} | the team table read back: ${ms(imported.read)} | ${(imported.apply / imported.read).toFixed(1)}x | |`,
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.stop();
}
