import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, consultationRevisions, consultations, outboxMessages } from '../../../../api/db/schema.ts';
import { findConsultation } from '../../../../api/services/consultations.ts';
import { NOW, openTestApp, postJson, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { addStaffUser, logIn, ORIGIN, staffPost } from '../../../support/staff.ts';

type Login = { cookie: string; csrf: string };
const BASE = '/beheer/consultaties-opstellen';

/** The complete edit form of a consultation with one open question, as the page sends it. */
function editFields(version: number, overrides: Record<string, string> = {}): Array<[string, string]> {
  const fields: Record<string, string> = {
    version: String(version),
    topic: 'mobiliteit',
    'title-nl': 'Parkeren bij de markt',
    'title-en': 'Parking at the market',
    'summary-nl': 'Wij willen weten hoe u over parkeren bij de markt denkt.',
    'summary-en': '',
    'background-nl': 'Het plein is vaak vol. Daarom kijken we naar nieuwe regels.',
    'background-en': '',
    'afterwards-nl': 'Wij lezen alle reacties en maken daarna een plan.',
    'afterwards-en': '',
    'whoDecides-nl': 'De gemeenteraad',
    'whoDecides-en': 'The council',
    'targetGroups-nl': 'Bewoners en ondernemers',
    'targetGroups-en': '',
    'partners-nl': 'Afdeling Verkeer, marktvereniging',
    'partners-en': '',
    moderation: 'pre',
    responseDays: '10',
    opensAt: '2026-12-01T09:00',
    closesAt: '2027-01-15T17:00',
    'p0-when-nl': 'Voorjaar 2027',
    'p0-when-en': 'Spring 2027',
    'p0-what-nl': 'De gemeenteraad beslist',
    'p0-what-en': 'The council decides',
    'q0-key': 'vraag-1',
    'q0-kind': 'open_text',
    'q0-prompt-nl': 'Wat vindt u van parkeren bij de markt?',
    'q0-prompt-en': '',
    'q0-hint-nl': '',
    'q0-hint-en': '',
    'q0-maxLength': '2000',
    'q1-key': 'vraag-2',
    'q1-kind': 'single_choice',
    'q1-prompt-nl': 'Hoe komt u naar de markt?',
    'q1-prompt-en': '',
    'q1-hint-nl': '',
    'q1-hint-en': '',
    'q1-o0-value': 'keuze-1',
    'q1-o0-nl': 'Met de fiets',
    'q1-o0-en': '',
    'q1-o1-value': 'keuze-2',
    'q1-o1-nl': 'Met de auto',
    'q1-o1-en': '',
    ...overrides,
  };
  return Object.entries(fields);
}

for (const target of databaseTargets()) {
  describe(`consultation authoring (${target.name})`, () => {
    let t: TestApp;
    let admin: Login;
    let webcare: Login;
    const post = (path: string, fields: Array<[string, string]>, who: Login = admin) =>
      staffPost(t, path, [['csrf', who.csrf], ...fields], who.cookie);
    const page = async (path: string, who: Login = admin) =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
    const row = async (slug: string) =>
      (await t.db.select().from(consultations).where(eq(consultations.slug, slug)))[0]!;

    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'admin@authoring.example', 'administrator');
      await addStaffUser(t, 'webcare@authoring.example', 'webcare');
      admin = await logIn(t, 'admin@authoring.example');
      webcare = await logIn(t, 'webcare@authoring.example');
    });
    after(() => t.close());

    it('creates a draft that is never public, and audits it', async () => {
      const response = await post(`${BASE}/nieuw`, [
        ['topic', 'mobiliteit'],
        ['slug', 'parkeren-markt'],
        ['titleNl', 'Parkeren bij de markt'],
        ['titleEn', ''],
      ]);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('Location'), `${BASE}/parkeren-markt?klaar=nieuw`);
      assert.equal((await row('parkeren-markt')).status, 'draft');
      assert.equal(await findConsultation(t.db, 'parkeren-markt', NOW), undefined);
      const public_ = await t.app.request('/api/consultations/parkeren-markt');
      assert.equal(public_.status, 404);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.created'));
      assert.equal((entry!.details as { slug: string }).slug, 'parkeren-markt');
    });

    it('refuses a taken or malformed web address with the fields kept', async () => {
      const taken = await post(`${BASE}/nieuw`, [
        ['topic', 'mobiliteit'],
        ['slug', 'parkeren-markt'],
        ['titleNl', 'Nog een keer'],
      ]);
      assert.equal(taken.status, 409);
      const html = await taken.text();
      assert.match(html, /Dit webadres is al in gebruik/);
      assert.match(html, /value="Nog een keer"/);
      const bad = await post(`${BASE}/nieuw`, [
        ['topic', 'mobiliteit'],
        ['slug', 'Hoofd Letters!'],
        ['titleNl', ''],
        ['lang', 'en'],
      ]);
      assert.equal(bad.status, 400);
      const text = await bad.text();
      assert.match(text, /Enter a web address of 3 to 80 characters/);
      assert.match(text, /Enter a Dutch title/);
      assert.match(text, /aria-invalid="true"/);
    });

    it('moves a question down with a button, keeping everything typed, without saving', async () => {
      const before = (await row('parkeren-markt')).version;
      const response = await post(`${BASE}/parkeren-markt`, [
        ...editFields(before, { 'summary-nl': 'Nog niet opgeslagen tekst' }),
        ['action', 'q0-down'],
      ]);
      assert.equal(response.status, 200);
      const html = await response.text();
      // The choice question now comes first, and focus follows the moved question.
      assert.ok(html.indexOf('Hoe komt u naar de markt?') < html.indexOf('Wat vindt u van parkeren'));
      assert.match(html, /id="q1-up"[^>]*autofocus/);
      assert.match(html, /Vraag 1 staat nu op plaats 2/);
      assert.match(html, /Nog niet opgeslagen tekst/);
      assert.equal((await row('parkeren-markt')).version, before);
    });

    it('adds a choice question with two empty choices when asked', async () => {
      const response = await post(`${BASE}/parkeren-markt`, [
        ...editFields(1),
        ['add-kind', 'multiple_choice'],
        ['action', 'add-question'],
      ]);
      const html = await response.text();
      assert.match(html, /name="q2-key" value="vraag-3"/);
      assert.match(html, /name="q2-o1-value" value="keuze-2"/);
      assert.match(html, /id="q2-prompt-nl"[^>]*autofocus/);
    });

    it('saves texts, phases and questions, with a revision and an audit entry holding before and after', async () => {
      const response = await post(`${BASE}/parkeren-markt`, [...editFields(1), ['action', 'save']]);
      assert.equal(response.status, 303);
      const saved = await row('parkeren-markt');
      assert.equal(saved.version, 2);
      assert.deepEqual(saved.partners, { nl: 'Afdeling Verkeer, marktvereniging' });
      assert.deepEqual(saved.phases, [
        {
          when: { nl: 'Voorjaar 2027', en: 'Spring 2027' },
          what: { nl: 'De gemeenteraad beslist', en: 'The council decides' },
        },
      ]);
      // 09:00 in Amsterdam in December is 08:00 UTC.
      assert.equal(saved.opensAt.toISOString(), '2026-12-01T08:00:00.000Z');
      const revisions = await t.db
        .select()
        .from(consultationRevisions)
        .where(eq(consultationRevisions.consultationId, saved.id));
      assert.deepEqual(revisions.map((r) => r.version).sort(), [1, 2]);
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.updated'));
      const details = entry!.details as {
        fields: string[];
        before: Record<string, unknown>;
        after: Record<string, unknown>;
      };
      assert.ok(details.fields.includes('summary'));
      assert.deepEqual(details.before.summary, { nl: '', en: '' });
      assert.deepEqual(details.after.summary, {
        nl: 'Wij willen weten hoe u over parkeren bij de markt denkt.',
        en: '',
      });
      const html = await page(`${BASE}/parkeren-markt?klaar=opgeslagen`);
      assert.match(html, /Opgeslagen \(versie 2\)/);
      // The preview renders the resident's form and the timeline, and texts get a readability hint.
      assert.match(html, /Voorbeeld zoals inwoners het zien/);
      assert.match(html, /Voorjaar 2027/);
      assert.match(html, /id="summary-nl-readability"/);
      assert.match(html, /data-preview/);
    });

    it('refuses a save on a stale version, naming what the colleague changed and keeping what was typed', async () => {
      const response = await post(`${BASE}/parkeren-markt`, [
        ...editFields(1, { 'title-nl': 'Mijn eigen titel' }),
        ['action', 'save'],
      ]);
      assert.equal(response.status, 409);
      const html = await response.text();
      assert.match(html, /Een collega heeft deze consultatie intussen gewijzigd/);
      assert.match(html, /Wat vragen we\?/);
      assert.match(html, /value="Mijn eigen titel"/);
      assert.match(html, /name="version" value="2"/);
      assert.equal((await row('parkeren-markt')).title.nl, 'Parkeren bij de markt');
    });

    it('refuses a save that names no version, saving nothing and keeping what was typed', async () => {
      const fields = editFields(2, { 'title-nl': 'Zonder versie' }).filter(([name]) => name !== 'version');
      const response = await post(`${BASE}/parkeren-markt`, [...fields, ['action', 'save']]);
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /Dit formulier zei niet welke versie u bewerkte, dus is er niets opgeslagen/);
      assert.match(html, /value="Zonder versie"/);
      assert.equal((await row('parkeren-markt')).title.nl, 'Parkeren bij de markt');
    });

    it('refuses the role without the permission', async () => {
      const response = await post(`${BASE}/parkeren-markt`, [...editFields(2), ['action', 'save']], webcare);
      assert.equal(response.status, 403);
    });

    it('opens the draft, which then shows on the portal with its phase timeline', async () => {
      const response = await post(`${BASE}/parkeren-markt/fase`, [
        ['version', '2'],
        ['step', 'open'],
      ]);
      assert.equal(response.status, 303);
      const opened = await findConsultation(t.db, 'parkeren-markt', NOW);
      assert.equal(opened?.status, 'open');
      assert.equal(opened?.phases?.[0]?.what.nl, 'De gemeenteraad beslist');
      const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'consultation.stage_changed'));
      assert.deepEqual(
        [(entry!.details as { from: string }).from, (entry!.details as { to: string }).to],
        ['draft', 'open'],
      );
    });

    it('refuses to remove an answered question or a chosen option, and explains why', async () => {
      const submitted = await postJson(
        t.app,
        '/api/consultations/parkeren-markt/submissions',
        {
          answers: { 'vraag-1': 'Meer fietsenrekken graag.', 'vraag-2': 'keuze-2' },
          email: 'bewoner@example.org',
          consent: true,
        },
        { 'Idempotency-Key': 'authoring-test-1' },
      );
      assert.equal(submitted.status, 201);
      const version = (await row('parkeren-markt')).version;
      const fields = editFields(version).filter(([name]) => !name.startsWith('q1-o1'));
      const response = await post(`${BASE}/parkeren-markt`, [...fields, ['action', 'save']]);
      assert.equal(response.status, 409);
      assert.match(await response.text(), /Inwoners hebben al gekozen voor keuze-2/);
      const withoutQuestion = editFields(version).filter(([name]) => !name.startsWith('q0-'));
      const renamed = withoutQuestion.map(([k, v]): [string, string] => [k.replace(/^q1-/, 'q0-'), v]);
      const refused = await post(`${BASE}/parkeren-markt`, [...renamed, ['action', 'save']]);
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /vraag-1: Deze vraag heeft al antwoorden en kan niet worden verwijderd/);
    });

    it('refuses an outcome before closing, then closes and publishes it, mailing the resident who consented', async () => {
      let version = (await row('parkeren-markt')).version;
      const early = await post(`${BASE}/parkeren-markt/uitkomst`, [
        ['version', String(version)],
        ['decidedNl', 'Er komen meer fietsenrekken.'],
        ['reasonsNl', 'Veel mensen vroegen erom.'],
      ]);
      assert.equal(early.status, 409);
      const closed = await post(`${BASE}/parkeren-markt/fase`, [
        ['version', String(version)],
        ['step', 'close'],
      ]);
      assert.equal(closed.status, 303);
      version = (await row('parkeren-markt')).version;
      const missing = await post(`${BASE}/parkeren-markt/uitkomst`, [
        ['version', String(version)],
        ['decidedNl', ''],
        ['reasonsNl', 'Veel mensen vroegen erom.'],
      ]);
      assert.equal(missing.status, 400);
      assert.match(await missing.text(), /Schrijf wat er besloten is/);
      const versionless = await post(`${BASE}/parkeren-markt/uitkomst`, [
        ['decidedNl', 'Er komen meer fietsenrekken.'],
        ['reasonsNl', 'Veel mensen vroegen erom.'],
      ]);
      assert.equal(versionless.status, 400);
      assert.match(await versionless.text(), /niets opgeslagen/);
      assert.equal((await findConsultation(t.db, 'parkeren-markt', NOW))?.status, 'closed');
      const published = await post(`${BASE}/parkeren-markt/uitkomst`, [
        ['version', String(version)],
        ['decidedNl', 'Er komen meer fietsenrekken.'],
        ['reasonsNl', 'Veel mensen vroegen erom.'],
        ['themes', 'fietsparkeren\nveiligheid'],
      ]);
      assert.equal(published.status, 303);
      assert.match(published.headers.get('Location') ?? '', /mails=1$/);
      const decided = await findConsultation(t.db, 'parkeren-markt', NOW);
      assert.equal(decided?.status, 'decided');
      assert.deepEqual(decided?.outcomeThemes, ['fietsparkeren', 'veiligheid']);
      const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'resident.outcome'));
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.recipient, 'bewoner@example.org');
      assert.match(mails[0]!.text, /Er komen meer fietsenrekken\./);
    });

    it('answers the JSON API with problem details for bad input, a stale version and an unknown consultation', async () => {
      const headers = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf, Origin: ORIGIN, 'Accept-Language': 'nl' };
      const bad = await postJson(
        t.app,
        '/api/staff/consultations',
        { slug: 'X', topic: '', title: { nl: '' } },
        headers,
      );
      assert.equal(bad.status, 422);
      const problem = (await bad.json()) as { errors: Array<{ field: string }> };
      assert.ok(problem.errors.some((e) => e.field === 'slug'));
      const created = await postJson(
        t.app,
        '/api/staff/consultations',
        { slug: 'bomen-plein', topic: 'mobiliteit', title: { nl: 'Bomen op het plein', en: '' } },
        headers,
      );
      assert.equal(created.status, 201);
      const body = (await created.json()) as { version: number; stage: string };
      assert.deepEqual([body.version, body.stage], [1, 'draft']);
      const stale = await t.app.request('/api/staff/consultations/bomen-plein/stage', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ step: 'open', version: 7 }),
      });
      assert.equal(stale.status, 409);
      const notReady = await t.app.request('/api/staff/consultations/bomen-plein/stage', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ step: 'open', version: 1 }),
      });
      assert.equal(notReady.status, 422);
      const fields = ((await notReady.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
      assert.ok(fields.includes('summary') && fields.includes('questions'));
      const missing = await t.app.request('/api/staff/consultations/bestaat-niet', { headers });
      assert.equal(missing.status, 404);
      const stillDraft = await t.db
        .select({ status: consultations.status })
        .from(consultations)
        .where(and(eq(consultations.slug, 'bomen-plein')));
      assert.equal(stillDraft[0]!.status, 'draft');
    });

    it('schedules a complete draft through the JSON API (announced as upcoming), and takes it back to draft', async () => {
      const headers = {
        Cookie: admin.cookie,
        'X-CSRF-Token': admin.csrf,
        Origin: ORIGIN,
        'Content-Type': 'application/json',
      };
      const current = (await (
        await t.app.request('/api/staff/consultations/bomen-plein', { headers })
      ).json()) as Record<string, unknown>;
      const text = (nl: string) => ({ nl, en: '' });
      const body = {
        ...current,
        summary: text('Waar wilt u nieuwe bomen?'),
        background: text('Bomen geven schaduw.'),
        afterwards: text('Wij maken een plan.'),
        whoDecides: text('Het college'),
        opensAt: '2026-12-10T08:00:00Z',
        closesAt: '2027-01-10T17:00:00Z',
        questions: [
          {
            key: 'waar',
            kind: 'open_text',
            prompt: text('Waar wilt u bomen?'),
            hint: text(''),
            required: true,
            scaleMinLabel: text(''),
            scaleMaxLabel: text(''),
            maxLength: 500,
          },
        ],
      };
      const saved = await t.app.request('/api/staff/consultations/bomen-plein', {
        method: 'PUT',
        headers,
        body: JSON.stringify(body),
      });
      assert.equal(saved.status, 200);
      const version = ((await saved.json()) as { version: number }).version;
      const scheduled = await t.app.request('/api/staff/consultations/bomen-plein/stage', {
        method: 'POST',
        headers,
        body: JSON.stringify({ step: 'schedule', version }),
      });
      assert.equal(scheduled.status, 200);
      assert.equal(((await scheduled.json()) as { stage: string }).stage, 'scheduled');
      assert.equal((await findConsultation(t.db, 'bomen-plein', NOW))?.status, 'upcoming');
      const closing = await t.app.request('/api/staff/consultations/bomen-plein/stage', {
        method: 'POST',
        headers,
        body: JSON.stringify({ step: 'close', version: version + 1 }),
      });
      assert.equal(closing.status, 409);
      const back = await t.app.request('/api/staff/consultations/bomen-plein/stage', {
        method: 'POST',
        headers,
        body: JSON.stringify({ step: 'unschedule', version: version + 1 }),
      });
      assert.equal(back.status, 200);
      assert.equal(await findConsultation(t.db, 'bomen-plein', NOW), undefined);
    });
  });
}
