// Reminders end to end: the server mails a real SMTP server on loopback (Debian's aiosmtpd writing a
// maildir) and lists the same words in the app. HR runs today's reminders; a manager on a phone sees
// the unread count in the account bar, opens the messages, marks one read, and the count goes down;
// the mail that reached the SMTP server says the same, in the account's language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverAndBrowser, signedIn, phone, waitForItem, scrollToItem, tap, screenshot, apiCall } from './harness.mjs';

const smtp = { port: 0, dir: '', child: null };

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const accepts = (port) => new Promise((resolve) => {
  const c = net.connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
  c.on('error', () => resolve(false));
});

// The SMTP server starts before learnledger does, which is given its port.
async function startSmtp() {
  smtp.port = await freePort();
  smtp.dir = mkdtempSync(path.join(tmpdir(), 'learnledger-smtp-'));
  smtp.child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${smtp.port}`, '-c', 'aiosmtpd.handlers.Mailbox',
                                          path.join(smtp.dir, 'mail')], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await accepts(smtp.port)); i++) await new Promise((r) => setTimeout(r, 100));
  return ['--smtp-url', `smtp://127.0.0.1:${smtp.port}`, '--mail-from', 'reminders@learnledger.example'];
}
const env = serverAndBrowser(startSmtp);
after(() => {
  smtp.child?.kill();
  if (smtp.dir) rmSync(smtp.dir, { recursive: true, force: true });
});

// The mails received: To, the decoded Subject (RFC 2047 words) and the base64 body, decoded.
function mails() {
  const dir = path.join(smtp.dir, 'mail', 'new');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => {
    const raw = readFileSync(path.join(dir, f), 'latin1');
    const [head, body] = raw.split(/\r?\n\r?\n/, 2);
    const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
    const header = (name) => (unfolded.match(new RegExp(`^${name}: (.*)$`, 'mi')) || [])[1] || '';
    const subject = header('Subject').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
    return { to: header('To'), subject, body: Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') };
  });
}

test('a manager on a phone reads the reminder of trainings waiting for approval; the same mail reached the SMTP server', async () => {
  const hr = await signedIn(env, phone, 'hr@demo.example', 'demo-hr');
  const run = await apiCall(hr.page, 'POST', '/api/v1/reminders/run', {});
  assert.equal(run.status, 200);
  assert.ok(run.body.created > 0);
  assert.equal(run.body.emailed, run.body.created);
  await hr.context.close();

  const { context, page } = await signedIn(env, phone, 'manager@demo.example', 'demo-manager');
  const mine = (await apiCall(page, 'GET', '/api/v1/notifications')).body;
  assert.ok(mine.unread >= 1);
  const waiting = (await apiCall(page, 'GET', '/api/v1/approvals')).body.items.length;
  const reminder = mine.items.find((n) => n.kind === 'approvals_waiting');
  assert.ok(reminder, 'the manager has trainings waiting since the demo was seeded');
  assert.equal(reminder.subject, `${waiting} opleidingen wachten op uw goedkeuring`);  // the account's language
  const mail = mails().find((m) => m.to === '<manager@demo.example>' && m.subject === reminder.subject);
  assert.ok(mail, 'the reminder was mailed to the manager');
  assert.equal(mail.body, reminder.body);
  assert.equal(mails().length, run.body.emailed);
  for (const m of mails()) assert.doesNotMatch(m.subject + m.body, /\d{6}[-. ]?\d{3}[-. ]?\d{2}/, 'no national number in a mail');

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
