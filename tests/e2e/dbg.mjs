import { startServer, launchBrowser, newContext, openApp, phone, signIn, tap, waitForItem, items } from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await newContext(browser, { ...phone, viewport: { width: 390, height: 1500 } });
  const page = await openApp(context, server.url + '/');
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await signIn(page, 'worker@demo.example', 'demo-worker');
  await waitForItem(page, 'figure', 'Training right 2026');
  const r = await page.evaluate(async () => {
    const v = await (await fetch('/api/v1/me/balance?year=2024')).json();
    return v.entries.map((e) => [e.title, e.certificate_id]);
  });
  console.log(JSON.stringify(r));
  await tap(page, 'button', 'Previous year');
  await tap(page, 'button', 'Previous year');
  await tap(page, 'button', 'History');
  await page.waitForTimeout(2000);
  console.log(JSON.stringify((await items(page)).filter((i) => i.role === 'image')));
  console.log(await page.evaluate(async () => {
    const r = await fetch('/api/v1/certificates/cert-demo-0001');
    const b = await r.blob();
    let msg = r.status + ' ' + b.type + ' ' + b.size;
    try { const bm = await createImageBitmap(b); msg += ' bitmap ' + bm.width + 'x' + bm.height; } catch (e) { msg += ' ' + e; }
    return msg + ' ' + typeof Module.loadThumbnail + ' ' + typeof GLctx + ' ' + typeof GL;
  }));
  console.log(page.errors);
} finally { await browser.close(); server.stop && server.stop(); process.exit(0); }
