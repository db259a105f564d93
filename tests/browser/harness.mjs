// Browser test harness: web/ served on a free port, Debian's Chromium driven by playwright-core
// (never a downloaded browser). Screenshots go to test-artifacts/.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { serve } from '../../build-scripts/serve.mjs';

export const artifacts = new URL('../../test-artifacts/', import.meta.url);
mkdirSync(artifacts, { recursive: true });

/** Starts a server and a browser for the tests of this file; returns a handle filled in before(). */
export function useBrowser({ headers } = {}) {
  const env = { server: null, context: null, origin: '', requests: [] };
  before(async () => {
    env.server = await serve(0, { headers });
    env.origin = `http://127.0.0.1:${env.server.address().port}`;
    env.context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cbm-chromium-')), {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    env.context.on('request', (request) => env.requests.push(request.url()));
  });
  after(async () => {
    await env.context?.close();
    await new Promise((done) => env.server?.close(done) ?? done());
  });
  return env;
}

/** Opens `path` and waits until the page says it is ready; fails on any page error. */
export async function openPage(env, path = '/', viewport = { width: 1280, height: 900 }) {
  const page = await env.context.newPage();
  await page.setViewportSize(viewport);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => m.type() === 'error' && errors.push(new Error(m.text())));
  await page.goto(env.origin + path);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  page.errors = errors;
  return page;
}

export function artifact(name) {
  return new URL(name, artifacts).pathname;
}
