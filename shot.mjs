import { chromium } from '@playwright/test';

const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('pageerror', (e) => console.log('PAGEERROR', e.message));
p.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
await p.goto('http://127.0.0.1:4173/');
await p.screenshot({ path: '/tmp/lib.png' });
await p.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).click();
for (let i = 0; i < 17; i++) await p.keyboard.press('ArrowRight');
await p.screenshot({ path: '/tmp/walk.png' });
await b.close();
