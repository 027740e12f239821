import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inArray, sql, type SQL } from 'drizzle-orm';
import { allOrNothing, refusalOf } from '../../../api/db/all-or-nothing.ts';
import type { Database } from '../../../api/db/client.ts';
import { isUniqueViolation } from '../../../api/db/errors.ts';
import { insertRows } from '../../../api/db/insert-rows.ts';
import { proofOfWorkSolutions } from '../../../api/db/schema.ts';
import { databaseTargets } from '../../support/databases.ts';

const REASONS = ['already_there', 'never'] as const;
const expiresAt = new Date('2030-01-01T00:00:00Z');
const row = (challenge: string) => insertRows(proofOfWorkSolutions, [{ challenge, expiresAt }]);
const fresh = (challenge: string) =>
  sql`insert into ${proofOfWorkSolutions} (challenge, expires_at) values (${challenge}, ${expiresAt.toISOString()}::timestamptz)
    on conflict do nothing returning 1`;

for (const target of databaseTargets()) {
  describe(`several writes as one statement (${target.name})`, () => {
    let database: Database;
    before(async () => {
      database = await target.open();
    });
    after(() => database.close());

    const stored = async (...challenges: string[]) =>
      (
        await database.db
          .select({ challenge: proofOfWorkSolutions.challenge })
          .from(proofOfWorkSolutions)
          .where(inArray(proofOfWorkSolutions.challenge, challenges))
      )
        .map((r) => r.challenge)
        .sort();

    /** What executing the statement failed with; undefined when it did not. */
    const failureOf = (statement: SQL) =>
      database.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );

    it('writes every part when the conditions hold', async () => {
      await database.db.execute(
        allOrNothing(
          [
            ['first', row('a1')],
            ['second', fresh('a2')],
          ],
          [
            [sql`exists (select from second)`, 'already_there'],
            [sql`true`, 'never'],
          ],
        ),
      );
      assert.deepEqual(await stored('a1', 'a2'), ['a1', 'a2']);
    });

    it('undoes every part and names the reason when a condition fails, reading what a part answered', async () => {
      await database.db.execute(row('b2'));
      const error = await failureOf(
        allOrNothing(
          [
            ['first', row('b1')],
            ['second', fresh('b2')],
          ],
          [[sql`exists (select from second)`, 'already_there']],
        ),
      );
      assert.equal(refusalOf(error, REASONS), 'already_there');
      assert.deepEqual(await stored('b1', 'b2'), ['b2'], 'the first part was undone');
    });

    it('gives the first condition that fails', async () => {
      const error = await failureOf(
        allOrNothing(
          [['first', row('c1')]],
          [
            [sql`false`, 'never'],
            [sql`false`, 'already_there'],
          ],
        ),
      );
      assert.equal(refusalOf(error, REASONS), 'never');
      assert.deepEqual(await stored('c1'), []);
    });

    it('lets any other error through as it is, undoing the parts before it', async () => {
      await database.db.execute(row('d2'));
      const error = await failureOf(
        allOrNothing(
          [
            ['first', row('d1')],
            ['second', row('d2')],
          ],
          [[sql`true`, 'never']],
        ),
      );
      assert.ok(isUniqueViolation(error), 'the unique violation itself');
      assert.equal(refusalOf(error, REASONS), undefined);
      assert.deepEqual(await stored('d1', 'd2'), ['d2']);
    });

    it('writes every part when it is given no condition', async () => {
      await database.db.execute(allOrNothing([['first', row('f1')]], []));
      assert.deepEqual(await stored('f1'), ['f1']);
    });

    it('counts a condition that comes out null as not holding', async () => {
      const error = await failureOf(allOrNothing([['first', row('g1')]], [[sql`null::boolean`, 'never']]));
      assert.equal(refusalOf(error, REASONS), 'never');
      assert.deepEqual(await stored('g1'), []);
    });
  });
}

describe('several writes as one statement, refused before it is sent', () => {
  it('refuses a part name that is not a plain identifier', () => {
    assert.throws(() => allOrNothing([['first; drop', row('e1')]], []), /part name/);
  });

  it('refuses a statement without parts', () => {
    assert.throws(() => allOrNothing([], []), /at least one part/);
  });

  it('reads no reason it was not asked for', () => {
    assert.equal(refusalOf({ code: 'PD001', message: 'something_else' }, REASONS), undefined);
    assert.equal(refusalOf({ cause: { code: 'PD001', message: 'never' } }, REASONS), 'never');
  });
});
