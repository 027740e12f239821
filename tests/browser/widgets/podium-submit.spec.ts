/**
 * <podium-submit> in a real browser against the real API, on the portal's embed demo page
 * (/embed/ and /en/embed/): every widget state (loading, error, ready, invalid, submitting,
 * submitted, offline), axe on each, keyboard, focus, reflow and a second copy of the bundle.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PendingSubmission } from '../../../widgets/podium-submit/podium-submit.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { expectSolved, isChallenge } from '../support/proof-of-work.ts';
import {
  deepActive,
  DEMO_SLUG,
  fillDemoForm,
  FOLLOW_UP_CODE,
  gate,
  isConsultationGet,
  isSubmission,
  liveRegion,
  openEmbed,
  PENDING_KEY,
  recordSubmissions,
  submissionCount,
  tabStop,
  UUID,
  widget,
} from '../support/widget-helpers.ts';

type FollowUpAnswers = { code: string; answers: Array<{ question: string; value: unknown }> };

const readPending = (page: Page): Promise<PendingSubmission | null> =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as PendingSubmission) : null;
  }, PENDING_KEY);

test.describe('podium-submit states', () => {
  test('The ready form renders in an open shadow root with one empty live region, the heading level from the attribute and the host language untouched', async ({
    page,
  }) => {
    await openEmbed(page);
    const root = widget(page);
    const shadow = await root.evaluate((host) => ({
      mode: host.shadowRoot?.mode,
      delegatesFocus: host.shadowRoot?.delegatesFocus,
      formsInShadow: host.shadowRoot?.querySelectorAll('form').length,
      formsInLight: host.querySelectorAll('form').length,
      liveRegions: host.shadowRoot?.querySelectorAll('[role="status"], [role="alert"], [aria-live]').length,
      landmarks: host.shadowRoot?.querySelectorAll('main, header, footer, [role="main"], [role="banner"]').length,
    }));
    expect(shadow).toEqual({
      mode: 'open',
      delegatesFocus: true,
      formsInShadow: 1,
      formsInLight: 0,
      liveRegions: 1,
      landmarks: 0,
    });
    await expect(liveRegion(page)).toHaveAttribute('aria-live', 'polite');
    await expect(liveRegion(page)).toHaveText('');

    // On the embed page the example sits under an h3, so the page sets heading-level="4".
    const title = root.getByRole('heading', { name: 'Nieuwe fietsroute Stationsstraat' });
    await expect(title).toHaveAttribute('aria-level', '4');
    // The level follows the attribute, not a fixed value.
    await root.evaluate((host) => host.setAttribute('heading-level', '2'));
    await expect(title).toHaveAttribute('aria-level', '2');
    await root.evaluate((host) => host.setAttribute('heading-level', '4'));
    await expect(title).toHaveAttribute('aria-level', '4');

    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(root).toHaveAttribute('lang', 'nl');
    await expect(root.locator('.podium')).toHaveAttribute('lang', 'nl');
    await expect(root.getByRole('button', { name: 'Versturen' })).toBeVisible();
    await expectNoAxeViolations(page, { context: 'podium-submit ready (nl)' });
  });

  test('While the consultation loads the widget says so, with its live region already there and empty', async ({
    page,
  }) => {
    const release = gate();
    await page.route(isConsultationGet, async (route) => {
      await release.wait;
      await route.continue();
    });
    await page.goto('/embed/');
    const root = widget(page);
    await expect(root.getByText('De consultatie wordt geladen…')).toBeVisible();
    await expect(root.locator('form')).toHaveCount(0);
    await expect(liveRegion(page)).toHaveCount(1);
    await expect(liveRegion(page)).toHaveText('');
    await expectNoAxeViolations(page, { context: 'podium-submit loading' });

    release.open();
    await expect(root.locator('form')).toBeVisible();
    await expect(root.getByText('De consultatie wordt geladen…')).toHaveCount(0);
  });

  test('A failed load shows an error notice whose retry button loads the form', async ({ page }) => {
    await page.route(isConsultationGet, (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"Unavailable"}' }),
    );
    await page.goto('/embed/');
    const root = widget(page);
    const notice = root.locator('[part="notice"]');
    await expect(notice).toContainText('De consultatie kon niet worden geladen. Probeer het later opnieuw.');
    await expect(root.locator('form')).toHaveCount(0);
    await expectNoAxeViolations(page, { context: 'podium-submit load error' });

    await page.unroute(isConsultationGet);
    await root.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(root.locator('form')).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('Sending an empty form focuses the error summary, its links focus the invalid fields, and typed values are kept', async ({
    page,
  }) => {
    await openEmbed(page);
    const root = widget(page);
    await root.getByRole('radio', { name: '3', exact: true }).check();
    await root.getByRole('checkbox', { name: 'Bomen en groen' }).check();
    await root.getByRole('textbox', { name: /^Naam/ }).fill('Jan Jansen');
    const posts = recordSubmissions(page);
    await root.getByRole('button', { name: 'Versturen' }).click();

    const summary = root.locator('.error-summary');
    await expect(summary.getByRole('heading', { name: 'Er ging iets mis' })).toHaveAttribute('aria-level', '5');
    await expect.poll(async () => (await deepActive(page)).className).toContain('error-summary');
    expect((await deepActive(page)).inWidget).toBe(true);
    const links = summary.getByRole('link');
    await expect(links).toHaveText([
      'Welke route heeft uw voorkeur?: Kies een antwoord.',
      'Wat wilt u ons verder meegeven?: Vul dit in.',
    ]);
    expect(posts, 'the widget checks the form before it sends anything').toHaveLength(0);

    // Invalid fields: aria-invalid, and a description with the error behind a hidden "Fout:".
    const routeRadios = root.locator('input[name="answers.route"]');
    await expect(routeRadios).toHaveCount(3);
    for (const radio of await routeRadios.all()) await expect(radio).toHaveAttribute('aria-invalid', 'true');
    const text = root.getByRole('textbox', { name: 'Wat wilt u ons verder meegeven?' });
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(root.getByRole('radio', { name: '3', exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(root.getByRole('group', { name: 'Welke route heeft uw voorkeur?' })).toHaveAccessibleDescription(
      'Kies één route. Fout: Kies een antwoord.',
    );
    await expect(text).toHaveAccessibleDescription(
      'Schrijf geen persoonlijke gegevens van anderen op. Gebruik maximaal 2000 tekens. Fout: Vul dit in.',
    );
    await expect(root.locator('#answer-route-error')).toHaveText(/^\s*Fout:\s+Kies een antwoord\.\s*$/);
    await expect(root.locator('#answer-toelichting-error')).toHaveText(/^\s*Fout:\s+Vul dit in\.\s*$/);
    const prefix = root.locator('#answer-toelichting-error .visually-hidden');
    await expect(prefix).toHaveText('Fout:');
    const prefixBox = await prefix.boundingBox();
    expect(prefixBox!.width * prefixBox!.height, '"Fout:" is for screen readers only').toBeLessThanOrEqual(1);

    // The links move focus: by keyboard from the summary, and by click.
    await page.keyboard.press('Tab');
    expect(await deepActive(page)).toMatchObject({
      tag: 'a',
      name: 'Welke route heeft uw voorkeur?: Kies een antwoord.',
    });
    await page.keyboard.press('Enter');
    expect(await deepActive(page)).toMatchObject({ id: 'answer-route-0', inWidget: true });
    await links.nth(1).click();
    expect(await deepActive(page)).toMatchObject({ id: 'answer-toelichting', inWidget: true });

    // What was typed before is still there.
    await expect(root.getByRole('radio', { name: '3', exact: true })).toBeChecked();
    await expect(root.getByRole('checkbox', { name: 'Bomen en groen' })).toBeChecked();
    await expect(root.getByRole('textbox', { name: /^Naam/ })).toHaveValue('Jan Jansen');
    await expectNoAxeViolations(page, { context: 'podium-submit invalid' });
  });

  test('A filled form says it is sending, is sent once, confirms with a follow-up code and fires podium-submitted', async ({
    page,
    request,
  }) => {
    const before = await submissionCount(request);
    await openEmbed(page);
    await page.evaluate(() => {
      const store = window as unknown as { podiumSubmitted: unknown[] };
      store.podiumSubmitted = [];
      document
        .querySelector('podium-submit')!
        .addEventListener('podium-submitted', (event) => store.podiumSubmitted.push((event as CustomEvent).detail));
    });
    const text = 'Graag meer licht langs de Parklaan.';
    await fillDemoForm(page, text);
    const posts = recordSubmissions(page);
    const release = gate();
    await page.route(isSubmission, async (route) => {
      await release.wait;
      await route.continue();
    });

    const root = widget(page);
    const button = root.getByRole('button', { name: 'Versturen' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(liveRegion(page)).toHaveText('Bezig met versturen…');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(await deepActive(page), 'focus stays on the button while sending').toMatchObject({
      tag: 'button[submit]',
      inWidget: true,
    });
    await page.keyboard.press('Enter'); // a second press while sending sends nothing more
    release.open();

    const code = root.locator('[part="code"]');
    await expect(code).toHaveText(FOLLOW_UP_CODE);
    const followUpCode = (await code.textContent())!.trim();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toMatch(UUID);
    await expect(root.getByRole('heading', { name: 'Bedankt voor uw inbreng' })).toBeVisible();
    await expect.poll(async () => (await deepActive(page)).id).toBe('confirmation-title');
    await expect(liveRegion(page)).toHaveText('');
    expect(await page.evaluate(() => (window as unknown as { podiumSubmitted: unknown[] }).podiumSubmitted)).toEqual([
      { code: followUpCode, consultation: DEMO_SLUG },
    ]);
    expect(await submissionCount(request)).toBe(before + 1);
    await expectNoAxeViolations(page, { context: 'podium-submit submitted' });

    // The API stored every answer kind as entered.
    const followUp = await request.get(`/api/follow-up/${followUpCode}`);
    expect(followUp.status()).toBe(200);
    const stored = (await followUp.json()) as FollowUpAnswers;
    expect(Object.fromEntries(stored.answers.map((a) => [a.question, a.value]))).toEqual({
      route: 'parklaan',
      veiligheid: 4,
      voorzieningen: ['verlichting', 'stallingen'],
      toelichting: text,
    });

    await root.getByRole('link', { name: 'Bekijk wat er met uw inbreng gebeurt' }).click();
    await expect(page).toHaveURL(new RegExp(`/volg/${followUpCode}/$`));
    await expect(page.getByRole('main')).toContainText(followUpCode);
  });

  test('A submission carries a proof of work solved in the background since the form was first touched, and the API accepts it', async ({
    page,
  }) => {
    const challenges: string[] = [];
    page.on('request', (request) => {
      if (isChallenge(new URL(request.url()))) challenges.push(request.url());
    });
    await openEmbed(page);
    expect(challenges, 'nothing is solved before the resident touches the form').toEqual([]);
    await fillDemoForm(page, 'Met een bewijs van werk verstuurd.');
    const posts = recordSubmissions(page);
    const response = page.waitForResponse((r) => isSubmission(new URL(r.url())));
    await widget(page).getByRole('button', { name: 'Versturen' }).click();
    expect((await response).status()).toBe(201);
    await expect(widget(page).locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
    expect(challenges).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expectSolved((posts[0]!.request.postDataJSON() as { altcha?: string }).altcha);
  });

  test('When the server refuses the proof of work, the widget solves a new one and sends once more by itself', async ({
    page,
  }) => {
    await openEmbed(page);
    await fillDemoForm(page, 'Het eerste bewijs werd geweigerd.');
    const posts = recordSubmissions(page);
    let refused = false;
    await page.route(isSubmission, async (route) => {
      if (refused) return route.continue();
      refused = true;
      await route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        json: {
          type: 'https://podium.nl/problems/proof-of-work-expired',
          title: 'De controle tegen spam is verlopen.',
          status: 400,
        },
      });
    });
    await widget(page).getByRole('button', { name: 'Versturen' }).click();
    await expect(widget(page).locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
    expect(posts).toHaveLength(2);
    const [first, second] = posts.map((post) => (post.request.postDataJSON() as { altcha?: string }).altcha);
    expectSolved(first);
    expectSolved(second);
    expect(second, 'a new solution, not the refused one').not.toBe(first);
    expect(posts[1]!.key, 'the same input keeps its idempotency key').toBe(posts[0]!.key);
  });

  test('When no challenge can be had, the input is sent without a proof of work and still stored', async ({ page }) => {
    await page.route(isChallenge, (route) => route.abort('failed'));
    await openEmbed(page);
    await fillDemoForm(page, 'Verstuurd zonder bewijs van werk.');
    const posts = recordSubmissions(page);
    await widget(page).getByRole('button', { name: 'Versturen' }).click();
    await expect(widget(page).locator('[part="code"]')).toHaveText(FOLLOW_UP_CODE);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.request.postDataJSON()).not.toHaveProperty('altcha');
  });

  test('Offline the input is kept in localStorage and announced without moving focus, and sent once when back online', async ({
    page,
    context,
    request,
  }) => {
    const before = await submissionCount(request);
    await openEmbed(page);
    // An empty send first loads the sending code (send.ts), so the offline send below really
    // tries the network; offline before any send is covered in the host-page tests.
    await widget(page).getByRole('button', { name: 'Versturen' }).click();
    await expect(widget(page).locator('.error-summary')).toBeVisible();
    const text = 'Verstuurd zodra de verbinding terug was.';
    await fillDemoForm(page, text);
    const posts = recordSubmissions(page);
    const delivered: string[] = [];
    page.on('requestfinished', (req) => {
      if (req.method() === 'POST' && isSubmission(new URL(req.url())))
        delivered.push(req.headers()['idempotency-key'] ?? '');
    });

    await context.setOffline(true);
    const root = widget(page);
    const button = root.getByRole('button', { name: 'Versturen' });
    await button.focus();
    await page.keyboard.press('Enter');
    const offlineText = 'U bent offline. Uw inbreng is bewaard en wordt verstuurd zodra er weer verbinding is.';
    await expect(liveRegion(page)).toHaveText(offlineText);
    expect(await deepActive(page), 'focus stays on the button').toMatchObject({
      tag: 'button[submit]',
      inWidget: true,
    });
    await expect(root.locator('[part="notice"]')).toHaveText(offlineText);
    await expect(root.getByRole('textbox', { name: 'Wat wilt u ons verder meegeven?' })).toHaveValue(text);

    const entry = await readPending(page);
    expect(entry?.key).toMatch(UUID);
    expect(entry?.body).toEqual({
      answers: { route: 'parklaan', veiligheid: 4, voorzieningen: ['verlichting', 'stallingen'], toelichting: text },
      name: 'Jan Jansen',
      email: 'jan@example.com',
      consent: true,
      language: 'nl',
      channel: 'widget',
    });
    expect(delivered).toEqual([]);
    expect(await submissionCount(request)).toBe(before);
    await expectNoAxeViolations(page, { context: 'podium-submit offline' });

    // The browser tried once and failed; that attempt carried the key now in storage.
    expect(posts.map((post) => post.key)).toEqual([entry!.key]);
    await context.setOffline(false);
    const code = root.locator('[part="code"]');
    await expect(code).toHaveText(FOLLOW_UP_CODE);
    const followUpCode = (await code.textContent())!.trim();
    expect(
      posts.map((post) => post.key),
      'one POST after the connection is back, with the same key',
    ).toEqual([entry!.key, entry!.key]);
    expect(delivered).toEqual([entry!.key]);
    expect(await readPending(page)).toBeNull();
    expect(await submissionCount(request)).toBe(before + 1);
    const followUp = await request.get(`/api/follow-up/${followUpCode}`);
    expect(followUp.status()).toBe(200);
    const stored = (await followUp.json()) as FollowUpAnswers;
    expect(stored.answers.find((a) => a.question === 'toelichting')?.value).toBe(text);
  });

  test('A retry after a lost response reuses the Idempotency-Key, so the server stores the input once', async ({
    page,
    request,
  }) => {
    const before = await submissionCount(request);
    await openEmbed(page);
    await fillDemoForm(page, 'Het antwoord op de eerste poging ging onderweg verloren.');
    const posts = recordSubmissions(page);
    let first: { status: number; code: string } | undefined;
    await page.route(isSubmission, async (route) => {
      if (first) return route.continue();
      // The server stores the input, but the answer never reaches the browser.
      const response = await route.fetch();
      first = { status: response.status(), code: ((await response.json()) as { code: string }).code };
      await route.abort('connectionreset');
    });

    const root = widget(page);
    const button = root.getByRole('button', { name: 'Versturen' });
    await button.click();
    await expect(root.locator('.error-summary')).toContainText(
      'Versturen is niet gelukt. Uw inbreng is bewaard. Controleer uw verbinding en probeer het opnieuw.',
    );
    expect(first?.status).toBe(201);
    expect(await submissionCount(request)).toBe(before + 1);
    expect((await readPending(page))?.key).toBe(posts[0]?.key);

    const replay = page.waitForResponse((r) => isSubmission(new URL(r.url())) && r.request().method() === 'POST');
    await button.click();
    const response = await replay;
    expect(response.status()).toBe(200);
    expect(response.headers()['idempotent-replayed']).toBe('true');
    await expect(root.locator('[part="code"]')).toHaveText(first!.code);

    expect(posts).toHaveLength(2);
    expect(posts[0]!.key).toMatch(UUID);
    expect(posts[1]!.key, 'the retry carries the key of the failed attempt').toBe(posts[0]!.key);
    expect(await submissionCount(request)).toBe(before + 1);
    expect(await readPending(page)).toBeNull();
  });

  test('On the English embed page the widget shows English texts and English error messages', async ({ page }) => {
    await openEmbed(page, 'en');
    const root = widget(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(root.locator('.podium')).toHaveAttribute('lang', 'en');
    await expect(root.getByRole('heading', { name: 'New cycle route on Stationsstraat' })).toBeVisible();
    await expect(root.getByRole('group', { name: 'Which route do you prefer?' })).toBeVisible();
    await expect(root.getByRole('radio', { name: 'Along Parklaan' })).toBeVisible();
    await expect(root.getByRole('textbox', { name: 'E-mail address (optional)' })).toBeVisible();
    await expect(root.getByText('Use at most 2000 characters.')).toBeVisible();
    await expect(root).not.toContainText('Versturen');

    await root.getByRole('button', { name: 'Send' }).click();
    const summary = root.locator('.error-summary');
    await expect(summary.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    await expect(summary.getByRole('link')).toHaveText([
      'Which route do you prefer?: Choose an answer.',
      'What else would you like to tell us?: Please fill this in.',
    ]);
    await expect(root.locator('#answer-route-error')).toHaveText(/^\s*Error:\s+Choose an answer\.\s*$/);
    await expect(
      root.getByRole('textbox', { name: 'What else would you like to tell us?' }),
    ).toHaveAccessibleDescription(/Use at most 2000 characters\. Error: Please fill this in\.$/);
    await expectNoAxeViolations(page, { context: 'podium-submit invalid (en)' });
  });

  test('The organisation’s languages and house colours from the answer’s headers: Dutch without English, its colours below the host’s tokens', async ({
    page,
  }) => {
    // As the API answers once an administrator switched English off and chose colours.
    await page.route(isConsultationGet, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'podium-languages': 'nl',
          'podium-theme': 'accent=#6a1b9a; on-accent=#ffffff; accent-hover=#4a136c; focus=#6a1b9a',
        },
      });
    });
    await page.goto('/en/embed/');
    const root = widget(page);
    await expect(root.locator('form')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(root.locator('.podium')).toHaveAttribute('lang', 'nl');
    const send = root.getByRole('button', { name: 'Versturen' });
    await expect(send).toBeVisible();
    // The portal's page sets the NL Design System tokens itself: those win.
    await expect(send).toHaveCSS('background-color', 'rgb(0, 88, 138)');
    // A host without them gets the organisation's colours rather than the widget's own.
    await page.evaluate(() =>
      document.documentElement.style.setProperty('--utrecht-button-primary-action-background-color', 'initial'),
    );
    await expect(send).toHaveCSS('background-color', 'rgb(106, 27, 154)');
    await expectNoAxeViolations(page, { context: 'podium-submit with the organisation’s colours, Dutch only' });
  });
});

test.describe('podium-submit keyboard, focus and layout', () => {
  const expectedStops = [
    'radio group answers.route',
    'radio group answers.veiligheid',
    'input[checkbox] Goede verlichting',
    'input[checkbox] Fietsenstallingen',
    'input[checkbox] Bomen en groen',
    'input[checkbox] Gescheiden van de auto',
    'textarea Wat wilt u ons verder meegeven?',
    'input[text] Naam (niet verplicht)',
    'input[email] E-mailadres (niet verplicht)',
    'input[checkbox] Ik geef toestemming om mijn e-mailadres te gebruiken',
    'button[submit] Versturen',
  ];

  test('Tab walks through every control of the widget in order and out again, and Shift+Tab walks back', async ({
    page,
  }) => {
    await openEmbed(page);
    const root = widget(page);
    // Every control in the shadow root, as Tab stops (radios once per group).
    const controls = await root.evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('input, textarea, select, button, a[href], [tabindex]')]
        .filter((el) => el.tabIndex >= 0)
        .map((el) => {
          const type = el.getAttribute('type');
          const tag = el.localName + (type ? `[${type}]` : '');
          const label =
            host.shadowRoot!.querySelector(`label[for="${el.id}"]`)?.textContent ??
            el.closest('label')?.textContent ??
            el.textContent;
          return type === 'radio'
            ? `radio group ${el.getAttribute('name')}`
            : `${tag} ${(label ?? '').replace(/\s+/g, ' ').trim()}`;
        }),
    );
    expect([...new Set(controls)]).toEqual(expectedStops);

    // The main menu's last link is the last stop before the first widget on the embed page.
    const before = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Op uw website' });
    await before.focus();
    const forward: string[] = [];
    for (let i = 0; i <= expectedStops.length; i++) {
      await page.keyboard.press('Tab');
      const focus = await deepActive(page);
      if (!focus.inWidget) break;
      forward.push(tabStop(focus));
    }
    expect(forward).toEqual(expectedStops);
    // The next stop on the page is the next widget's first control (the <pre> snippet is not a stop).
    expect(await deepActive(page), 'Tab after the send button leaves the widget').toMatchObject({
      tag: 'a',
      name: 'Geef uw mening',
      inWidget: false,
    });

    const backward: string[] = [];
    for (let i = 0; i <= expectedStops.length; i++) {
      await page.keyboard.press('Shift+Tab');
      const focus = await deepActive(page);
      if (!focus.inWidget) break;
      backward.push(tabStop(focus));
    }
    expect(backward).toEqual([...expectedStops].reverse());
    await expect(before).toBeFocused();
  });

  test('The focused field and checkbox show an outline of at least 2px that the blurred ones do not have', async ({
    page,
  }) => {
    await openEmbed(page);
    const root = widget(page);
    await root.getByRole('textbox', { name: /^Naam/ }).focus();
    const outlines = async () =>
      root.evaluate((host) => {
        const style = (id: string) => {
          const s = getComputedStyle(host.shadowRoot!.getElementById(id)!);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        };
        return { name: style('field-name'), email: style('field-email'), consent: style('field-consent') };
      });

    await page.keyboard.press('Tab');
    expect((await deepActive(page)).id).toBe('field-email');
    let seen = await outlines();
    expect(seen.email.style).not.toBe('none');
    expect(seen.email.width).toBeGreaterThanOrEqual(2);
    expect(seen.name.style).toBe('none');

    await page.keyboard.press('Tab');
    expect((await deepActive(page)).id).toBe('field-consent');
    seen = await outlines();
    expect(seen.consent.style).not.toBe('none');
    expect(seen.consent.width).toBeGreaterThanOrEqual(2);
    expect(seen.email.style).toBe('none');
  });

  test('A second copy of the bundle only logs a warning and leaves the first definition working', async ({ page }) => {
    const pageErrors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await openEmbed(page);
    const result = await page.evaluate(async () => {
      const first = customElements.get('podium-submit');
      const url = '/widgets/podium-submit.js?copy=2';
      const copy = (await import(url)) as { PodiumSubmit: unknown };
      return {
        secondClassLoaded: copy.PodiumSubmit !== first,
        firstStays: customElements.get('podium-submit') === first,
      };
    });
    expect(result).toEqual({ secondClassLoaded: true, firstStays: true });
    await expect.poll(() => warnings.join('\n')).toContain('<podium-submit> is already defined');
    expect(pageErrors).toEqual([]);
    await expect(widget(page).getByRole('button', { name: 'Versturen' })).toBeVisible();
  });

  test.describe('at 320 CSS px', () => {
    test.use({ viewport: { width: 320, height: 640 } });

    test('At 320 px wide the page does not scroll sideways and the widget fits the viewport, also with errors shown', async ({
      page,
    }) => {
      await openEmbed(page);
      const root = widget(page);
      const check = async (state: string) => {
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(layout.scrollWidth, `horizontal scroll (${state})`).toBeLessThanOrEqual(layout.clientWidth);
        const box = await root.boundingBox();
        expect(box!.x, `widget left edge (${state})`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `widget right edge (${state})`).toBeLessThanOrEqual(320);
        const overflowing = await root.evaluate((host) =>
          [...host.shadowRoot!.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map((el) => `${el.localName}.${el.getAttribute('class') ?? ''}`),
        );
        expect(overflowing, `elements past the right edge (${state})`).toEqual([]);
      };
      await check('ready');
      await root.getByRole('button', { name: 'Versturen' }).click();
      await expect(root.locator('.error-summary')).toBeVisible();
      await check('invalid');
    });
  });
});
