import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, emailLinks, outboxMessages, submissionContacts, submissions } from '../../api/db/schema.ts';
import { createApp } from '../../api/app.ts';
import { currentContentVersion } from '../../api/services/content-revision.ts';
import { EMAIL_LINK_MAIL } from '../../api/services/email-links.ts';
import { memoryTransport } from '../../api/services/mail.ts';
import { sendDueMail } from '../../api/services/notifications/outbox.ts';
import { buildPublishedSnapshot, listPublishedSubmissions } from '../../api/services/published-content.ts';
import { readResponsesPage } from '../../api/services/portal-lists.ts';
import { DEFAULT_RATE_LIMITS } from '../../api/services/rate-limit.ts';
import { purgeExpired } from '../../api/services/retention.ts';
import { NOW, openTestApp, postForm, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const PUBLIC_URL = 'https://podium.example.nl';

for (const target of databaseTargets()) {
  describe(`erasure from the follow-up page, without JavaScript (${target.name})`, () => {
    let t: TestApp;
    let code: string;
    before(async () => {
      t = await openTestApp(target);
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        consent: true,
      });
      code = (await response.json()).code;
    });
    after(() => t.close());

    it('offers the download and the erasure on the follow-up page, in Dutch and in English', async () => {
      const nl = await (await t.app.request(`/volg/${code}/`)).text();
      assert.match(nl, /Download mijn gegevens \(JSON\)/);
      assert.match(nl, new RegExp(`href="/api/follow-up/${code}/export"`));
      assert.match(nl, new RegExp(`href="/volg/${code}/verwijderen/"[^>]*>Verwijder mijn inbreng<`));
      const en = await (await t.app.request(`/en/follow-up/${code}/`)).text();
      assert.match(en, /Download my data \(JSON\)/);
      assert.match(en, new RegExp(`href="/en/follow-up/${code}/erase/"[^>]*>Erase my input<`));
    });

    it('explains erasure and asks for a confirmation before erasing anything', async () => {
      const response = await t.app.request(`/volg/${code}/verwijderen/`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
      const html = await response.text();
      assert.match(html, /U kunt dit niet ongedaan maken/);
      assert.match(html, new RegExp(`<form[^>]*method="post" action="/volg/${code}/verwijderen/"`));
      assert.match(html, /type="checkbox"[^>]*name="confirm"/);
    });

    it('refuses an erasure without the ticked box, says why, and keeps the input', async () => {
      for (const fields of [[], [['confirm', 'no']], [['confirm', 'yes '.repeat(3)]]] as Array<
        Array<[string, string]>
      >) {
        const response = await postForm(t.app, `/en/follow-up/${code}/erase/`, [['lang', 'en'], ...fields]);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.match(html, /<title>Error: /);
        assert.match(html, /Tick the box to confirm/);
        assert.match(html, /aria-invalid="true"/);
      }
      const contacts = await t.db.select().from(submissionContacts);
      assert.ok(contacts.some((c) => c.email === 'anna@example.nl'));
    });

    it('answers a malformed or unknown code with a page that says so', async () => {
      const malformed = await t.app.request('/volg/abc/verwijderen/', { method: 'POST' });
      assert.equal(malformed.status, 400);
      assert.match(await malformed.text(), /<title>Fout: /);
      const unknown = await postForm(t.app, '/volg/AAAA-AAAA-AAAA/verwijderen/', [['confirm', 'yes']]);
      assert.equal(unknown.status, 404);
      const percent = await t.app.request('/volg/%E0%A4%A/verwijderen/');
      assert.equal(percent.status, 400);
    });

    it('erases with the confirmation, says so, and shows the erasure on the follow-up page', async () => {
      const response = await postForm(t.app, `/volg/${code}/verwijderen/`, [
        ['lang', 'nl'],
        ['confirm', 'yes'],
      ]);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /Uw reactie is verwijderd/);
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      assert.ok(row!.erasedAt);
      assert.equal(
        (await t.db.select().from(submissionContacts)).filter((c) => c.email === 'anna@example.nl').length,
        0,
      );
      const followUp = await (await t.app.request(`/volg/${code}/`)).text();
      assert.match(followUp, /Uw reactie is verwijderd op/);
      assert.doesNotMatch(followUp, /Verwijder mijn inbreng/);
      const again = await postForm(t.app, `/volg/${code}/verwijderen/`, [['confirm', 'yes']]);
      assert.equal(again.status, 200);
      assert.match(await again.text(), /Deze reactie was al verwijderd/);
    });

    it('takes published input off the portal: its pages no longer serve it, and the snapshot never held it', async () => {
      const [published] = await listPublishedSubmissions(t.db);
      assert.ok(published, 'the demo has published input');
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, published.id));
      const served = async () => {
        const list = await readResponsesPage(t.db, { slug: published.consultation, page: 1, now: NOW, pageSize: 50 });
        return list?.items.some((item) => item.id === published.id) ?? false;
      };
      assert.ok(await served(), 'the portal serves the input before');
      assert.ok(!JSON.stringify(await buildPublishedSnapshot(t.db, NOW)).includes(published.id));
      const version = await currentContentVersion(t.db);
      const response = await postForm(t.app, `/volg/${row!.followUpCode}/verwijderen/`, [['confirm', 'yes']]);
      assert.equal(response.status, 200);
      assert.ok((await currentContentVersion(t.db)) > version, 'the portal is marked for a rebuild');
      assert.ok(!(await served()), 'the portal serves no trace of it');
    });
  });

  describe(`the e-mail link for a resident who lost their code (${target.name})`, () => {
    let t: TestApp;
    const mail = memoryTransport();
    let clock = NOW;
    before(async () => {
      const opened = await openTestApp(target);
      const rateLimits = { ...DEFAULT_RATE_LIMITS, email_link: null, follow_up: null };
      t = {
        ...opened,
        app: createApp({
          db: opened.db,
          databaseKind: opened.database.kind,
          now: () => clock,
          rateLimits,
          publicUrl: PUBLIC_URL,
        }),
      };
      for (const email of ['bea@example.nl', 'BEA@example.nl']) {
        await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
          answers: validAnswers,
          email,
          consent: true,
        });
      }
    });
    after(() => t.close());

    const ask = (email: string, lang: 'nl' | 'en' = 'nl') =>
      postForm(t.app, lang === 'nl' ? '/gegevens/' : '/en/my-data/', [
        ['lang', lang],
        ['email', email],
      ]);
    const tokenOf = (text: string) => /\/(?:gegevens|my-data)\/([A-Za-z0-9_-]{43})\//.exec(text)?.[1];
    /** Link mails leave through the outbox like every mail: deliver what is due, keep the link mails. */
    const linkMails = async () => {
      await sendDueMail(t.db, mail, { now: () => clock });
      return mail.sent.filter((message) => tokenOf(message.text));
    };

    it('answers an unknown address exactly as a known one, and mails only the known one', async () => {
      const unknown = await ask('niemand@example.nl');
      const known = await ask('Bea@Example.nl ');
      assert.equal(unknown.status, 200);
      assert.equal(known.status, 200);
      const strip = (html: string) => html.replace(/<input type="hidden"[^>]*>/g, '');
      assert.equal(strip(await unknown.text()), strip(await known.text()));
      assert.equal((await linkMails()).length, 1);
      assert.equal((await linkMails())[0]!.to, 'bea@example.nl');
      assert.match((await linkMails())[0]!.text, /https:\/\/podium\.example\.nl\/gegevens\/[A-Za-z0-9_-]{43}\//);
    });

    it('queues the link mail in the durable outbox, once per link, as text and accessible HTML', async () => {
      const queued = await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, EMAIL_LINK_MAIL));
      assert.equal(queued.length, 1);
      const [message] = queued;
      assert.equal(message!.recipient, 'bea@example.nl');
      assert.equal(message!.state, 'sent', 'delivered by the outbox sender');
      assert.equal(message!.locale, 'nl');
      assert.match(message!.dedupeKey ?? '', /^email-link:[A-Za-z0-9_-]{43}$/);
      const token = tokenOf((await linkMails())[0]!.text)!;
      assert.ok(!message!.dedupeKey!.includes(token), 'the key names the link without holding its token');
      assert.match(message!.html, /<html lang="nl">/);
      assert.match(
        message!.html,
        /<a href="https:\/\/podium\.example\.nl\/gegevens\/[A-Za-z0-9_-]{43}\/">Open deze link om uw reacties te zien<\/a>/,
      );
      assert.match(message!.text, /De link werkt 24 uur en één keer\./);
      const sent = await t.db.select().from(auditLog).where(eq(auditLog.action, 'email_link.sent'));
      assert.equal(sent.length, 1, 'the link, its audit entry and its mail are stored together');
    });

    it('keeps a link mail the mail server refused and sends it on the next pass', async () => {
      const refusing = { send: async () => Promise.reject(new Error('421 try again later')) };
      await ask('bea@example.nl');
      const pass = await sendDueMail(t.db, refusing, { now: () => clock });
      assert.equal(pass.retried, 1);
      const before = (await linkMails()).length;
      const later = new Date(clock.getTime() + 2 * 60_000);
      await sendDueMail(t.db, mail, { now: () => later });
      assert.equal(mail.sent.filter((message) => tokenOf(message.text)).length, before + 1);
    });

    it('stores only a hash of the token', async () => {
      const token = tokenOf((await linkMails())[0]!.text)!;
      const rows = await t.db.select().from(emailLinks);
      assert.equal(rows.length, 2);
      assert.doesNotMatch(JSON.stringify(rows), new RegExp(token));
    });

    it('refuses an empty or malformed address with a message in the reader’s language', async () => {
      const empty = await ask('', 'en');
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /Enter your e-mail address/);
      for (const bad of ['geen-adres', 'a@', `${'x'.repeat(300)}@example.nl`, '<script>@x.nl']) {
        const response = await ask(bad);
        assert.equal(response.status, 422, bad);
        const html = await response.text();
        assert.match(html, /Vul een e-mailadres in zoals/);
        assert.doesNotMatch(html, /<script>@/);
      }
      assert.equal((await linkMails()).length, 2, 'no mail for refused requests');
    });

    it('opens with a button, not on the first visit, so mail scanners do not use the link up', async () => {
      const token = tokenOf((await linkMails())[0]!.text)!;
      for (let i = 0; i < 2; i += 1) {
        const response = await t.app.request(`/gegevens/${token}/`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
        assert.match(await response.text(), /Toon mijn reacties/);
      }
    });

    it('lists all input of the address with its codes, download and erasure, once', async () => {
      const token = tokenOf((await linkMails())[0]!.text)!;
      const response = await postForm(t.app, `/gegevens/${token}/`, [['lang', 'nl']]);
      assert.equal(response.status, 200);
      const html = await response.text();
      const codes = await t.db
        .select({ code: submissions.followUpCode })
        .from(submissions)
        .innerJoin(submissionContacts, eq(submissionContacts.submissionId, submissions.id));
      const beas = codes.filter((c) => html.includes(c.code));
      assert.equal(beas.length, 2, 'both inputs, whatever the case of the address');
      assert.match(html, /Download mijn gegevens/);
      assert.match(html, /verwijderen\/"/);
      const used = await postForm(t.app, `/gegevens/${token}/`, [['lang', 'nl']]);
      assert.equal(used.status, 410);
      assert.match(await used.text(), /Deze link werkt niet meer/);
      assert.equal((await t.app.request(`/gegevens/${token}/`)).status, 410);
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'email_link.used'));
      assert.equal(entries.length, 1);
      assert.doesNotMatch(JSON.stringify(entries), /bea@/i);
    });

    it('stops working after 24 hours', async () => {
      await ask('bea@example.nl', 'en');
      const token = tokenOf((await linkMails()).at(-1)!.text)!;
      assert.match((await linkMails()).at(-1)!.text, /\/en\/my-data\//);
      clock = new Date(NOW.getTime() + 24 * 3_600_000 + 1_000);
      try {
        const response = await postForm(t.app, `/en/my-data/${token}/`, [['lang', 'en']]);
        assert.equal(response.status, 410);
        assert.match(await response.text(), /This link no longer works/);
      } finally {
        clock = NOW;
      }
    });

    it('sends at most three links an hour to one address, still answering the same', async () => {
      const before = (await linkMails()).length;
      for (let i = 0; i < 4; i += 1) assert.equal((await ask('bea@example.nl')).status, 200);
      assert.equal((await linkMails()).length - before, 0, 'three links were sent before in this hour');
    });

    it('has the retention purge delete expired links, which hold an address', async () => {
      assert.ok((await t.db.select().from(emailLinks)).length > 0);
      assert.ok((await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, EMAIL_LINK_MAIL))).length > 0);
      await purgeExpired(t.db, new Date(NOW.getTime() + 25 * 3_600_000));
      assert.equal((await t.db.select().from(emailLinks)).length, 0);
      assert.equal(
        (await t.db.select().from(outboxMessages).where(eq(outboxMessages.kind, EMAIL_LINK_MAIL))).length,
        0,
        'their mails, which hold the address and the link, go too',
      );
    });

    it('refuses tokens of the wrong shape without a lookup', async () => {
      for (const token of ['x', 'A'.repeat(43), '%zz', 'A'.repeat(500)]) {
        const response = await postForm(t.app, `/gegevens/${token}/`, []);
        assert.equal(response.status, 410, token);
      }
    });

    it('limits requests per client', async () => {
      const limited = createApp({
        db: t.db,
        databaseKind: t.database.kind,
        now: () => NOW,
        rateLimits: { ...DEFAULT_RATE_LIMITS, email_link: { limit: 2, windowSeconds: 3600 } },
        publicUrl: PUBLIC_URL,
      });
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await postForm(limited, '/gegevens/', [['email', 'x@example.nl']]);
        statuses.push(response.status);
        if (response.status === 429) assert.ok(response.headers.get('Retry-After'));
      }
      assert.deepEqual(statuses, [200, 200, 429]);
    });
  });
}
