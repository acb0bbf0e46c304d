// The site as the journeys see it: Debian's chromium, headless, driven by playwright-core, with one
// browser context per person (anonymous visitor, member, moderator) so each has their own sign-in, and
// every request beyond loopback answered locally (OutsideWorld).

import { chromium } from 'playwright-core';

import { ApiWatch } from './ApiWatch.mjs';
import { OutsideWorld } from './OutsideWorld.mjs';

export const kChromium = '/usr/bin/chromium';
// Playwright gives every launch a new, empty profile (--user-data-dir); these keep chromium off the network.
const kChromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const kActionTimeoutMs = 10_000;

export class Site {
  constructor({ frontendUrl, serverUrl, data, runId }) {
    this.frontendUrl = frontendUrl;
    this.serverUrl = serverUrl;
    this.data = data;
    this.runId = runId;
    this.watch = new ApiWatch();
    this.outside = new OutsideWorld();
    this.pages = new Map();
    this.state = {};  // what one journey leaves for the next: the member, their comment, flagged videos
  }

  async launch() {
    this.browser = await chromium.launch({ executablePath: kChromium, args: kChromiumArgs, headless: true });
  }

  // The page of one person, opened on first use.
  async persona(name) {
    if (!this.pages.has(name)) {
      const context = await this.browser.newContext({ baseURL: this.frontendUrl, viewport: { width: 1366, height: 900 } });
      context.setDefaultTimeout(kActionTimeoutMs);
      await this.outside.attach(context);
      const page = await context.newPage();
      this.watch.watch(page);
      this.pages.set(name, page);
    }
    return this.pages.get(name);
  }

  openPages() {
    return [...this.pages];
  }

  // A call to the server itself, beside the browser: only to find out what this build serves.
  async serverStatus(path) {
    return (await fetch(this.serverUrl + path)).status;
  }

  async close() {
    await this.browser?.close();
  }
}
