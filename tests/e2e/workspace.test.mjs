// The employer workspace end to end against a real server, at desktop (mouse) and phone (touch)
// sizes: a manager rejects with a reason, approves, bulk-approves; HR opens the team table and a
// worker's ledger, and the cockpit for a day in 2024 (FLA duties) and for today (abolished).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, signedIn, phone, desktop, items, waitForItem, scrollToItem, tap, typeInto, screenshot } from './harness.mjs';

const env = serverAndBrowser();

const api = (page, path) => page.evaluate((p) => fetch(p).then((r) => r.json()), path);

test('a manager on a desktop rejects with a reason, approves, and bulk-approves the rest', async () => {
  const { context, page } = await signedIn(env, desktop, 'manager@demo.example', 'demo-manager');
  const before = (await api(page, '/api/v1/approvals')).items;
  assert.ok(before.length >= 3, 'the warehouse team has trainings waiting');
  await tap(page, 'button', 'Approvals');
  await waitForItem(page, 'text', `${before.length} trainings waiting`);
  const first = before[0];
  await waitForItem(page, 'checkbox', first.worker_name);
  await screenshot(page, 'desktop-approvals.png');

  // Reject the first entry: a reason is asked for, then sent.
  await tap(page, 'button', 'Reject', 0);
  await typeInto(page, 'Reason for the rejection', 'Not related to the job');
  await tap(page, 'button', 'Reject with this reason');
  await waitForItem(page, 'text', '1 training rejected');
  const rejected = await api(page, `/api/v1/entries/${first.id}`);
  assert.equal(rejected.status, 'rejected');
  assert.equal(rejected.decision_reason, 'Not related to the job');

  // Approve the next one.
  const second = before[1];
  await tap(page, 'button', 'Approve', 0);
  await waitForItem(page, 'text', '1 training approved');
  assert.equal((await api(page, `/api/v1/entries/${second.id}`)).status, 'approved');

  // Bulk: select all, one confirmation, all approved at once.
  const rest = before.length - 2;
  await tap(page, 'button', 'Select all');
  await tap(page, 'button', `Approve selected (${rest})`);
  await waitForItem(page, 'text', `Approve ${rest} trainings? Approvals are final.`);
  await screenshot(page, 'desktop-approvals-bulk.png');
  await tap(page, 'button', `Approve ${rest}`);
  await waitForItem(page, 'text', `${rest} trainings approved`);
  await waitForItem(page, 'text', 'Nothing is waiting for your approval.');
  for (const e of before.slice(2)) assert.equal((await api(page, `/api/v1/entries/${e.id}`)).status, 'approved');
  assert.equal((await api(page, '/api/v1/approvals')).items.length, 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('HR on a phone approves with a tap, with the effect on the balance shown first', async () => {
  const { context, page } = await signedIn(env, phone, 'hr@demo.example', 'demo-hr');
  const waiting = (await api(page, '/api/v1/approvals')).items;
  assert.ok(waiting.length > 0);
  await tap(page, 'button', 'Approvals');
  const shown = waiting[0];
  await waitForItem(page, 'checkbox', shown.worker_name);
  const effect = (await items(page)).find((i) => i.role === 'text' && i.label.startsWith('Remaining ') && i.label.endsWith('after approval'));
  assert.ok(effect, 'the effect on the worker\'s balance is shown');
  await screenshot(page, 'phone-approvals.png');
  await tap(page, 'button', 'Approve', 0);
  await waitForItem(page, 'text', '1 training approved');
  assert.equal((await api(page, `/api/v1/entries/${shown.id}`)).status, 'approved');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('HR opens the team table, sorts it, and drills down to a worker\'s ledger', async () => {
  for (const options of [desktop, phone]) {
    const { context, page } = await signedIn(env, options, 'hr@demo.example', 'demo-hr');
    await tap(page, 'button', 'Team');
    await waitForItem(page, 'button', 'Anna Peeters');
    const summary = (await items(page)).find((i) => i.role === 'text' && / workers · /.test(i.label));
    assert.ok(summary, 'the table counts its workers');
    await screenshot(page, `${options === phone ? 'phone' : 'desktop'}-team.png`);
    let pick = 'Anna Peeters';
    if (options === desktop) {
      // Sorting by a header: twice on "Remaining" puts the most remaining time first.
      const team = (await api(page, '/api/v1/team?year=2026')).items.filter((r) => r.status === 'active');
      team.sort((a, b) => b.remaining_minutes - a.remaining_minutes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      await tap(page, 'button', 'Remaining');
      await waitForItem(page, 'button', 'Remaining', 'ascending');
      await tap(page, 'button', 'Remaining');
      await waitForItem(page, 'button', 'Remaining', 'descending');
      const firstRow = () => page.evaluate(() => {
        const all = window.learnledger.items();
        const flags = all.findIndex((i) => i.role === 'button' && i.label === 'Flags');  // the last header
        return all.slice(flags + 1).find((i) => i.role === 'button')?.label;
      });
      for (let i = 0; i < 50 && (await firstRow()) !== team[0].name; i++) await page.waitForTimeout(100);
      assert.equal(await firstRow(), team[0].name);
      await screenshot(page, 'desktop-team-sorted.png');
      pick = team[0].name;
    }
    await tap(page, 'button', pick);
    await waitForItem(page, 'button', '‹ Back to the team');
    await waitForItem(page, 'figure', 'Remaining 2026');
    await waitForItem(page, 'heading', 'Explanation');
    await tap(page, 'button', '‹ Back to the team');
    await waitForItem(page, 'button', pick);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the cockpit shows the FLA duties of a day in 2024, and today that the FLA is abolished', async () => {
  for (const options of [desktop, phone]) {
    const { context, page } = await signedIn(env, options, 'hr@demo.example', 'demo-hr');
    await tap(page, 'button', 'Compliance');
    // The cockpit opens on the server's today.
    const now = new Date();
    const iso = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    assert.equal((await api(page, '/api/v1/compliance')).date, iso);
    await waitForItem(page, 'textbox', 'Duties as they stood on (YYYY-MM-DD)');
    assert.ok((await items(page)).some((i) => i.role === 'text' && i.label.startsWith(`On ${iso}:`)));
    // 1 December 2026: the FLA is abolished, its data goes on 1 January 2027.
    await typeInto(page, 'Duties as they stood on (YYYY-MM-DD)', '2026-12-01');
    await tap(page, 'button', 'Show');
    await waitForItem(page, 'text', 'On 2026-12-01: 5 overdue, 3 due');
    const then = await api(page, '/api/v1/compliance?date=2026-12-01');
    assert.ok(then.items.every((g) => !g.obligation_id.startsWith('fla.') || g.obligation_id === 'fla.abolished.data_retrieval'));
    await scrollToItem(page, 'heading', 'Federal Learning Account abolished: retrieve registered data');
    await waitForItem(page, 'text', 'Deadline 2026-12-31 · Due in 30 days');
    await screenshot(page, `${options === phone ? 'phone' : 'desktop'}-compliance-2026.png`);
    await scrollToItem(page, 'textbox', 'Duties as they stood on (YYYY-MM-DD)', { up: true });
    await typeInto(page, 'Duties as they stood on (YYYY-MM-DD)', '2024-06-15');
    await tap(page, 'button', 'Show');
    await scrollToItem(page, 'heading', 'Federal Learning Account: register every worker');
    await waitForItem(page, 'text', 'Deadline 2024-09-30 · Due in 107 days');
    await screenshot(page, `${options === phone ? 'phone' : 'desktop'}-compliance-2024.png`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
