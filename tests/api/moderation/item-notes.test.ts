/**
 * Staff's notes on an item are kept apart from the audit log: the words in `item_notes`,
 * shown on the item's page as "Notities" with author and time; the audit log only says
 * that a note was added. A note goes when its item is erased, and migration 0017 moved the
 * notes that earlier versions wrote into audit details.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { auditLog, itemNotes, organisations, socialPosts, staffUsers, submissions } from '../../../api/db/schema.ts';
import { recordAudit } from '../../../api/services/audit.ts';
import { saveItem } from '../../../api/services/moderation/save-item.ts';
import { openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser, logIn, staffPost } from '../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';
type Login = { cookie: string; csrf: string };

for (const target of databaseTargets()) {
  describe(`notes on an item, apart from the audit log (${target.name})`, () => {
    let t: TestApp;
    let fatima: Login;
    let fatimaId: string;
    let noorId: string;
    let adminLogin: Login;
    let organisationId: string;

    before(async () => {
      t = await openTestApp(target);
      organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      fatimaId = await addStaffUser(t, 'fatima@demodam.example', 'moderator');
      noorId = await addStaffUser(t, 'noor@demodam.example', 'moderator');
      await addStaffUser(t, 'beheer@demodam.example', 'administrator');
      await t.db.update(staffUsers).set({ displayName: 'Fatima de Vries' }).where(eq(staffUsers.id, fatimaId));
      fatima = await logIn(t, 'fatima@demodam.example');
      adminLogin = await logIn(t, 'beheer@demodam.example');
    });
    after(() => t.close());

    async function submit(text: string) {
      const response = await postJson(t.app, submitPath, { answers: { ...validAnswers, toelichting: text } });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }
    const save = (id: string, fields: Array<[string, string]>, who: Login = fatima) =>
      staffPost(t, `/beheer/items/${id}`, [['csrf', who.csrf], ...fields], who.cookie);
    const page = async (path: string, who: Login = fatima) =>
      (await t.app.request(path, { headers: { Cookie: who.cookie } })).text();
    const entriesAbout = (id: string) => t.db.select().from(auditLog).where(eq(auditLog.subjectId, id));

    it('stores a note apart, and the audit entry says only that a note was added', async () => {
      const row = await submit('Notitie apart: de oversteek bij de school is gevaarlijk.');
      const response = await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['note', 'Belde mevrouw Jansen, zij woont op nummer 12'],
      ]);
      assert.equal(response.status, 303);
      const notes = await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, row.id));
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.body, 'Belde mevrouw Jansen, zij woont op nummer 12');
      assert.equal(notes[0]!.authorStaffId, fatimaId);
      const entries = await entriesAbout(row.id);
      const noted = entries.filter((e) => e.action === 'submission.note');
      assert.equal(noted.length, 1);
      assert.equal(noted[0]!.actorId, fatimaId);
      assert.deepEqual(noted[0]!.details, {});
      assert.ok(
        entries.every((e) => !JSON.stringify(e.details).includes('Jansen')),
        'no audit entry holds the words',
      );
    });

    it('keeps a note that explains a decision apart too, beside the decision’s entry', async () => {
      const row = await submit('Notitie bij besluit.');
      const response = await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['decision', 'publish'],
        ['note', 'Gepubliceerd na overleg met Verkeer'],
      ]);
      assert.equal(response.status, 303);
      const entries = await entriesAbout(row.id);
      const decision = entries.find((e) => e.action === 'submission.decision');
      assert.deepEqual(decision?.details, { decision: 'publish', from: 'new', to: 'published' });
      assert.ok(entries.some((e) => e.action === 'submission.note'));
      const [note] = await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, row.id));
      assert.equal(note?.body, 'Gepubliceerd na overleg met Verkeer');
    });

    it('shows the notes on the item’s page in time order with their authors, in Dutch and English', async () => {
      const row = await submit('Twee notities.');
      const first = await saveItem(t.db, {
        itemId: row.id,
        expectedVersion: 1,
        note: 'Eerste: <b>niet vet</b>',
        actor: { id: fatimaId, organisationId, roles: [{ role: 'moderator', departmentId: null }] },
        now: new Date('2026-11-27T09:00:00Z'),
      });
      assert.equal(first.kind, 'saved');
      const second = await saveItem(t.db, {
        itemId: row.id,
        expectedVersion: 1,
        note: 'Tweede notitie\nop twee regels',
        actor: { id: noorId, organisationId, roles: [{ role: 'moderator', departmentId: null }] },
        now: new Date('2026-11-27T09:30:00Z'),
      });
      assert.equal(second.kind, 'saved', 'a note alone does not change the item’s version');
      const dutch = await page(`/beheer/items/${row.id}`);
      assert.match(dutch, /<h4 id="detail-notes-heading">Notities<\/h4>/);
      const notes = dutch.slice(dutch.indexOf('detail-notes-heading'));
      const firstAt = notes.indexOf('Eerste: &lt;b&gt;niet vet&lt;/b&gt;');
      const secondAt = notes.indexOf('Tweede notitie\nop twee regels');
      assert.ok(firstAt > 0 && secondAt > firstAt, 'oldest first, escaped, line breaks kept');
      assert.match(notes, /Fatima de Vries, <time datetime="2026-11-27T09:00:00.000Z">27 nov 2026, 10:00<\/time>/);
      assert.match(notes, /noor, <time datetime="2026-11-27T09:30:00.000Z">/);
      const english = await page(`/en/manage/items/${row.id}`);
      assert.match(english, /<h4 id="detail-notes-heading">Notes<\/h4>/);
      const none = await page(`/beheer/items/${(await submit('Zonder notities.')).id}`);
      assert.doesNotMatch(none, /detail-notes-heading/, 'no empty notes section');
    });

    it('refuses a note that is too long, in the page’s language, keeping it and storing nothing', async () => {
      const row = await submit('Te lange notitie.');
      const long = 'x'.repeat(1001);
      for (const [lang, message] of [
        ['nl', 'Maak de notitie korter dan 1000 tekens.'],
        ['en', 'Make the note shorter than 1000 characters.'],
      ] as const) {
        const response = await save(row.id, [
          ['lang', lang],
          ['version', '1'],
          ['note', long],
        ]);
        assert.equal(response.status, 422);
        const html = await response.text();
        assert.ok(html.includes(message), lang);
        assert.ok(html.includes(`>${long}</textarea>`), `${lang}: the note is kept`);
      }
      const json = await t.app.request(`/beheer/items/${row.id}`, {
        method: 'POST',
        headers: {
          Cookie: fatima.cookie,
          Origin: 'http://localhost',
          Accept: 'application/json',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ csrf: fatima.csrf, lang: 'en', version: '1', note: long }).toString(),
      });
      assert.equal(json.status, 422);
      assert.equal((await json.json()).errors[0].field, 'note');
      const blank = await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['note', '   \n  '],
      ]);
      assert.equal(blank.status, 303, 'a blank note is no note');
      assert.equal((await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, row.id))).length, 0);
      assert.equal((await entriesAbout(row.id)).filter((e) => e.action === 'submission.note').length, 0);
    });

    it('takes a mirrored post too, and shows it on the post’s page', async () => {
      const [post] = await t.db
        .select()
        .from(socialPosts)
        .where(gt(socialPosts.position, 0))
        .orderBy(asc(socialPosts.position))
        .limit(1);
      const saved = await saveItem(t.db, {
        itemId: post!.id,
        expectedVersion: post!.version,
        note: 'Deze reactie komt vaker voor',
        actor: { id: fatimaId, organisationId, roles: [{ role: 'moderator', departmentId: null }] },
        now: new Date('2026-11-27T09:00:00Z'),
      });
      assert.equal(saved.kind, 'saved');
      const [note] = await t.db.select().from(itemNotes).where(eq(itemNotes.socialPostId, post!.id));
      assert.equal(note?.body, 'Deze reactie komt vaker voor');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, post!.id), eq(auditLog.action, 'social_post.note')));
      assert.deepEqual(entry?.details, {});
      assert.match(await page(`/beheer/items/${post!.id}`), /Deze reactie komt vaker voor/);
    });

    it('erases the notes with their item; the audit log keeps that a note was added', async () => {
      const row = await submit('Wordt gewist.');
      await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['note', 'Notitie die mee moet verdwijnen'],
      ]);
      const erased = await postJson(t.app, `/api/follow-up/${row.followUpCode}/erase`, { confirm: true });
      assert.equal(erased.status, 200);
      assert.equal((await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, row.id))).length, 0);
      const rows = await t.db.execute(
        sql`select count(*)::int as n from item_notes where body like '%mee moet verdwijnen%'`,
      );
      const n = (Array.isArray(rows) ? rows : (rows as { rows: Array<{ n: number }> }).rows)[0] as { n: number };
      assert.equal(n.n, 0);
      assert.equal((await entriesAbout(row.id)).filter((e) => e.action === 'submission.note').length, 1);
    });

    it('reads on the audit page as a sentence that links to the item and to the person', async () => {
      const row = await submit('Voor het auditlog.');
      await save(row.id, [
        ['lang', 'nl'],
        ['version', '1'],
        ['decision', 'publish'],
        ['note', 'Geheime notitie voor het log'],
      ]);
      const html = await page(`/beheer/audit/?subject=${row.id}`, adminLogin);
      const ref = `#${row.id.slice(0, 8)}`;
      const person = `<a href="/beheer/audit/\\?actor=${fatimaId}" aria-describedby="audit-person-hint">Fatima de Vries</a>`;
      const item = `<a href="/beheer/items/${row.id}">inbreng ${ref}</a> op Nieuwe fietsroute Stationsstraat`;
      assert.match(html, new RegExp(`${person} publiceerde ${item}\\.`));
      assert.match(html, new RegExp(`${person} schreef een notitie bij ${item}\\.`));
      assert.match(html, new RegExp(`Een inwoner gaf ${item}\\.`));
      assert.doesNotMatch(html, /Geheime notitie/);
      assert.match(html, /<p id="audit-person-hint" hidden>Toont alle regels van deze persoon<\/p>/);
      const english = await page(`/en/manage/audit/?subject=${row.id}`, adminLogin);
      assert.match(
        english,
        new RegExp(`Fatima de Vries</a> added a note to <a href="/en/manage/items/${row.id}">input ${ref}</a> on `),
      );
      const csv = await (
        await t.app.request(`/en/manage/audit/export.csv?subject=${row.id}`, { headers: { Cookie: adminLogin.cookie } })
      ).text();
      assert.ok(csv.includes(`Fatima de Vries published input ${ref} on `), csv);
    });

    it('moves notes that earlier versions wrote into audit details (migration 0017)', async () => {
      const kept = await submit('Oude notitie, item bestaat nog.');
      const gone = await submit('Oude notitie, item gewist.');
      const erased = await postJson(t.app, `/api/follow-up/${gone.followUpCode}/erase`, { confirm: true });
      assert.equal(erased.status, 200);
      const at = new Date('2026-11-01T08:00:00Z');
      for (const [id, note] of [
        [kept.id, 'Oude notitie over meneer Bakker'],
        [gone.id, 'Oude notitie over een gewist item'],
      ] as const) {
        await recordAudit(t.db, {
          organisationId,
          actorType: 'staff',
          actorId: fatimaId,
          at,
          action: 'submission.decision',
          subjectType: 'submission',
          subjectId: id,
          details: { decision: 'publish', from: 'new', to: 'published', note },
        });
      }
      // The migration's data step, as it runs on a database that has such entries.
      const migration = readFileSync(
        join(import.meta.dirname, '../../../api/db/migrations/0017_item_notes.sql'),
        'utf8',
      );
      const dataStep = migration.slice(migration.indexOf('-- Hand-written'));
      await t.db.transaction(async (tx) => {
        for (const statement of dataStep.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
      });
      const moved = await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, kept.id));
      assert.equal(moved.length, 1);
      assert.equal(moved[0]!.body, 'Oude notitie over meneer Bakker');
      assert.equal(moved[0]!.authorStaffId, fatimaId);
      assert.equal(moved[0]!.createdAt.toISOString(), at.toISOString());
      assert.equal((await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, gone.id))).length, 0);
      const left = await t.db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.details} ? 'note'`);
      assert.deepEqual(left, [], 'no audit entry holds a note any more');
      const [decision] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, kept.id), eq(auditLog.action, 'submission.decision')));
      assert.deepEqual(decision?.details, { decision: 'publish', from: 'new', to: 'published' });
      await assert.rejects(
        t.db.update(auditLog).set({ details: {} }).where(eq(auditLog.id, decision!.id)),
        'the log is append-only again after the migration',
      );
    });
  });
}
