import { expect, test } from '@playwright/test';

test('the development server sends the policy with only its stated allowances', async ({ page }) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  const directive = (name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
  expect(directive('script-src')).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(directive('style-src')).toBe("style-src 'self' 'unsafe-inline'");
  expect(policy).not.toContain('unsafe-eval');
  for (const strict of ["connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(policy).toContain(strict);
  // The app starts under it (the console test fails on any violation through every view).
  await expect(page.getByRole('button', { name: 'Scenario library' })).toBeVisible();
});
