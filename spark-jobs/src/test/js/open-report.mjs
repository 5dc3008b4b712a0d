// Opens a collapse-sim report.html in headless Chromium (Debian's /usr/bin/chromium driven by
// puppeteer-core), with every request that is not file: or data: refused, and prints JSON:
// {title, heading, injected, consoleErrors, pageErrors, blockedRequests, failedRequests,
//  figures: [{id, complete, naturalWidth, naturalHeight, colourFraction}], screenshot}.
// colourFraction is the share of the figure's pixels, drawn through a canvas, that are coloured
// (max - min channel >= 40): data marks (lines, bands, blocks) are; white, grey gridlines, black
// axes and text are not, so a chart with its frame but no data scores about 0.
// Usage: node open-report.mjs REPORT.html SCREENSHOT.png
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [reportPath, screenshotPath] = process.argv.slice(2);
if (!reportPath || !screenshotPath) {
  console.error('usage: node open-report.mjs REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const userDataDir = mkdtempSync(join(tmpdir(), 'collapse-report-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  userDataDir,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${userDataDir}`,
  ],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  const consoleErrors = [];
  const pageErrors = [];
  const blockedRequests = [];
  const failedRequests = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('requestfailed', (r) => failedRequests.push(r.url()));
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('file:') || url.startsWith('data:')) {
      r.continue();
    } else {
      blockedRequests.push(url);
      r.abort();
    }
  });
  await page.goto(pathToFileURL(resolve(reportPath)).href, { waitUntil: 'load' });
  const result = await page.evaluate(async () => {
    const figures = [];
    for (const f of document.querySelectorAll('figure.figure')) {
      const img = f.querySelector('img');
      let colourFraction = 0;
      if (img) {
        await img.decode().catch(() => {});
        if (img.naturalWidth > 0) {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d');
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, canvas.width, canvas.height);
          ctx.drawImage(img, 0, 0);
          const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          let coloured = 0;
          for (let i = 0; i < px.length; i += 4) {
            const hi = Math.max(px[i], px[i + 1], px[i + 2]);
            const lo = Math.min(px[i], px[i + 1], px[i + 2]);
            if (hi - lo >= 40) coloured++;
          }
          colourFraction = coloured / (px.length / 4);
        }
      }
      figures.push({
        id: f.id,
        complete: img ? img.complete : false,
        naturalWidth: img ? img.naturalWidth : 0,
        naturalHeight: img ? img.naturalHeight : 0,
        colourFraction,
      });
    }
    return {
      title: document.title,
      heading: document.querySelector('#sweep-name')?.textContent ?? null,
      injected: window.__collapseInjected ?? null,
      scripts: document.querySelectorAll('script').length,
      figures,
    };
  });
  await page.screenshot({ path: screenshotPath, fullPage: true });
  console.log(JSON.stringify({
    ...result, consoleErrors, pageErrors, blockedRequests, failedRequests, screenshot: screenshotPath,
  }));
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
