import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../api/db/client.ts';
import { insertRows } from '../../../api/db/insert-rows.ts';
import { auditLog, consultations, questions, submissionAnswers, submissions } from '../../../api/db/schema.ts';
import { seedDemoData } from '../../../api/services/seed.ts';
import { databaseTargets } from '../../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`the short insert of the write path (${target.name})`, () => {
    let database: Database;
    let consultationId: string;
    let questionIds: string[];
    before(async () => {
      database = await target.open();
      await seedDemoData(database.db);
      const [consultation] = await database.db.select().from(consultations).limit(1);
      consultationId = consultation!.id;
      const rows = await database.db.select().from(questions).where(eq(questions.consultationId, consultationId));
      questionIds = rows.map((q) => q.id);
    });
    after(() => database.close());

    const submissionRow = (id: string, code: string) => {
      const now = new Date('2026-12-04T10:11:12.345Z');
      return {
        id,
        consultationId,
        channel: 'widget' as const,
        language: 'nl' as const,
        followUpCode: code,
        requestHash: 'a'.repeat(64),
        screening: { version: 1 as const, screenedAt: now.toISOString(), fields: [], proofOfWork: 'missing' as const },
        sentiment: {
          label: 'neutral' as const,
          score: 0.25,
          confidence: 0.5,
          method: 'lexicon',
          at: now.toISOString(),
        },
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        responseDueAt: new Date('2026-12-11T10:11:12.345Z'),
      };
    };

    it('stores the same row as drizzle’s insert, defaults of the columns not given included', async () => {
      const [viaDrizzle, viaShort] = [randomUUID(), randomUUID()];
      await database.db.insert(submissions).values(submissionRow(viaDrizzle, `D-${viaDrizzle.slice(0, 8)}`));
      await database.db.execute(insertRows(submissions, [submissionRow(viaShort, `S-${viaShort.slice(0, 8)}`)]));
      const stored = await database.db
        .select()
        .from(submissions)
        .where(inArray(submissions.id, [viaDrizzle, viaShort]));
      assert.equal(stored.length, 2);
      const [a, b] = [viaDrizzle, viaShort].map((id) => {
        const { id: _id, followUpCode: _code, ...rest } = stored.find((row) => row.id === id)!;
        return rest;
      });
      assert.deepEqual(b, a);
      assert.equal(b!.status, 'received', 'the database default fills what is not given');
      assert.equal(b!.sentiment?.score, 0.25, 'a JSON value is stored as JSON, not as text');
    });

    it('stores several rows in one statement, a later row leaving out a column taking its default', async () => {
      const id = randomUUID();
      await database.db.execute(insertRows(submissions, [submissionRow(id, `M-${id.slice(0, 8)}`)]));
      await database.db.execute(
        insertRows(submissionAnswers, [
          { submissionId: id, questionId: questionIds[0]!, value: 'één', textKey: 'k1' },
          { submissionId: id, questionId: questionIds[1]!, value: ['a', 'b'] },
        ]),
      );
      const answers = await database.db
        .select({
          questionId: submissionAnswers.questionId,
          value: submissionAnswers.value,
          key: submissionAnswers.textKey,
        })
        .from(submissionAnswers)
        .where(eq(submissionAnswers.submissionId, id));
      assert.deepEqual(
        answers.sort((x, y) => questionIds.indexOf(x.questionId) - questionIds.indexOf(y.questionId)),
        [
          { questionId: questionIds[0], value: 'één', key: 'k1' },
          { questionId: questionIds[1], value: ['a', 'b'], key: null },
        ],
      );
    });

    it('takes an SQL expression as a value', async () => {
      const subjectId = randomUUID();
      const [consultation] = await database.db.select().from(consultations).limit(1);
      await database.db.execute(
        insertRows(auditLog, [
          {
            organisationId: consultation!.organisationId,
            actorType: 'system',
            action: 'submission.received',
            subjectType: 'submission',
            subjectId,
            at: sql`'2026-01-02T03:04:05Z'::timestamptz`,
          },
        ]),
      );
      const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId));
      assert.equal(entry?.at.toISOString(), '2026-01-02T03:04:05.000Z');
    });

    it('refuses rows that do not fit the first one’s columns, and columns the table does not have', () => {
      const id = randomUUID();
      assert.throws(
        () =>
          insertRows(submissionAnswers, [
            { submissionId: id, questionId: questionIds[0]!, value: 'x' },
            { submissionId: id, questionId: questionIds[1]!, value: 'y', textKey: 'k' },
          ]),
        /row 1 gives textKey/,
      );
      assert.throws(
        () => insertRows(submissionAnswers, [{ submissionId: id, nonsense: 1 } as never]),
        /no column nonsense/,
      );
      assert.throws(() => insertRows(submissionAnswers, []), /at least one row/);
    });
  });
}
