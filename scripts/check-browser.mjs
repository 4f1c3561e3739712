// Fails fast, before the long test run, when no Chromium is there for Playwright.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
let bundled = null;
try {
  bundled = chromium.executablePath();
} catch {
  bundled = null;
}
if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`error: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  process.exit(1);
}
if (!found && !(bundled && existsSync(bundled))) {
  console.error(
    [
      'error: no Chromium for the browser tests.',
      '  Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/bin/chromium is used)',
      '  elsewhere:     npx playwright install chromium',
      '  or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}
