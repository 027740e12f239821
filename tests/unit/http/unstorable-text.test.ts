import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnstorableText } from '../../../api/http/unstorable-text.ts';

const pgError = (code: string, message: string, detail?: string) =>
  Object.assign(new Error(message), { code, ...(detail ? { detail } : {}) });
/** As drizzle wraps a driver's error: the SQLSTATE is on the cause. */
const wrapped = (cause: Error) => Object.assign(new Error('Failed query'), { cause });

describe('the last guard for text PostgreSQL cannot hold', () => {
  it('recognises NUL in text and in jsonb, also wrapped by the query builder', () => {
    assert.ok(isUnstorableText(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00')));
    assert.ok(isUnstorableText(wrapped(pgError('22P05', 'unsupported Unicode escape sequence'))));
  });

  it('recognises a lone surrogate in jsonb by the detail that names it', () => {
    const json = 'invalid input syntax for type json';
    assert.ok(isUnstorableText(wrapped(pgError('22P02', json, 'Unicode low surrogate must follow a high surrogate.'))));
    assert.ok(isUnstorableText(pgError('22P02', json, 'Unicode high surrogate must not follow a high surrogate.')));
  });

  it('leaves other errors, other invalid input included, to be server errors', () => {
    assert.ok(!isUnstorableText(pgError('22P02', 'invalid input syntax for type uuid: "x"')));
    assert.ok(!isUnstorableText(pgError('23505', 'duplicate key value')));
    assert.ok(!isUnstorableText(new Error('boom')));
    assert.ok(!isUnstorableText(undefined));
  });
});
