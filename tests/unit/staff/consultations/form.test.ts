import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyBuilderAction,
  fromLocalInput,
  toLocalInput,
  type EditForm,
  type QuestionForm,
} from '../../../../api/staff/consultations/form.ts';

const pair = (nl = '') => ({ nl, en: '' });
const question = (key: string, prompt: string): QuestionForm => ({
  key,
  kind: 'open_text',
  prompt: pair(prompt),
  hint: pair(),
  required: false,
  options: [],
  scaleMin: '',
  scaleMax: '',
  scaleMinLabel: pair(),
  scaleMaxLabel: pair(),
  maxLength: '2000',
});
const form = (questions: QuestionForm[]): EditForm => ({
  topic: 'mobiliteit',
  title: pair('T'),
  summary: pair(),
  background: pair(),
  afterwards: pair(),
  whoDecides: pair(),
  targetGroups: pair(),
  partners: pair(),
  phases: [],
  moderation: 'pre',
  responseDays: '10',
  opensAt: '',
  closesAt: '',
  questions,
});

describe('the consultation edit form', () => {
  it('reads a date and time on the Amsterdam clock in winter and in summer', () => {
    assert.equal(fromLocalInput('2027-01-31T17:00')?.toISOString(), '2027-01-31T16:00:00.000Z');
    assert.equal(fromLocalInput('2027-07-01 09:30')?.toISOString(), '2027-07-01T07:30:00.000Z');
    assert.equal(toLocalInput(new Date('2027-07-01T07:30:00Z')), '2027-07-01T09:30');
  });

  it('refuses dates that do not exist and text that is no date', () => {
    assert.equal(fromLocalInput('2027-02-30T10:00'), undefined);
    assert.equal(fromLocalInput('morgen'), undefined);
    assert.equal(fromLocalInput('2027-01-01T25:00'), undefined);
  });

  it('moves a question up and puts focus on the same button at its new place', () => {
    const f = form([question('a', 'Eerste'), question('b', 'Tweede'), question('c', 'Derde')]);
    const step = applyBuilderAction(f, 'q2-up', undefined);
    assert.deepEqual(
      f.questions.map((q) => q.key),
      ['a', 'c', 'b'],
    );
    assert.deepEqual(step, { kind: 'moved', from: 3, to: 2, focus: 'q1-up' });
  });

  it('gives the other button focus when a question reaches the top', () => {
    const f = form([question('a', 'Eerste'), question('b', 'Tweede')]);
    assert.deepEqual(applyBuilderAction(f, 'q1-up', undefined), { kind: 'moved', from: 2, to: 1, focus: 'q0-down' });
  });

  it('ignores a move past the end and an unknown action', () => {
    const f = form([question('a', 'Eerste')]);
    assert.equal(applyBuilderAction(f, 'q0-down', undefined), undefined);
    assert.equal(applyBuilderAction(f, 'q9-remove', undefined), undefined);
    assert.equal(applyBuilderAction(f, 'save', undefined), undefined);
  });

  it('adds a question with a key not yet taken, of the kind chosen, and falls back to an open question', () => {
    const f = form([question('vraag-1', 'Eerste')]);
    applyBuilderAction(f, 'add-question', 'scale');
    applyBuilderAction(f, 'add-question', 'no-such-kind');
    assert.deepEqual(
      f.questions.map((q) => [q.key, q.kind]),
      [
        ['vraag-1', 'open_text'],
        ['vraag-2', 'scale'],
        ['vraag-3', 'open_text'],
      ],
    );
  });
});
