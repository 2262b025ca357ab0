// The app through the accessibility tree and the keyboard alone, as a screen-reader user meets it:
// only role and name locators (Playwright reads the browser's accessibility tree, which the DOM
// mirror feeds), focus and key presses; never the canvas items or a pointer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, newContext, openApp, desktop, screenshot, settled } from './harness.mjs';

const env = serverAndBrowser();
const visible = { timeout: 10000 };

// What has the keyboard focus, as a screen reader names it: its role and accessible name.
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return { role: '', name: '' };
  const role = e.tagName === 'BUTTON' ? 'button' : e.type === 'checkbox' ? 'checkbox' : e.tagName === 'INPUT' ? 'textbox' : e.tagName.toLowerCase();
  return { role, name: e.getAttribute('aria-label') || e.textContent };
});

// Focus moves with Tab (Shift+Tab when `back`) until the element of that role and name has it, as
// a keyboard user's does; at most `limit` presses.
async function tabTo(page, role, name, { back = false, limit = 40 } = {}) {
  await page.getByRole(role, { name, exact: true }).first().waitFor(visible);
  for (let i = 0; i < limit; i++) {
    const f = await focused(page);
    if (f.role === role && f.name === name) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await settled(page);  // a person reads where the focus went before pressing again
  }
  throw new Error(`Tab never reached the ${role} "${name}"`);
}

async function signIn(page, email, password) {
  await tabTo(page, 'textbox', 'E-mail');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await tabTo(page, 'button', 'Sign in');
  await page.keyboard.press('Enter');
}

async function press(page, role, name) {
  await tabTo(page, role, name);
  await page.keyboard.press('Enter');
}

test('a worker signs in with the keyboard alone, hears a wrong password, reads the balance and opens its explanation', async () => {
  const context = await newContext(env.browser, { ...desktop, viewport: { width: 1280, height: 1000 } });
  const page = await openApp(context, env.server.url + '/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor(visible);
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('canvas').getAttribute('aria-hidden'), 'true');  // the mirror speaks for it

  await signIn(page, 'worker@demo.example', 'not-the-password');
  await page.getByRole('status').filter({ hasText: 'Wrong e-mail address or password.' }).waitFor({ state: 'attached', ...visible });
  await tabTo(page, 'textbox', 'Password', { back: true });  // the password was cleared; the e-mail stays
  await page.keyboard.type('demo-worker');
  await tabTo(page, 'button', 'Sign in');
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: 'My training right' }).waitFor(visible);
  const balance = page.getByText(/^Remaining 2026: /);
  await balance.waitFor(visible);
  const remaining = await page.evaluate(async () => (await (await fetch('/api/v1/me/balance?year=2026')).json()).remaining_minutes);
  assert.ok(remaining > 0);
  assert.match(await balance.textContent(), /^Remaining 2026: \d/);
  await press(page, 'button', 'Show explanation');
  await page.getByRole('button', { name: 'Hide explanation' }).waitFor(visible);
  await page.getByText(/^Training right 2026: /).waitFor(visible);
  await screenshot(page, 'a11y-explanation.png');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a worker submits a training and a manager approves it, both with the keyboard alone', async () => {
  const worker = await newContext(env.browser, { ...desktop, viewport: { width: 1280, height: 1000 } });
  const page = await openApp(worker, env.server.url + '/');
  await signIn(page, 'worker@demo.example', 'demo-worker');
  await page.getByRole('heading', { name: 'My training right' }).waitFor(visible);
  await press(page, 'button', 'Submit');
  await tabTo(page, 'textbox', 'Title');
  await page.keyboard.type('Safe lifting');
  await page.keyboard.press('Tab');  // the provider
  await page.keyboard.type('Prevent');
  await tabTo(page, 'textbox', 'Hours');
  await page.keyboard.type('2');
  await press(page, 'button', 'Send for approval');
  await page.getByRole('status').filter({ hasText: 'Sent: "Safe lifting" is waiting for approval.' }).waitFor({ state: 'attached', ...visible });
  await page.getByText(/^2026-11-29 · 2 h · formal · waiting for approval · Prevent$/).waitFor(visible);  // the history it leads to
  assert.deepEqual(page.errors, []);
  await worker.close();

  const manager = await newContext(env.browser, { ...desktop, viewport: { width: 1280, height: 1000 } });
  const inbox = await openApp(manager, env.server.url + '/');
  await signIn(inbox, 'manager@demo.example', 'demo-manager');
  await press(inbox, 'button', 'Approvals');
  await inbox.getByRole('heading', { name: 'Approvals' }).waitFor(visible);
  // The entry's own Approve button, named after the training and the worker (every entry has an
  // "Approve"). Tab moves down the inbox in reading order; the page scrolls with the focus, which
  // stays on its element as the entries move under it, so no entry is skipped and focus never
  // falls out of the page on the way down.
  const passed = [];
  for (let i = 0; i < 60; i++) {
    const f = await focused(inbox);
    passed.push(f.name);
    if (f.role === 'button' && f.name === 'Approve: Safe lifting, Anna Peeters') break;
    await inbox.keyboard.press('Tab');
    await settled(inbox);  // a person reads where the focus went before pressing again
  }
  assert.equal(passed.at(-1), 'Approve: Safe lifting, Anna Peeters', 'Tab reached the Approve button of "Safe lifting"');
  const entries = passed.filter((n) => n.startsWith('Select: ')).map((n) => n.slice('Select: '.length));
  assert.ok(entries.length >= 3, `the inbox was walked down (${passed.join(' | ')})`);
  const expected = entries.flatMap((e) => ['Select: ' + e, 'Approve: ' + e, 'Reject: ' + e]).slice(0, -1);
  assert.deepEqual(passed.slice(passed.indexOf('Select: ' + entries[0])), expected, 'every entry in order, none skipped');
  await inbox.keyboard.press('Enter');
  await inbox.getByRole('status').filter({ hasText: '1 training approved' }).waitFor({ state: 'attached', ...visible });
  const mine = (await inbox.evaluate(() => fetch('/api/v1/approvals').then((r) => r.json()))).items.filter((i) => i.title === 'Safe lifting');
  assert.equal(mine.length, 0, 'no longer waiting');
  assert.deepEqual(inbox.errors, []);
  await manager.close();
});

test('HR reads the team table as a table: column headers with their sort order, rows of cells', async () => {
  const context = await newContext(env.browser, { ...desktop, viewport: { width: 1280, height: 1000 } });
  const page = await openApp(context, env.server.url + '/');
  await signIn(page, 'hr@demo.example', 'demo-hr');
  await press(page, 'button', 'Team');
  const table = page.getByRole('table');
  await table.waitFor(visible);
  const name = table.getByRole('columnheader', { name: 'Name', exact: true });
  assert.equal(await name.getAttribute('aria-sort'), 'ascending');
  for (const header of ['Department', 'Right', 'Followed', 'Waiting', 'Remaining', '5 years', 'Flags'])
    await table.getByRole('columnheader', { name: header, exact: true }).waitFor(visible);
  // Anna's row: her name, then her figures, each a cell of the row.
  const anna = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Anna Peeters', exact: true }) }).first();
  await anna.waitFor(visible);
  const cells = await anna.getByRole('cell').allTextContents();
  assert.ok(cells.length >= 7, `a cell per column: ${JSON.stringify(cells)}`);
  assert.match(cells[1], /Warehouse/);
  // Sorting by a column from the keyboard moves the order into that header.
  await press(page, 'button', 'Remaining');
  await page.waitForFunction(() => document.querySelector('#a11y-tree [role=columnheader][aria-sort]')?.textContent === 'Remaining');
  assert.equal(await name.getAttribute('aria-sort'), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

