import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { formErrors } from '../../../../api/staff/kit/form-errors.ts';

const Form = z.object({
  title: z.string().trim().min(1).max(5),
  by: z.enum(['email', 'handle']),
  note: z
    .string()
    .max(3)
    .regex(/^[a-z]*$/),
});

const issues = (values: unknown) => {
  const parsed = Form.safeParse(values);
  assert.ok(!parsed.success, 'the example values should fail');
  return parsed.error.issues;
};

describe('formErrors', () => {
  it('gives one message per field, in the order of the form', () => {
    const errors = formErrors(issues({ title: '', by: 'fax', note: 'ok' }), {
      title: 'Vul een titel in.',
      by: 'Kies e-mail of handle.',
      note: 'Te lang.',
    });
    assert.deepEqual(errors, [
      { field: 'title', message: 'Vul een titel in.' },
      { field: 'by', message: 'Kies e-mail of handle.' },
    ]);
  });

  it('chooses the message by the kind of issue', () => {
    const messages = { title: (issue: { code: string }) => (issue.code === 'too_big' ? 'Te lang.' : 'Vul in.') };
    assert.deepEqual(formErrors(issues({ title: '', by: 'email', note: '' }), messages), [
      { field: 'title', message: 'Vul in.' },
    ]);
    assert.deepEqual(formErrors(issues({ title: 'veel te lang', by: 'email', note: '' }), messages), [
      { field: 'title', message: 'Te lang.' },
    ]);
  });

  it('keeps only the first issue of a field that fails twice', () => {
    const errors = formErrors(issues({ title: 'a', by: 'email', note: 'ABCD' }), {
      note: (issue) => (issue.code === 'too_big' ? 'Te lang.' : 'Alleen kleine letters.'),
    });
    assert.deepEqual(errors, [{ field: 'note', message: 'Te lang.' }]);
  });

  it('puts a message next to another control when asked', () => {
    const errors = formErrors(issues({ title: 'a', by: 'fax', note: '' }), {
      by: { field: 'by-email', message: 'Kies e-mail of handle.' },
    });
    assert.deepEqual(errors, [{ field: 'by-email', message: 'Kies e-mail of handle.' }]);
  });

  it('leaves out fields it has no message for, and gives one message when two fields share a control', () => {
    const shared = { field: 'title', message: 'Kies een onderwerp.' };
    assert.deepEqual(formErrors(issues({ title: '', by: 'fax', note: '' }), { title: shared, by: shared }), [shared]);
    assert.deepEqual(formErrors(issues({ title: '', by: 'email', note: '' }), { note: 'x' }), []);
  });

  it('does not take a message from the prototype for a field named like one', () => {
    const parsed = z.object({ constructor: z.string() }).safeParse({});
    assert.ok(!parsed.success);
    assert.deepEqual(formErrors(parsed.error.issues, {}), []);
  });
});
