import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, submissionAnswers, submissionContacts, submissions } from '../../api/db/schema.ts';
import { createApp } from '../../api/app.ts';
import { DEFAULT_RATE_LIMITS } from '../../api/services/rate-limit.ts';
import { currentContentVersion } from '../../api/services/content-revision.ts';
import { listPublishedSubmissions } from '../../api/services/published-content.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`residents’ rights with the follow-up code (${target.name})`, () => {
    let t: TestApp;
    let code: string;
    before(async () => {
      const opened = await openTestApp(target);
      // Every request here comes from one client; the limit itself is tested in rate-limits.test.ts.
      const rateLimits = { ...DEFAULT_RATE_LIMITS, rights: null };
      t = {
        ...opened,
        app: createApp({ db: opened.db, databaseKind: opened.database.kind, now: () => NOW, rateLimits }),
      };
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: validAnswers,
        name: 'Anna de Vries',
        email: 'anna@example.nl',
        consent: true,
      });
      code = (await response.json()).code;
    });
    after(() => t.close());

    const erase = (c: string, body: unknown = { confirm: true }, headers: Record<string, string> = {}) =>
      postJson(t.app, `/api/follow-up/${c}/erase`, body, headers);

    it('exports everything held about the input, contact details included, as a download', async () => {
      const response = await t.app.request(`/api/follow-up/${code.toLowerCase()}/export`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
      assert.match(
        response.headers.get('Content-Disposition') ?? '',
        new RegExp(`attachment; filename="podium-${code}\\.json"`),
      );
      const data = await response.json();
      assert.equal(data.format, 'podium.submission-export/1');
      assert.equal(data.submission.code, code);
      assert.equal(data.contact.email, 'anna@example.nl');
      assert.equal(data.contact.name, 'Anna de Vries');
      assert.equal(data.contact.consentToContact, true);
      assert.equal(data.answers.length, 4);
      assert.equal(data.consultation.slug, 'fietsroute-stationsstraat');
      assert.ok(data.history.some((h: { action: string }) => h.action === 'submission.received'));
      assert.deepEqual(
        data.retention.map((r: { kind: string; days: number }) => [r.kind, r.days]),
        [
          ['contact_details', 90],
          ['input_text', 365],
        ],
      );
    });

    it('logs the export without the code or the contact details', async () => {
      const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'submission.exported'));
      assert.equal(entries.length, 1);
      assert.doesNotMatch(JSON.stringify(entries), new RegExp(`${code}|anna@example`));
    });

    it('answers bad codes and unknown codes with a problem in the reader’s language', async () => {
      const malformed = await t.app.request('/api/follow-up/abc/export', { headers: { 'Accept-Language': 'en' } });
      assert.equal(malformed.status, 400);
      assert.match((await malformed.json()).title, /three groups of four/);
      assert.equal((await t.app.request('/api/follow-up/AAAA-AAAA-AAAA/export')).status, 404);
      assert.equal((await t.app.request(`/api/follow-up/${'A'.repeat(300)}/export`)).status, 422);
      assert.equal((await erase('abc')).status, 400);
      assert.equal((await erase('AAAA-AAAA-AAAA')).status, 404);
    });

    it('erases only with an explicit confirmation in JSON', async () => {
      for (const body of [{}, { confirm: false }, { confirm: 'yes' }, []]) {
        const response = await erase(code, body);
        assert.equal(response.status, 422, JSON.stringify(body));
        assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/);
      }
      const notJson = await t.app.request(`/api/follow-up/${code}/erase`, { method: 'POST', body: 'confirm=true' });
      assert.ok([400, 415, 422].includes(notJson.status), String(notJson.status));
      const contacts = await t.db.select().from(submissionContacts);
      assert.ok(
        contacts.some((c) => c.email === 'anna@example.nl'),
        'nothing was erased by the refused requests',
      );
    });

    it('erases the answers and contact details and keeps a tombstone', async () => {
      const response = await erase(code);
      assert.equal(response.status, 200);
      const receipt = await response.json();
      assert.equal(receipt.alreadyErased, false);
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      assert.ok(row!.erasedAt);
      assert.equal(row!.requestHash, null);
      assert.equal(
        (await t.db.select().from(submissionAnswers).where(eq(submissionAnswers.submissionId, row!.id))).length,
        0,
      );
      assert.equal(
        (await t.db.select().from(submissionContacts).where(eq(submissionContacts.submissionId, row!.id))).length,
        0,
      );
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'submission.erased'), eq(auditLog.subjectId, row!.id)));
      assert.equal(entry!.actorType, 'resident');
      assert.doesNotMatch(JSON.stringify(entry), /anna|Anna|veilige route/);

      const exported = await (await t.app.request(`/api/follow-up/${code}/export`)).json();
      assert.equal(exported.contact, null);
      assert.deepEqual(exported.answers, []);
      assert.ok(exported.submission.erasedAt);
    });

    it('is idempotent: a second erasure reports the first', async () => {
      const response = await erase(code);
      assert.equal(response.status, 200);
      const receipt = await response.json();
      assert.equal(receipt.alreadyErased, true);
      assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.action, 'submission.erased'))).length, 1);
    });

    it('does not store erased input again when the widget retries its request', async () => {
      const key = 'retry-key-after-erasure';
      const first = await postJson(
        t.app,
        '/api/consultations/fietsroute-stationsstraat/submissions',
        { answers: validAnswers, email: 'bob@example.nl', consent: true },
        { 'Idempotency-Key': key },
      );
      const { code: retried } = await first.json();
      assert.equal((await erase(retried)).status, 200);
      const retry = await postJson(
        t.app,
        '/api/consultations/fietsroute-stationsstraat/submissions',
        { answers: validAnswers, email: 'bob@example.nl', consent: true },
        { 'Idempotency-Key': key },
      );
      assert.equal(retry.status, 409);
      assert.equal(
        (await t.db.select().from(submissionContacts)).filter((c) => c.email === 'bob@example.nl').length,
        0,
      );
    });

    it('withdraws published input from the portal and has the site rebuilt', async () => {
      const [published] = await listPublishedSubmissions(t.db);
      assert.ok(published, 'the demo has published input');
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, published.id));
      const before = await currentContentVersion(t.db);
      const response = await erase(row!.followUpCode);
      assert.equal(response.status, 200);
      assert.ok((await currentContentVersion(t.db)) > before);
      const after = await listPublishedSubmissions(t.db);
      assert.ok(!after.some((s) => s.id === published.id));
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'submission.erased'), eq(auditLog.subjectId, published.id)));
      assert.equal(entry!.details.wasPublished, true);
    });
  });
}
