/**
 * The intake context is kept per process while the database says it holds: a write to any
 * table it was read from — by this process, another one or plain SQL — is seen by the very
 * next input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { consultations, intakeRevision, questions, routingRules, departments } from '../../api/db/schema.ts';
import { intakeContext } from '../../api/services/intake-context.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const slug = 'fietsroute-stationsstraat';
const path = `/api/consultations/${slug}/submissions`;

for (const target of databaseTargets()) {
  describe(`the intake context (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    const revision = async () => (await t.db.select().from(intakeRevision))[0]!.version;

    it('is read once and kept while nothing it depends on changes', async () => {
      const first = await intakeContext(t.db, slug);
      const second = await intakeContext(t.db, slug);
      assert.ok(first);
      assert.equal(second, first, 'the same object, not read again');
    });

    it('is read again after any write to a table it depends on, even plain SQL', async () => {
      const before = await revision();
      const first = await intakeContext(t.db, slug);
      await t.db.execute(sql`update questions set position = position where false`);
      assert.ok((await revision()) > before, 'a statement that changes no row still bumps the revision');
      const second = await intakeContext(t.db, slug);
      assert.notEqual(second, first);
    });

    it('refuses input at once when the consultation is closed by another process', async () => {
      assert.equal((await postJson(t.app, path, { answers: validAnswers })).status, 201);
      await t.db
        .update(consultations)
        .set({ closesAt: new Date(NOW.getTime() - 60_000) })
        .where(eq(consultations.slug, slug));
      const refused = await postJson(t.app, path, { answers: validAnswers });
      assert.equal(refused.status, 409, await refused.clone().text());
      await t.db
        .update(consultations)
        .set({ closesAt: new Date(NOW.getTime() + 30 * 86_400_000) })
        .where(eq(consultations.slug, slug));
      assert.equal((await postJson(t.app, path, { answers: validAnswers })).status, 201);
    });

    it('checks input against a question made required a moment ago', async () => {
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, slug));
      await t.db.update(questions).set({ required: true }).where(eq(questions.consultationId, consultation!.id));
      const { toelichting: _left, ...withoutText } = validAnswers;
      const refused = await postJson(t.app, path, { answers: withoutText });
      assert.equal(refused.status, 422);
    });

    it('routes input by a routing rule added a moment ago', async () => {
      const [consultation] = await t.db.select().from(consultations).where(eq(consultations.slug, slug));
      const [department] = await t.db.select().from(departments).limit(1);
      await intakeContext(t.db, slug);
      await t.db.delete(routingRules).where(eq(routingRules.topicId, consultation!.topicId));
      await t.db.insert(routingRules).values({
        organisationId: consultation!.organisationId,
        topicId: consultation!.topicId,
        channel: 'widget',
        departmentId: department!.id,
      });
      const context = await intakeContext(t.db, slug);
      assert.equal(context?.route('widget').departmentId, department!.id);
      assert.equal(context?.route('portal').departmentId, null);
    });
  });
}
