import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package; the tests never download a browser. `.ci/run` installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots of the browser tests (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'artifacts', 'screenshots');

/**
 * Starts headless Chromium with a fresh profile (playwright-core makes a new user-data-dir and removes it on
 * close). Fails with a clear message when Chromium is not installed, so a missing browser never passes silently.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The browser tests drive Debian's chromium package and never download a browser: ` +
        'install it with `apt-get install -y --no-install-recommends chromium` (.ci/run does this).',
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const screenshotPath = (name: string): string => join(SCREENSHOTS, `${name}.png`);
