import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDatabaseNamed,
  appCommand,
  runOnStackNetwork,
  runToEndOnStackNetwork,
  testSecretKey,
  waitFor,
} from '@repo/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
const STAGING_HOST = 'staging.example.com';
const STAGING_ORIGIN = `https://${STAGING_HOST}`;

const hasChromium = existsSync(CHROMIUM);
let browser: Browser;
/** The staging apps, run on the compose network; stopped after the file. */
const containers: Awaited<ReturnType<typeof runOnStackNetwork>>[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(containers.map((container) => container.stop({ timeout: 10_000 })));
  await stopAll();
});

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `status-page-${name}.png`), fullPage: true });
}

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

/** Loads the status page until it lists a worker with another configuration and the hostile report. */
async function loadWithMismatchAndReport(page: Page, managementUrl: string): Promise<void> {
  await waitFor(
    async () => {
      await page.goto(`${managementUrl}/`);
      const rows = (hasText: string) => page.locator('tr', { hasText }).count();
      return (await rows('MISMATCH')) === 1 && (await rows('Churn')) === 1;
    },
    {
      timeoutMs: 30_000,
      intervalMs: 500,
      description: 'the mismatched worker and the report on the status page',
    },
  );
}

/** One worker row says MISMATCH, it is the stranger's, and the verdict names it as the one reason. */
async function expectMismatchedWorker(page: Page, strangerIdPart: string): Promise<void> {
  const mismatch = page.locator('tr', { hasText: 'MISMATCH' });
  expect(await mismatch.count()).toBe(1);
  expect(await mismatch.locator('code').first().textContent()).toContain(strangerIdPart);
  expect(await page.locator('.verdict h2').textContent()).toBe('Not ready');
  expect(await page.locator('.verdict li').allTextContents()).toEqual([
    expect.stringContaining('read a different configuration'),
  ]);
  // Times are for people: "… ago", with the exact time in the tooltip.
  expect(await page.locator('td time').first().textContent()).toMatch(/ s ago$/);
}

/** The title is shown as typed and never becomes markup. */
async function expectHostileTitleAsText(page: Page): Promise<void> {
  const row = page.locator('tr', { hasText: 'Churn' });
  expect(await row.locator('td').nth(1).textContent()).toBe(HOSTILE_TITLE);
  expect(await page.locator('main img, main b').count()).toBe(0);
  expect(await page.title()).not.toBe('pwned');
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
      await loadWithMismatchAndReport(page, web.managementUrl);
      await screenshot(page, 'development');

      expect(await page.locator('header.banner h1').textContent()).toBe('development');
      expect(await bannerColour(page)).toBe('rgb(26, 127, 55)');
      await expectMismatchedWorker(page, `-${stranger.pid}-`);
      await expectHostileTitleAsText(page);
      await page.close();
    });

    it('in staging, served by the real app on the stack network: amber banner, the mismatched worker, a not-ready verdict, and a hostile title shown as text', async () => {
      const stack = inject('stack');
      const suffix = randomBytes(3).toString('hex');
      const database = `browser_${suffix}_staging`;
      await createDatabaseNamed(stack.postgresAdminUrl, database);
      // The staging rules refuse loopback hosts: on the compose network the services are `postgres` and `redis`.
      const databaseUrl = new URL(stack.postgresAdminUrl);
      databaseUrl.host = 'postgres:5432';
      databaseUrl.pathname = `/${database}`;
      const variables = {
        APP_ENV: 'staging',
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: 'redis://redis:6379/0',
        QUEUE_PREFIX: `browser-staging-${suffix}`,
        SECRET_KEY: testSecretKey(),
        PUBLIC_URL: STAGING_ORIGIN,
        ALLOWED_HOSTS: STAGING_HOST,
        CORS_ALLOWED_ORIGINS: STAGING_ORIGIN,
      };
      const onNetwork = (command: string[], environment: Record<string, string>) => ({
        network: stack.network,
        command,
        environment,
      });
      await runToEndOnStackNetwork(
        onNetwork(['packages/db/bin/ladder-db.js', 'migrate'], variables),
      );
      const worker = (environment: Record<string, string>) =>
        runOnStackNetwork({
          ...onNetwork(appCommand('worker'), environment),
          ports: [],
          readyLog: /worker started/,
        });
      containers.push(await worker(variables));
      const stranger = await worker({ ...variables, SECRET_KEY: testSecretKey() });
      containers.push(stranger);
      const web = await runOnStackNetwork({
        ...onNetwork(appCommand('web'), variables),
        ports: [3000, 9464],
        readyLog: /web listening on/,
      });
      containers.push(web);
      const url = (port: number) => `http://${web.getHost()}:${web.getMappedPort(port)}`;

      const created = await request(`${url(3000)}/api/reports`, {
        method: 'POST',
        headers: { host: STAGING_HOST },
        body: { title: HOSTILE_TITLE, periodDays: 7 },
      });
      expect(created.status, created.body).toBe(202);

      const page = await browser.newPage();
      await loadWithMismatchAndReport(page, url(9464));
      await screenshot(page, 'staging');

      expect(await page.locator('header.banner h1').textContent()).toBe('staging');
      expect(await bannerColour(page)).toBe('rgb(191, 135, 0)');
      // A container's host name is the start of its id, and a worker's id starts with its host name.
      await expectMismatchedWorker(page, `${stranger.getId().slice(0, 12)}-`);
      await expectHostileTitleAsText(page);
      await page.close();
    });
  },
);
