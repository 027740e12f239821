import { expect, test } from '@playwright/test';
import { expectNoAxeViolationsInCopy } from '../support/axe.ts';
import { CODE_PATTERN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';

test.describe('giving input on the portal without JavaScript', () => {
  test('runs no script at all', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    // page.evaluate still runs in this project, so ask the page itself: no enhancement happened.
    await expect(page.locator('input[name="idempotency_key"]')).toHaveCount(0);
  });

  test('sends the form with a plain post and shows the code', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await fillDemoForm(page);
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await expect(page).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);
    await expect(page.locator('.podium-code')).toHaveText(CODE_PATTERN);
    await expectNoAxeViolationsInCopy(page, 'confirmation without JavaScript');
  });

  test('shows the error summary with focus and keeps the values', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await page.getByLabel('Langs de Parklaan').check();
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await expect(page.locator('#podium-error-summary')).toBeFocused();
    await expect(page.getByLabel('Langs de Parklaan')).toBeChecked();
    await expect(page.getByLabel('Wat wilt u ons verder meegeven?')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolationsInCopy(page, 'errors without JavaScript');
  });

  test('finds input by its code through the lookup form', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await fillDemoForm(page);
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    const code = (await page.locator('.podium-code').textContent())!.trim();

    await page.goto('/volg/');
    await page.getByLabel('Uw code').fill(code.toLowerCase().replaceAll('-', ' '));
    await page.getByLabel('Uw code').press('Enter');
    await expect(page).toHaveURL(new RegExp(`/volg/${code}/$`));
    await expect(page.getByText(code).first()).toBeVisible();
    await expectNoAxeViolationsInCopy(page, 'follow-up without JavaScript');
  });
});
