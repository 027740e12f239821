/**
 * Residents who gave an address and consent get the receipt and the answer by e-mail, in
 * the language of their input, through a real SMTP server; one-click unsubscribe works as
 * RFC 8058 says; erasure takes their mails with it.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, outboxMessages, submissionContacts, submissions } from '../../../api/db/schema.ts';
import { smtpTransport } from '../../../api/services/mail.ts';
import { sendDueMail } from '../../../api/services/notifications/outbox.ts';
import { eraseSubmission } from '../../../api/services/residents-rights.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { decodeHeader, startCaptureServer, type CaptureServer } from '../../support/mail-capture.ts';
import { addStaffUser, logIn, staffPost } from '../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
const PUBLIC_URL = 'https://podium.demodam.example';

for (const target of databaseTargets()) {
  describe(`mail to residents (${target.name})`, () => {
    let t: TestApp;
    let smtp: CaptureServer;
    let webcare: { cookie: string; csrf: string };
    before(async () => {
      t = await openTestApp(target, { publicUrl: PUBLIC_URL });
      smtp = await startCaptureServer();
      await addStaffUser(t, 'webcare@demodam.example', 'webcare');
      webcare = await logIn(t, 'webcare@demodam.example');
    });
    after(async () => {
      await smtp.close();
      await t.close();
    });
    afterEach(() => {
      smtp.received.length = 0;
    });

    const send = () =>
      sendDueMail(t.db, smtpTransport(smtp.url, 'Gemeente Demodam <podium@demodam.example>'), { now: () => NOW });

    async function submit(fields: { email?: string; consent?: boolean; language?: 'nl' | 'en' }) {
      const response = await postJson(t.app, submitPath, { answers: validAnswers, ...fields });
      assert.equal(response.status, 201);
      const { code } = (await response.json()) as { code: string };
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    const answer = (id: string, language: 'nl' | 'en', body: string) =>
      staffPost(
        t,
        `/beheer/items/${id}/antwoord`,
        [
          ['csrf', webcare.csrf],
          ['action', 'publish'],
          ['language', language],
          ['body', body],
        ],
        webcare.cookie,
      );

    it('sends an English receipt with the follow-up code, then the answer, to a resident who consented in English', async () => {
      const row = await submit({ email: 'anna@example.nl', consent: true, language: 'en' });
      assert.equal((await send()).sent, 1);
      const [receipt] = smtp.received;
      assert.ok(receipt);
      assert.match(receipt.headers.get('to') ?? '', /anna@example\.nl/);
      assert.equal(receipt.headers.get('content-language'), 'en');
      assert.match(decodeHeader(receipt.headers.get('subject')), /^Received: your input on /);
      assert.ok(receipt.text.includes(`Your follow-up code is ${row.followUpCode}.`));
      assert.ok(receipt.text.includes(`${PUBLIC_URL}/en/follow-up/${row.followUpCode}/`));
      assert.match(receipt.html ?? '', /<html lang="en">/);
      assert.match(
        receipt.headers.get('list-unsubscribe') ?? '',
        /^<https:\/\/podium\.demodam\.example\/en\/unsubscribe\/[\w-]{43}>$/,
      );
      assert.equal(receipt.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

      assert.equal((await answer(row.id, 'en', 'Thank you. The route will get lights.')).status, 303);
      assert.equal((await send()).sent, 1);
      const reply = smtp.received[1]!;
      assert.match(decodeHeader(reply.headers.get('subject')), /^An answer to your input on /);
      assert.match(reply.text, /> Thank you\. The route will get lights\./);
      assert.match(reply.html ?? '', /<blockquote><p>Thank you\. The route will get lights\.<\/p><\/blockquote>/);
    });

    it('writes the mail in the resident’s Dutch and marks an answer written in English', async () => {
      const row = await submit({ email: 'bram@example.nl', consent: true, language: 'nl' });
      await answer(row.id, 'en', 'Thank you.');
      assert.equal((await send()).sent, 2);
      const reply = smtp.received.find((m) =>
        decodeHeader(m.headers.get('subject')).startsWith('Antwoord op uw inbreng'),
      );
      assert.ok(reply);
      assert.match(reply.html ?? '', /<html lang="nl">/);
      assert.match(reply.html ?? '', /<blockquote lang="en"><p>Thank you\.<\/p><\/blockquote>/);
    });

    it('sends nothing to a resident who gave an address without consent, or no address', async () => {
      const withoutConsent = await postJson(t.app, submitPath, { answers: validAnswers, email: 'cor@example.nl' });
      assert.equal(withoutConsent.status, 422); // an address needs consent: refused, nothing stored
      const anonymous = await submit({});
      await answer(anonymous.id, 'nl', 'Dank u wel.');
      // A contact row whose consent was withdrawn: no mail either.
      const withdrawn = await submit({ email: 'dirk@example.nl', consent: true });
      await t.db.delete(outboxMessages);
      await t.db
        .update(submissionContacts)
        .set({ consentToContact: false })
        .where(eq(submissionContacts.submissionId, withdrawn.id));
      await answer(withdrawn.id, 'nl', 'Dank u wel.');
      assert.equal((await t.db.select().from(outboxMessages)).length, 0);
      assert.equal((await send()).sent, 0);
    });

    it('unsubscribes with one click: the POST withdraws consent, drops queued mail and is audited', async () => {
      const row = await submit({ email: 'Eva@Example.nl', consent: true, language: 'nl' });
      const other = await submit({ email: 'eva@example.nl', consent: true, language: 'nl' });
      const [message] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.submissionId, row.id));
      const url = new URL(/<([^>]+)>/.exec(message!.headers['List-Unsubscribe']!)![1]!);
      assert.equal(url.origin, PUBLIC_URL);

      // The link in the mail shows a button; opening it changes nothing (mail scanners open links).
      const page = await t.app.request(url.pathname);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('Cache-Control') ?? '', /(^|, )no-store$/);
      const html = await page.text();
      assert.match(html, /<html lang="nl">/);
      assert.match(html, /<input type="hidden" name="List-Unsubscribe" value="One-Click">/);
      const [still] = await t.db.select().from(submissionContacts).where(eq(submissionContacts.submissionId, row.id));
      assert.equal(still!.consentToContact, true);

      // What a mail program sends (RFC 8058).
      const response = await t.app.request(url.pathname, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      assert.equal(response.status, 200);
      assert.match(await response.text(), /U bent afgemeld\./);
      for (const id of [row.id, other.id]) {
        const [contact] = await t.db.select().from(submissionContacts).where(eq(submissionContacts.submissionId, id));
        assert.equal(contact!.consentToContact, false);
        assert.equal((await t.db.select().from(outboxMessages).where(eq(outboxMessages.submissionId, id))).length, 0);
      }
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'mail.unsubscribed'), eq(auditLog.subjectId, row.id)));
      assert.deepEqual(entry!.details, { submissions: 2 });
      assert.doesNotMatch(JSON.stringify(entry), /eva@/i);
      // Nothing more is queued for them: an answer now mails no one.
      await answer(row.id, 'nl', 'Dank u wel.');
      assert.equal((await t.db.select().from(outboxMessages).where(eq(outboxMessages.submissionId, row.id))).length, 0);
    });

    it('refuses a malformed, incomplete or unknown unsubscribe request with a clear message in the path’s language', async () => {
      const bad = await t.app.request('/afmelden/kort');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /Deze afmeldlink is onvolledig\./);
      const badEn = await t.app.request('/en/unsubscribe/short', {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(badEn.status, 400);
      assert.match(await badEn.text(), /This unsubscribe link is incomplete\./);
      const unknown = 'A'.repeat(43);
      const notFound = await t.app.request(`/en/unsubscribe/${unknown}`);
      assert.equal(notFound.status, 404);
      assert.match(await notFound.text(), /<p role="alert">This unsubscribe link is not valid \(any more\)\./);
      const noBody = await t.app.request(`/afmelden/${unknown}`, { method: 'POST' });
      assert.equal(noBody.status, 400);
    });

    it('erasing the input deletes its queued and sent mails', async () => {
      const row = await submit({ email: 'fleur@example.nl', consent: true });
      await send();
      await answer(row.id, 'nl', 'Dank u wel.');
      assert.equal((await t.db.select().from(outboxMessages).where(eq(outboxMessages.submissionId, row.id))).length, 2);
      const result = await eraseSubmission(t.db, { id: row.id, now: NOW });
      assert.equal(result.kind, 'erased');
      assert.equal((await t.db.select().from(outboxMessages).where(eq(outboxMessages.submissionId, row.id))).length, 0);
    });
  });
}
