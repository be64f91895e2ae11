/**
 * The API explorer in a real browser: headless Chromium (Debian's `chromium`,
 * driven by puppeteer-core) loads `{root}/docs`, Swagger UI lists the jukebox
 * operations, and "Try it out" -> "Execute" on a GET gets the data from this
 * server. Skipped, saying so, where Chromium is not installed; on failure the
 * output names a screenshot of the page.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileYang } from '../../src/compile/index.js';
import { MemoryDatastore } from '../../src/restconf/index.js';
import { CORPUS } from '../corpus/paths.js';
import { type TestServer, startServer } from './client.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SKIPPED = `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM to its path)`;
if (!available) console.warn(`explorer-browser.test.ts: ${SKIPPED}`);

const STEP_MS = 30_000;

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  const { schema, diagnostics } = compileYang({ files: [`${CORPUS}/examples/example-jukebox.yang`], searchPaths: [CORPUS] });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const datastore = new MemoryDatastore({ 'example-jukebox:jukebox': { library: { artist: [{ name: 'Foo Fighters' }] } } });
  s = await startServer(schema, { explorer: true, datastore });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Runs `steps` on a fresh page; on failure, saves a screenshot and names it in the error. */
async function onPage(steps: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await steps(page, errors);
  } catch (err) {
    const shot = join(tmpdir(), `yangkit-explorer-${Date.now()}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    console.error(`explorer-browser.test.ts: screenshot of the failing page: ${shot}\npage errors: ${errors.join('\n') || '(none)'}`);
    throw new Error(`${(err as Error).message} (screenshot: ${shot})`);
  } finally {
    await page.close();
  }
}

describe('API explorer in headless Chromium', { timeout: 120_000 }, () => {
  it.skipIf(!available)(`lists the jukebox operations and runs a GET from the page${available ? '' : ` (${SKIPPED})`}`, async () => {
    await onPage(async (page, errors) => {
      await page.goto(`${s.base}/restconf/docs`, { waitUntil: 'load', timeout: STEP_MS });
      await page.waitForSelector('.opblock-get', { timeout: STEP_MS });
      const paths = await page.$$eval('.opblock-summary-path', (els) => els.map((e) => e.getAttribute('data-path')));
      expect(paths).toEqual(expect.arrayContaining(['/data/example-jukebox:jukebox', '/operations/example-jukebox:play']));

      // The GET of the jukebox container: open it, "Try it out", "Execute".
      let target;
      for (const block of await page.$$('.opblock.opblock-get')) {
        if ((await block.$eval('.opblock-summary-path', (e) => e.getAttribute('data-path'))) === '/data/example-jukebox:jukebox') target = block;
      }
      expect(target).toBeDefined();
      await (await target!.$('.opblock-summary'))!.click();
      await (await target!.waitForSelector('.try-out__btn', { timeout: STEP_MS }))!.click();
      await (await target!.waitForSelector('.execute', { timeout: STEP_MS }))!.click();
      const status = await target!.waitForSelector('.live-responses-table tr.response .response-col_status', { timeout: STEP_MS });
      expect((await status!.evaluate((e) => e.textContent))?.trim()).toBe('200');
      const body = await target!.$eval('.live-responses-table tr.response .highlight-code pre', (e) => e.textContent ?? '');
      expect(JSON.parse(body)).toEqual({ 'example-jukebox:jukebox': { library: { artist: [{ name: 'Foo Fighters' }] } } });
      // The request went to this server's RESTCONF root.
      const url = await target!.$eval('.request-url pre', (e) => e.textContent ?? '');
      expect(url).toBe(`${s.base}/restconf/data/example-jukebox:jukebox`);
      expect(errors).toEqual([]);
    });
  });
});
