/**
 * One save of the item form is one transaction: assignment, answer, sentiment correction and
 * note are written together or not at all. A trigger that refuses the note (the last part
 * written) stands in for any failure late in the save.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import {
  auditLog,
  departments,
  itemNotes,
  organisations,
  sentimentCorrections,
  staffReplies,
  submissions,
} from '../../../api/db/schema.ts';
import { findItem } from '../../../api/services/moderation/index.ts';
import { saveItem, type ItemSave } from '../../../api/services/moderation/save-item.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser } from '../../support/staff.ts';

const submitPath = '/api/consultations/fietsroute-stationsstraat/submissions';

/** The database's refusal, as drizzle passes it on (the driver's error is the cause). */
const refusedBy = (message: string) => (error: unknown) =>
  error instanceof Error && `${error.message} ${String(error.cause)}`.includes(message);

for (const target of databaseTargets()) {
  describe(`one save of the item form is one transaction (${target.name})`, () => {
    let t: TestApp;
    let actor: ItemSave['actor'];
    let traffic: string;

    before(async () => {
      t = await openTestApp(target);
      const [org] = await t.db.select().from(organisations).where(eq(organisations.slug, 'demodam'));
      const id = await addStaffUser(t, 'admin@demodam.example', 'administrator');
      actor = { id, organisationId: org!.id, roles: [{ role: 'administrator', departmentId: null }] };
      const [department] = await t.db.select().from(departments).where(eq(departments.slug, 'verkeer'));
      traffic = department!.id;
    });
    after(() => t.close());

    async function submit() {
      const response = await postJson(t.app, submitPath, { answers: validAnswers, channel: 'portal' });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      const [row] = await t.db.select().from(submissions).where(eq(submissions.followUpCode, code));
      return row!;
    }

    /** Everything a save could have written about the item. */
    async function traces(id: string) {
      const [row] = await t.db.select().from(submissions).where(eq(submissions.id, id));
      return {
        version: row!.version,
        state: row!.reviewState,
        department: row!.assignedDepartmentId,
        replies: (await t.db.select().from(staffReplies).where(eq(staffReplies.submissionId, id))).length,
        notes: (await t.db.select().from(itemNotes).where(eq(itemNotes.submissionId, id))).length,
        corrections: (await t.db.select().from(sentimentCorrections).where(eq(sentimentCorrections.subjectId, id)))
          .length,
        audit: (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, id))).length,
      };
    }

    async function everyPart(id: string): Promise<ItemSave> {
      const item = await findItem(t.db, actor, id, NOW);
      return {
        itemId: id,
        expectedVersion: item!.version,
        assignment: { departmentId: traffic, staffUserId: null },
        answer: { body: 'Dank u wel, we nemen dit mee in het ontwerp.', language: 'nl' },
        sentiment: item!.sentiment?.label === 'negative' ? 'positive' : 'negative',
        note: 'Belde de bewoner terug.',
        actor,
        now: NOW,
      };
    }

    it('leaves nothing half-saved when the last part fails, and saves every part once it can', async () => {
      const row = await submit();
      const before = await traces(row.id);
      const save = await everyPart(row.id);
      await t.db.execute(sql`CREATE FUNCTION test_refuse_note() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'note refused by the test'; END $$`);
      await t.db.execute(
        sql`CREATE TRIGGER test_refuse_note BEFORE INSERT ON item_notes FOR EACH ROW EXECUTE FUNCTION test_refuse_note()`,
      );
      try {
        await assert.rejects(saveItem(t.db, save), refusedBy('note refused by the test'));
      } finally {
        await t.db.execute(sql`DROP TRIGGER test_refuse_note ON item_notes`);
        await t.db.execute(sql`DROP FUNCTION test_refuse_note()`);
      }
      // Assignment, answer and sentiment were written before the note: all rolled back.
      assert.deepEqual(await traces(row.id), before);

      const saved = await saveItem(t.db, save);
      assert.deepEqual(saved, {
        kind: 'saved',
        parts: ['assignment', 'answer', 'sentiment', 'note'],
        version: before.version + 2,
      });
      const after = await traces(row.id);
      assert.equal(after.department, traffic);
      assert.equal(after.replies, 1);
      assert.equal(after.notes, 1);
      assert.equal(after.corrections, 1);
      assert.ok(after.audit > before.audit);
    });

    it('rolls back the assignment when the answer after it fails', async () => {
      const row = await submit();
      const before = await traces(row.id);
      const save = await everyPart(row.id);
      // A failure in the middle: the answer, written after the assignment.
      await t.db.execute(sql`CREATE FUNCTION test_stale_answer() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'answer refused by the test'; END $$`);
      await t.db.execute(
        sql`CREATE TRIGGER test_stale_answer BEFORE INSERT ON staff_replies FOR EACH ROW EXECUTE FUNCTION test_stale_answer()`,
      );
      try {
        await assert.rejects(saveItem(t.db, save), refusedBy('answer refused by the test'));
      } finally {
        await t.db.execute(sql`DROP TRIGGER test_stale_answer ON staff_replies`);
        await t.db.execute(sql`DROP FUNCTION test_stale_answer()`);
      }
      assert.deepEqual(await traces(row.id), before);
    });
  });
}
