// Reminders in the app end to end: HR runs today's reminders, a manager on a phone sees the unread
// count in the account bar, opens the messages (the same words as the e-mail, in the account's
// language), marks one read, and the count goes down. The SMTP side is tested in test_reminders.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, signedIn, phone, waitForItem, scrollToItem, tap, screenshot, apiCall } from './harness.mjs';

const env = serverAndBrowser();

test('a manager on a phone reads the reminder of trainings waiting for approval and marks it read', async () => {
  const hr = await signedIn(env, phone, 'hr@demo.example', 'demo-hr');
  const run = await apiCall(hr.page, 'POST', '/api/v1/reminders/run', {});
  assert.equal(run.status, 200);
  assert.ok(run.body.created > 0);
  await hr.context.close();

  const { context, page } = await signedIn(env, phone, 'manager@demo.example', 'demo-manager');
  const mine = (await apiCall(page, 'GET', '/api/v1/notifications')).body;
  assert.ok(mine.unread >= 1);
  const waiting = (await apiCall(page, 'GET', '/api/v1/approvals')).body.items.length;
  const reminder = mine.items.find((n) => n.kind === 'approvals_waiting');
  assert.ok(reminder, 'the manager has trainings waiting since the demo was seeded');
  assert.equal(reminder.subject, `${waiting} opleidingen wachten op uw goedkeuring`);  // the account's language

  await tap(page, 'button', `Messages (${mine.unread})`);
  await waitForItem(page, 'heading', 'Messages');
  await waitForItem(page, 'heading', reminder.subject);
  await screenshot(page, 'phone-messages.png');
  await scrollToItem(page, 'button', 'Mark as read');
  await tap(page, 'button', 'Mark as read');
  await waitForItem(page, 'button', mine.unread > 1 ? `Messages (${mine.unread - 1})` : 'Messages');
  assert.equal((await apiCall(page, 'GET', '/api/v1/notifications')).body.unread, mine.unread - 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});
