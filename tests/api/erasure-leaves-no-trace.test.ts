/**
 * Erasure leaves no trace in the database: input is erased through each way there is (the
 * resident with the follow-up code, staff by e-mail address, the operator's CLI, and the
 * retention purge), then every row of every table is searched for a marker that only that
 * input contained. The audit log may say that an erasure happened, never what was erased.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../api/db/schema.ts';
import { privacyCommand } from '../../api/services/privacy-cli.ts';
import { erasePersonalData } from '../../api/services/personal-data.ts';
import { eraseSubmission } from '../../api/services/residents-rights.ts';
import { purgeExpired } from '../../api/services/retention.ts';
import { NOW, openTestApp, postJson, validAnswers, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const DAY = 86_400_000;

/** Where in the database a text occurs: `table` for each row that holds it. */
async function findEverywhere(t: TestApp, text: string): Promise<string[]> {
  const hits: string[] = [];
  for (const table of tables) {
    for (const row of await t.db.select().from(table)) {
      if (JSON.stringify(row).includes(text)) hits.push(getTableName(table));
    }
  }
  return hits;
}

for (const target of databaseTargets()) {
  describe(`erasure leaves no trace in the database (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(target);
    });
    after(() => t.close());

    /** Input with a marker in its text, name and address; returns its follow-up code. */
    async function giveInput(marker: string): Promise<string> {
      const response = await postJson(t.app, '/api/consultations/fietsroute-stationsstraat/submissions', {
        answers: { ...validAnswers, toelichting: `Mijn punt ${marker}: bel 06-12345678 over de brug.` },
        name: `Naam ${marker}`,
        email: `${marker.toLowerCase()}@example.nl`,
        consent: true,
      });
      assert.equal(response.status, 201);
      const { code } = await response.json();
      assert.ok((await findEverywhere(t, marker)).length > 0, 'the marker is stored before the erasure');
      return code;
    }

    it('after the resident erases with the follow-up code', async () => {
      const code = await giveInput('MARKERRESIDENT');
      const result = await eraseSubmission(t.db, { code, now: NOW });
      assert.equal(result.kind, 'erased');
      assert.deepEqual(await findEverywhere(t, 'MARKERRESIDENT'), []);
    });

    it('after staff erase everything of an e-mail address', async () => {
      await giveInput('MARKERSTAFF');
      const [staff] = await t.db.select({ id: schema.staffUsers.id }).from(schema.staffUsers).limit(1);
      const actor = staff ? { type: 'staff' as const, id: staff.id } : { type: 'system' as const };
      const report = await erasePersonalData(t.db, { email: 'markerstaff@example.nl' }, { now: NOW, actor });
      assert.equal(report.submissions, 1);
      assert.deepEqual(await findEverywhere(t, 'MARKERSTAFF'), []);
    });

    it("after the operator erases with 'podium privacy erase'", async () => {
      await giveInput('MARKERCLI');
      const out: string[] = [];
      const status = await privacyCommand(t.db, ['erase', '--email', 'markercli@example.nl', '--yes'], {
        out: (text) => out.push(text),
        err: (text) => out.push(text),
        now: () => NOW,
      });
      assert.equal(status, 0, out.join('\n'));
      assert.deepEqual(await findEverywhere(t, 'MARKERCLI'), []);
    });

    it('after the retention purge removes unpublished input of a long-closed consultation', async () => {
      const code = await giveInput('MARKERPURGE');
      const [row] = await t.db
        .select({ id: schema.submissions.id })
        .from(schema.submissions)
        .where(eq(schema.submissions.followUpCode, code));
      await purgeExpired(t.db, new Date(NOW.getTime() + 20 * 365 * DAY));
      assert.ok(row);
      // The name and the address are contact details: purged too after their period.
      assert.deepEqual(await findEverywhere(t, 'MARKERPURGE'), []);
    });
  });
}
