import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectSolved } from '../support/proof-of-work.ts';
import { CODE_PATTERN, CONSULTATION_EN, CONSULTATION_NL, fillDemoForm } from '../support/portal.ts';

test.describe('giving input on the portal with JavaScript', () => {
  test('sends the form, shows the code on the confirmation page and follows it up', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await fillDemoForm(page);
    await page.getByRole('button', { name: 'Reactie versturen' }).click();

    await expect(page).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);
    const code = (await page.locator('.podium-code').textContent())?.trim() ?? '';
    expect(code).toMatch(CODE_PATTERN);
    expect(page.url()).toContain(code);
    await expectNoAxeViolations(page, { context: 'confirmation' });

    await page.getByRole('link', { name: 'Bekijk wat er met uw reactie gebeurt' }).click();
    await expect(page).toHaveURL(new RegExp(`/volg/${code}/$`));
    await expect(page.getByText(code).first()).toBeVisible();
    await expectNoAxeViolations(page, { context: 'follow-up' });
  });

  test('adds an idempotency key, so a double click stores the input once', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    const key = await page.locator('input[name="idempotency_key"]').inputValue();
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('sends a proof of work solved in the background with the form, which the server accepts', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await fillDemoForm(page);
    const post = page.waitForRequest((request) => request.method() === 'POST');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    const fields = new URLSearchParams((await post).postData() ?? '');
    expectSolved(fields.get('altcha'));
    await expect(page).toHaveURL(/\/bevestiging\/[A-Z0-9-]+\/$/);
  });

  test('shows an error summary that takes focus, links to the fields and keeps the values', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    await page.getByLabel('Wat wilt u ons verder meegeven?').fill('Mijn tekst blijft staan.');
    await page.getByLabel('Uw e-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();

    const summary = page.locator('#podium-error-summary');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Fout: /);
    await expect(page.getByLabel('Wat wilt u ons verder meegeven?')).toHaveValue('Mijn tekst blijft staan.');
    await expect(page.getByLabel('Uw e-mailadres')).toHaveValue('geen-adres');
    await expect(page.getByLabel('Uw e-mailadres')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Uw e-mailadres')).toHaveAccessibleDescription(/^Fout: Vul een geldig e-mailadres in/);
    await expectNoAxeViolations(page, { context: 'form with errors' });

    await summary.getByRole('link', { name: 'Kies een antwoord.' }).click();
    await expect(page.locator('#answer-route-0')).toBeFocused();
  });

  test('works in English with English messages', async ({ page }) => {
    await page.goto(CONSULTATION_EN);
    await page.getByRole('button', { name: 'Send response' }).click();
    await expect(page.locator('#podium-error-summary')).toBeFocused();
    await expect(page.locator('#podium-error-summary')).toContainText('Choose an answer.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await fillDemoForm(page, 'en');
    await page.getByRole('button', { name: 'Send response' }).click();
    await expect(page).toHaveURL(/\/en\/confirmation\/[A-Z0-9-]+\/$/);
  });

  test('announces the character count of a long answer politely', async ({ page }) => {
    await page.goto(CONSULTATION_NL);
    const status = page.locator('[aria-live="polite"]').first();
    await expect(status).toBeAttached();
    await page.getByLabel('Wat wilt u ons verder meegeven?').fill('x'.repeat(1990));
    await expect(status).toContainText(/10/);
  });
});
