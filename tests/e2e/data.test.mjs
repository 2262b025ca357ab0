// HR's data end to end against a real server: a payroll CSV with good and bad rows (dry run, then
// apply) on a desktop, a provider's JSON feed and opening balances on a phone, the social balance
// sheet downloaded and checked against a hand-computed case (with the FLA fields and the team table
// as .xlsx), and a worker's yearly statement downloaded as PDF on a phone, read back with pdftotext.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, signedIn, phone, desktop, items, waitForItem, scrollToItem, tap, typeInto, screenshot, nationalNumber, apiCall } from './harness.mjs';

const env = serverAndBrowser();

// Taps a button that makes the browser save a file; returns its suggested name, bytes and path.
async function download(page, label, index = 0) {
  const saved = page.waitForEvent('download');
  await tap(page, 'button', label, index);
  const d = await saved;
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(file), file };
}

test('HR imports a payroll CSV: the dry run lists every row and writes nothing, applying writes the good rows', async () => {
  const { context, page } = await signedIn(env, desktop, 'hr@demo.example', 'demo-hr');
  const before = (await apiCall(page, 'GET', '/api/v1/workers?page_size=500')).body.total;
  const csv = '\ufeffINSZ;Naam;Afdeling;In dienst;Tewerkstellingsbreuk\r\n' +
              `${nationalNumber('900115', 123)};Jan Janssens;Warehouse;01/12/2026;0,8\r\n` +
              `${nationalNumber('881224', 45)};"Dubois; Zoë";Office;2026-12-01;100%\r\n` +
              `${nationalNumber('750606', 7)};Piet Pieters;Warehouse;31/02/2026;1,7\r\n`;
  await tap(page, 'button', 'Data');
  const chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Choose a CSV file');
  // Windows calls CSV files application/vnd.ms-excel: the app sends them as text/csv regardless.
  await (await chooser).setFiles({ name: 'payroll.csv', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(csv) });
  await waitForItem(page, 'heading', 'Dry run: nothing is written yet');
  await waitForItem(page, 'text', '2 new, 0 changed, 0 unchanged, 1 refused');
  await waitForItem(page, 'text', 'Line 2 \u00b7 Jan Janssens');
  await screenshot(page, 'desktop-import-dry-run.png');
  await scrollToItem(page, 'text', 'Line 3 \u00b7 Dubois; Zo\u00eb');
  await scrollToItem(page, 'text', 'Line 4, column 5 (fraction): expected a share of full time between 0 and 1 (0,8 or 80%)');
  const problems = (await page.evaluate(() => window.learnledger.items())).filter((i) => i.label.startsWith('Line 4, column'));
  assert.deepEqual(problems.map((i) => i.label.split(':')[0]).sort(), ['Line 4, column 4 (start)', 'Line 4, column 5 (fraction)']);
  assert.equal((await apiCall(page, 'GET', '/api/v1/workers?page_size=500')).body.total, before, 'the dry run wrote nothing');

  await scrollToItem(page, 'button', 'Apply 2 rows', { up: true });
  await tap(page, 'button', 'Apply 2 rows');
  await waitForItem(page, 'text', '2 workers written; refused rows were left out.');
  const after = (await apiCall(page, 'GET', '/api/v1/workers?page_size=500')).body;
  assert.equal(after.total, before + 2);
  const names = after.items.map((w) => w.display_name);
  assert.ok(names.includes('Jan Janssens') && names.includes('Dubois; Zoë') && !names.includes('Piet Pieters'));
  const jan = after.items.find((w) => w.display_name === 'Jan Janssens');
  const detail = (await apiCall(page, 'GET', `/api/v1/workers/${jan.id}`)).body;
  assert.equal(detail.department_id, 'demo:Warehouse');
  assert.deepEqual(detail.employment.map((p) => [p.start, p.fraction]), [['2026-12-01', '4/5']]);  // 0,8 kept exact
  await tap(page, 'button', 'Import another file');
  await waitForItem(page, 'button', 'Choose a CSV file');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('HR on a phone imports a provider feed (JSON) and opening balances (CSV): dry run, apply, the balance moves by those rows', async () => {
  const { context, page } = await signedIn(env, phone, 'hr@demo.example', 'demo-hr');
  const nn = nationalNumber('930303', 33);
  const created = await apiCall(page, 'POST', '/api/v1/workers', {
    display_name: 'Feed Person', department_id: 'demo:Office', national_number: nn, employment: [{ start: '2024-01-01', fraction: 1 }],
  });
  assert.equal(created.status, 201);
  const id = created.body.id;
  const balance = async () => (await apiCall(page, 'GET', `/api/v1/workers/${id}/balance?year=2026`)).body;
  const before = await balance();
  const feed = { trainings: [
    { national_number: nn, title: 'Reach truck', date: '2026-10-05', hours: '7:36', provider: 'Fleet Academy', type: 'formal', cost: '450,00' },
    { national_number: nn, title: 'Reach truck', date: '2026-10-32', hours: 2 },
  ] };
  await tap(page, 'button', 'Data');
  await scrollToItem(page, 'button', 'Trainings');
  await tap(page, 'button', 'Trainings');
  await scrollToItem(page, 'button', 'Choose a CSV or JSON file');
  let chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Choose a CSV or JSON file');
  await (await chooser).setFiles({ name: 'fleet-academy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(feed)) });
  await waitForItem(page, 'heading', 'Dry run: nothing is written yet');
  await scrollToItem(page, 'text', '1 new, 0 changed, 0 unchanged, 1 refused');
  await scrollToItem(page, 'text', 'Item 1 \u00b7 Feed Person');
  await waitForItem(page, 'text', 'New training: Reach truck, 2026-10-05, 7 h 36 min');
  await scrollToItem(page, 'text', 'Item 2 (date): expected a date like 2026-03-31 or 31/03/2026');
  await screenshot(page, 'phone-import-feed-dry-run.png');
  assert.equal((await balance()).used_minutes, before.used_minutes, 'the dry run wrote nothing');
  await scrollToItem(page, 'button', 'Apply 1 row', { up: true });
  await tap(page, 'button', 'Apply 1 row');
  await waitForItem(page, 'text', '1 entry written; refused rows were left out.');
  const after = await balance();
  assert.equal(after.used_minutes, before.used_minutes + 456);
  assert.equal(after.remaining_minutes, before.remaining_minutes - 456);

  await scrollToItem(page, 'button', 'Opening balances', { up: true });
  await tap(page, 'button', 'Opening balances');
  await scrollToItem(page, 'button', 'Choose a CSV file');
  chooser = page.waitForEvent('filechooser');
  await tap(page, 'button', 'Choose a CSV file');
  const openings = `INSZ;Jaar;Datum;Dagen;Opmerking\r\n${nn};2025;01/01/2026;1,5;Old tool\r\n${nn};2025;01/01/2026;2;\r\n`;
  await (await chooser).setFiles({ name: 'openings.csv', mimeType: 'text/csv', buffer: Buffer.from(openings) });
  await scrollToItem(page, 'text', '1 new, 0 changed, 0 unchanged, 1 refused');
  await scrollToItem(page, 'text', 'New opening balance: 11 h 24 min from 2025, on 2026-01-01');
  await scrollToItem(page, 'button', 'Apply 1 row', { up: true });
  await tap(page, 'button', 'Apply 1 row');
  await waitForItem(page, 'text', '1 entry written; refused rows were left out.');
  assert.equal((await balance()).remaining_minutes, after.remaining_minutes + 684);  // 1,5 days of 7 h 36 min
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('HR downloads the social balance sheet of 2027 (the hand-computed figures), the FLA fields and the team as Excel', async () => {
  const { context, page } = await signedIn(env, desktop, 'hr@demo.example', 'demo-hr');
  // The spec's example: gross 26,600 + funds 36,049 - subsidies 2,386.80 = net 60,262.20 (formal).
  const worker = async (name, gender) => (await apiCall(page, 'POST', '/api/v1/workers', {
    display_name: name, department_id: 'demo:Office', gender, employment: [{ start: '2027-01-01', fraction: 1 }],
  })).body.id;
  const man = await worker('Export Man', 'male'), woman = await worker('Export Woman', 'female');
  const training = async (w, date, minutes, type, cost, fund, subsidy) => assert.equal((await apiCall(page, 'POST', '/api/v1/trainings', {
    worker_id: w, title: 'Course', training_type: type, date, minutes, cost_cents: cost, fund_cents: fund, subsidy_cents: subsidy,
  })).status, 201);
  await training(man, '2027-03-01', 456, 'formal', 1000000, 2000000, 100000);
  await training(man, '2027-05-05', 228, 'formal', 660000, 1604900, 138680);
  await training(man, '2027-09-09', 120, 'formal', 1000000, 0, 0);
  await training(woman, '2027-04-01', 120, 'informal', 5000, 0, 0);

  await tap(page, 'button', 'Data');
  await tap(page, 'button', '2027 \u203a');
  await waitForItem(page, 'text', 'Social balance sheet 2027: training');
  const { name, bytes } = await download(page, 'Download CSV', 0);
  assert.equal(name, 'social-balance-training-2027.csv');
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffcode;label;unit;value\r\n'), 'a BOM, a header line and CRLF for spreadsheets');
  const value = Object.fromEntries(text.slice(1).trim().split('\r\n').slice(1).map((l) => { const c = l.split(';'); return [c[0], c[c.length - 1]]; }));
  assert.equal(value['5801'], '1');          // one man in formal training
  assert.equal(value['5802'], '13.4');       // 456 + 228 + 120 minutes
  assert.equal(value['58031'], '26600');
  assert.equal(value['58032'], '36049');
  assert.equal(value['58033'], '2386.8');
  assert.equal(value['5803'], '60262.2');
  assert.equal(value['5821'], '0');          // no man in informal training
  assert.equal(value['5831'], '1');          // one woman in informal training
  assert.equal(value['5832'], '2');          // 2 hours
  assert.equal(value['5833'], '50');         // 50.00 euro
  const json = await download(page, 'Download JSON', 0);
  assert.equal(JSON.parse(json.bytes.toString('utf8')).year, 2027);
  // The FLA fields: a row per worker employed in 2027, the two new ones among them.
  const fla = await download(page, 'Download CSV', 1);
  assert.equal(fla.name, 'fla-fields-2027.csv');
  const flaLines = fla.bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.ok(flaLines[0].startsWith('enterprise_number;company_fte;worker_id;national_number;name;'));
  assert.ok(flaLines.some((l) => l.includes(';Export Man;')) && flaLines.some((l) => l.includes(';Export Woman;')));

  // The team table as Excel: a real .xlsx holding every worker's name.
  await tap(page, 'button', 'Team');
  const team = (await apiCall(page, 'GET', '/api/v1/team?year=2026')).body.items;
  const xlsx = await download(page, 'Download Excel');
  assert.equal(xlsx.name, 'team-2026.xlsx');
  const strings = spawnSync('unzip', ['-p', xlsx.file, 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  assert.equal(strings.status, 0, strings.stderr);
  for (const row of team) assert.ok(strings.stdout.includes(row.name), row.name);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('HR on a desktop draws up the training plan: lines typed and cycled, saved, the anonymised CSV', async () => {
  const { context, page } = await signedIn(env, desktop, 'hr@demo.example', 'demo-hr');
  await tap(page, 'button', 'Training plan');
  await waitForItem(page, 'heading', 'Training plan 2026');
  await waitForItem(page, 'text', 'Yearly training plan: 2026-03-31');
  await tap(page, 'button', 'Add a line');
  await typeInto(page, 'What is planned', 'Safety refreshers for the warehouse');
  await typeInto(page, 'Planned participants', '12');
  await typeInto(page, 'Planned hours in total', '91,2');
  await scrollToItem(page, 'button', 'Add a line');
  await tap(page, 'button', 'Add a line');
  // The new line is the last of its labels on screen, just above "Add a line" (the first line may
  // have scrolled away).
  const last = async (role, label) => {
    await scrollToItem(page, 'button', 'Add a line');
    return (await items(page)).filter((i) => i.role === role && i.label === label).length - 1;
  };
  for (const group of ['Everyone', 'Women', 'Men', 'Workers aged 50 or more']) {
    const label = `Target group: ${group}`;
    await tap(page, 'button', label, await last('button', label));
  }
  await tap(page, 'button', 'Informal', await last('button', 'Informal'));
  await typeInto(page, 'What is planned', 'Digital skills coaching', await last('textbox', 'What is planned'));
  await typeInto(page, 'Planned participants', '4', await last('textbox', 'Planned participants'));
  await typeInto(page, 'Planned hours in total', '16', await last('textbox', 'Planned hours in total'));
  await scrollToItem(page, 'button', 'Save the plan');
  await tap(page, 'button', 'Save the plan');
  await waitForItem(page, 'text', 'Plan saved.');
  await screenshot(page, 'desktop-training-plan.png');
  const stored = (await apiCall(page, 'GET', '/api/v1/training-plan?year=2026')).body;
  assert.equal(stored.version, 1);
  assert.deepEqual(stored.lines.map((l) => [l.group, l.training_type, l.workers, l.minutes]),
                   [['everyone', 'formal', 12, 5472], ['under_26', 'informal', 4, 960]]);
  await scrollToItem(page, 'button', 'Download CSV');
  const { name, bytes } = await download(page, 'Download CSV');
  assert.equal(name, 'training-plan-2026.csv');
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(lines[0], 'target_group;training_type;description;planned_workers;planned_hours;realised_workers;realised_hours');
  assert.match(lines[1], /^everyone;formal;Safety refreshers for the warehouse;12;91\.2;/);
  assert.doesNotMatch(bytes.toString('utf8'), /\d{6}[-. ]?\d{3}[-. ]?\d{2}|Anna|Peeters/, 'no personal data');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a worker on a phone downloads their yearly statement as PDF; it shows their balance', async () => {
  const { context, page } = await signedIn(env, phone, 'worker@demo.example', 'demo-worker');
  const balance = (await apiCall(page, 'GET', '/api/v1/me/balance?year=2026')).body;
  const { name, bytes } = await download(page, 'Statement (PDF)');
  assert.equal(name, 'training-account-2026-w-0001.pdf');
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const pdf = spawnSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
  assert.equal(pdf.status, 0, pdf.stderr);
  // Anna's language is Dutch: 9,5 days of 7 h 36 min remain.
  assert.equal(balance.remaining_minutes, 72 * 60 + 12);
  assert.match(pdf.stdout, /Individuele opleidingsrekening 2026/);
  assert.match(pdf.stdout, /Anna Peeters/);
  assert.match(pdf.stdout, /Resterend +9,5 dagen \(72 u 12 min\)/);
  assert.doesNotMatch(pdf.stdout, /\d{6}[-. ]?\d{3}[-. ]?\d{2}/, 'no national number');
  assert.deepEqual(page.errors, []);
  await context.close();
});
