import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabaseNamed, testSecretKey, waitFor } from '@repo/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderStatusPage } from '../src/status/status-page.js';
import { request } from './support/http.js';
import {
  runMigrations,
  startWeb,
  startWorker,
  stopAll,
  type Variables,
  type WebProcess,
} from './support/processes.js';

/** Debian's chromium: the browsers Playwright downloads are not reachable here. CI installs it (.ci/run). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results');
const HOSTILE_TITLE = '<img src=x onerror="document.title=\'pwned\'"> Churn <b>Q4</b>';

const hasChromium = existsSync(CHROMIUM);
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await stopAll();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `status-page-${name}.png`), fullPage: true });
}

/** The banner's computed background (a string expression: this package's types have no DOM). */
/** The page's own window, typed just enough: this package compiles without the DOM library. */
interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

function bannerColour(page: Page): Promise<string> {
  return page
    .locator('header.banner')
    .evaluate(
      (banner) => (globalThis as unknown as BrowserWindow).getComputedStyle(banner).backgroundColor,
    );
}

describe.skipIf(!hasChromium)(
  `the status page in a real browser (needs Debian's chromium at ${CHROMIUM}: apt-get install chromium)`,
  () => {
    it('in development: green banner, the mismatched worker, a not-ready verdict, and a hostile title shown as text', async () => {
      const suffix = randomBytes(3).toString('hex');
      const variables: Variables = {
        APP_ENV: 'development',
        DATABASE_URL: await createDatabaseNamed(
          inject('stack').postgresAdminUrl,
          `ladder_browser_${suffix}_dev`,
        ),
        REDIS_URL: inject('stack').redisUrl,
        QUEUE_PREFIX: `ladder-development-${suffix}`,
        SECRET_KEY: testSecretKey(),
        LOG_LEVEL: 'info',
      };
      const migrated = runMigrations(variables);
      expect(migrated.code, migrated.output).toBe(0);
      await startWorker('worker', variables);
      const stranger = await startWorker('stranger', { ...variables, SECRET_KEY: testSecretKey() });
      const web: WebProcess = await startWeb('web', variables);
      const created = await request(`${web.url}/api/reports`, {
        method: 'POST',
        body: { title: HOSTILE_TITLE, periodDays: 7 },
      });
      expect(created.status).toBe(202);

      const page = await browser.newPage();
      await waitFor(
        async () => {
          await page.goto(`${web.managementUrl}/`);
          return (await page.locator('table').count()) >= 2;
        },
        {
          timeoutMs: 30_000,
          intervalMs: 500,
          description: 'the workers and the report on the page',
        },
      );
      await screenshot(page, 'development');

      expect(await page.locator('header.banner h1').textContent()).toBe('development');
      expect(await bannerColour(page)).toBe('rgb(26, 127, 55)');
      const mismatch = page.locator('tr', { hasText: 'MISMATCH' });
      expect(await mismatch.count()).toBe(1);
      expect(await mismatch.locator('code').first().textContent()).toContain(`-${stranger.pid}-`);
      expect(await page.locator('.verdict h2').textContent()).toBe('Not ready');
      expect(await page.locator('.verdict li').allTextContents()).toEqual([
        expect.stringContaining('read a different configuration'),
      ]);
      // Times are for people: "… ago", with the exact time in the tooltip.
      expect(await page.locator('td time').first().textContent()).toMatch(/ s ago$/);
      // The title is shown as typed and never becomes markup.
      const row = page.locator('tr', { hasText: 'Churn' });
      expect(await row.locator('td').nth(1).textContent()).toBe(HOSTILE_TITLE);
      expect(await page.locator('main img, main b').count()).toBe(0);
      expect(await page.title()).not.toBe('pwned');
      await page.close();
    });

    it('in staging: the amber banner and a ready verdict when every worker matches', async () => {
      const now = new Date();
      const page = await browser.newPage();
      await page.setContent(
        renderStatusPage({
          appEnv: 'staging',
          verdict: { ready: true, reasons: [] },
          now,
          version: '1.4.0',
          gitSha: '3f2c1ab',
          fingerprint: 'aaaaaaaaaaaa/bbbbbbbbbbbb',
          features: { newCheckout: true },
          workers: [
            {
              id: 'worker-1',
              hostname: 'worker-1',
              pid: 1,
              version: '1.4.0',
              gitSha: '3f2c1ab',
              appEnv: 'staging',
              fingerprint: 'aaaaaaaaaaaa/bbbbbbbbbbbb',
              fingerprintMatches: true,
              concurrency: 5,
              startedAt: new Date(now.getTime() - 60_000).toISOString(),
              beatAt: new Date(now.getTime() - 4_000).toISOString(),
              jobsDone: 12,
              jobsFailed: 0,
            },
          ],
          reports: [],
          lastReportId: undefined,
        }),
      );
      await screenshot(page, 'staging');
      expect(await page.locator('header.banner h1').textContent()).toBe('staging');
      expect(await bannerColour(page)).toBe('rgb(191, 135, 0)');
      expect(await page.locator('.verdict h2').textContent()).toBe('Ready');
      expect(await page.locator('td time').first().textContent()).toBe('4 s ago');
      await page.close();
    });
  },
);
