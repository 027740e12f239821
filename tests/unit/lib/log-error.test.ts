import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describeError } from '../../../api/lib/log-error.ts';

describe('errors written to the log', () => {
  it('keeps the query of a failed statement and withholds its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      detail: 'Key (email)=(anna@example.nl) already exists.',
    });
    const error = new DrizzleQueryError(
      'insert into "submission_contacts" ("email") values ($1)',
      ['anna@example.nl', 'K7QM-4XPR-9TWD'],
      cause,
    );
    assert.match(error.message, /anna@example\.nl/, 'drizzle itself puts the values in the message');
    const line = describeError(error);
    assert.match(line, /failed query "insert into "submission_contacts"/);
    assert.match(line, /caused by 23505 duplicate key/);
    assert.doesNotMatch(line, /anna@example|K7QM/);
  });

  it('keeps the message of other errors, and copes with things that are not errors', () => {
    assert.match(describeError(new TypeError('x is not a function')), /^TypeError: x is not a function/);
    assert.equal(describeError('a string'), 'Non-error thrown: string');
  });
});
