/**
 * Every action the code writes to the audit log has a sentence, in Dutch and in English.
 * The actions are collected from the source (every `action:` of an audit entry in api/),
 * so an action written without being added to the one list (services/audit-actions.ts)
 * fails here as well as in the type check.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../api/services/audit-actions.ts';
import type { AuditRow } from '../../../../api/services/audit-log.ts';
import { sentenceHtml, sentenceText } from '../../../../api/staff/audit/sentences.ts';
import * as auditTexts from '../../../../api/staff/audit/texts.ts';

const apiDir = join(import.meta.dirname, '../../../../api');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The action names the code writes: literals in an entry's `action:`, and constants it names. */
function writtenActions(): Set<string> {
  const files = sources(apiDir).map((path) => readFileSync(path, 'utf8'));
  const constants = new Map<string, string>();
  for (const text of files)
    for (const [, name, value] of text.matchAll(/const ([A-Z_]+) = '([a-z_]+\.[a-z_]+)'/g))
      constants.set(name!, value!);
  const found = new Set<string>();
  for (const text of files) {
    for (const [, expression] of text.matchAll(/^\s*action: ([^\n]+)/gm)) {
      for (const [, literal] of expression!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(literal!);
      for (const [name] of expression!.matchAll(/\b[A-Z_]{3,}\b/g))
        if (constants.has(name)) found.add(constants.get(name)!);
      assert.doesNotMatch(expression!, /`/, `an action is built from a template: ${expression}`);
    }
  }
  return found;
}

function row(action: string, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    id: 1,
    at: new Date('2026-11-20T09:30:00Z'),
    actorType: 'staff',
    actorId: '11111111-1111-4111-8111-111111111111',
    actorName: 'Fatima de Vries',
    action,
    subjectType: 'submission',
    subjectId: '1a2b3c4d-0000-4000-8000-000000000123',
    before: null,
    after: null,
    details: {},
    item: {
      type: 'submission',
      exists: true,
      consultationTitle: { nl: 'Nieuwe fietsroute Stationsstraat', en: 'New cycle route Stationsstraat' },
    },
    ...overrides,
  };
}

describe('audit-log sentences', () => {
  it('finds the actions the code writes, and every one is in the list of actions', () => {
    const written = writtenActions();
    assert.ok(written.size >= 30, `the collector found ${written.size} actions`);
    assert.ok(written.has('submission.note') && written.has('staff.login_throttled'));
    const listed = new Set<string>(AUDIT_ACTIONS);
    const missing = [...written].filter((action) => !listed.has(action));
    assert.deepEqual(missing, [], 'actions written without a place in services/audit-actions.ts');
    const unused = AUDIT_ACTIONS.filter((action) => !written.has(action));
    assert.deepEqual(
      unused,
      [],
      'listed actions the code no longer writes (keep them only while old entries may exist)',
    );
  });

  it('has a sentence in Dutch and in English for every action, naming who did it', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const lang of ['nl', 'en'] as const) {
        const sentences = auditTexts[lang].sentences as Record<AuditAction, unknown>;
        assert.equal(typeof sentences[action], 'function', `${lang}: no sentence for ${action}`);
        for (const details of [{}, { decision: 'reject', houseRule: 'respect', posts: 3, counts: {}, format: 'csv' }]) {
          const text = sentenceText(row(action, { details }), lang);
          assert.match(text, /^Fatima de Vries /, `${lang} ${action}: ${text}`);
          assert.doesNotMatch(text, /undefined|NaN|\[object|\{actor\}|\{item\}/, `${lang} ${action}: ${text}`);
          assert.ok(!text.includes(action), `${lang} ${action} falls back to the action's name: ${text}`);
        }
      }
      assert.notEqual(sentenceText(row(action), 'nl'), sentenceText(row(action), 'en'), `${action} is translated`);
    }
  });

  it('says who published which input on which consultation, in both languages', () => {
    const published = row('submission.decision', { details: { decision: 'publish', from: 'new', to: 'published' } });
    assert.equal(
      sentenceText(published, 'nl'),
      'Fatima de Vries publiceerde inbreng #1a2b3c4d op Nieuwe fietsroute Stationsstraat.',
    );
    assert.equal(
      sentenceText(published, 'en'),
      'Fatima de Vries published input #1a2b3c4d on New cycle route Stationsstraat.',
    );
    const page = String(sentenceHtml(published, 'nl'));
    assert.match(
      page,
      /<a href="\/beheer\/audit\/\?actor=11111111-1111-4111-8111-111111111111" aria-describedby="audit-person-hint">Fatima de Vries<\/a>/,
    );
    assert.match(
      page,
      /<a href="\/beheer\/items\/1a2b3c4d-0000-4000-8000-000000000123">inbreng #1a2b3c4d<\/a> op Nieuwe fietsroute/,
    );
    assert.match(
      String(sentenceHtml(published, 'en')),
      /href="\/en\/manage\/items\/1a2b3c4d-0000-4000-8000-000000000123"/,
    );
  });

  it('says how a theme was corrected, and when it was put back, in both languages', () => {
    const theme = { subjectType: 'theme', subjectId: 'c:bike+c:path' };
    const both = row('insights.theme_corrected', {
      ...theme,
      details: { before: null, after: { label: { nl: 'Fietspaden' }, mergeInto: 'c:bike' } },
    });
    assert.equal(
      sentenceText(both, 'nl'),
      'Fatima de Vries corrigeerde het thema c:bike+c:path: noemde het „Fietspaden” en voegde het samen met c:bike.',
    );
    assert.equal(
      sentenceText(both, 'en'),
      'Fatima de Vries corrected the theme c:bike+c:path: named it “Fietspaden” and merged it into c:bike.',
    );
    const reset = row('insights.theme_corrected', { ...theme, details: { before: { label: null }, after: null } });
    assert.equal(
      sentenceText(reset, 'nl'),
      'Fatima de Vries zette het thema c:bike+c:path terug naar de automatische indeling.',
    );
  });

  it('names a deleted account, the system and residents, and links no item that is gone', () => {
    const gone = { type: 'submission' as const, exists: false, consultationTitle: { nl: 'Fietsroute' } };
    const erased = row('submission.erased', { actorName: null, item: gone });
    assert.equal(sentenceText(erased, 'nl'), 'Een verwijderd account wiste inbreng #1a2b3c4d op Fietsroute.');
    assert.equal(sentenceText(erased, 'en'), 'A deleted account erased input #1a2b3c4d on Fietsroute.');
    const page = String(sentenceHtml(erased, 'en'));
    assert.doesNotMatch(page, /<a /, 'neither a deleted account nor an erased item is a link');
    assert.match(page, /<span lang="nl">Fietsroute<\/span>/, 'a title without English is marked as Dutch');
    const system = row('submission.hidden_after_reports', {
      actorType: 'system',
      actorId: null,
      actorName: null,
      details: { reports: 3 },
    });
    assert.equal(
      sentenceText(system, 'nl'),
      'Het systeem verborg inbreng #1a2b3c4d op Nieuwe fietsroute Stationsstraat na 3 meldingen.',
    );
    assert.equal(
      sentenceText(system, 'en'),
      'The system hid input #1a2b3c4d on New cycle route Stationsstraat after 3 reports.',
    );
    const resident = row('submission.received', { actorType: 'resident', actorId: null, actorName: null });
    assert.equal(sentenceText(resident, 'en'), 'A resident gave input #1a2b3c4d on New cycle route Stationsstraat.');
    const note = row('social_post.note', {
      subjectType: 'social_post',
      item: { type: 'social_post', exists: true, consultationTitle: null },
    });
    assert.equal(sentenceText(note, 'nl'), 'Fatima de Vries schreef een notitie bij bericht #1a2b3c4d.');
  });

  it('escapes what an entry holds on the page', () => {
    const hostile = row('submission.reported', {
      actorType: 'resident',
      actorName: null,
      details: { reason: '<script>x</script>' },
    });
    assert.doesNotMatch(String(sentenceHtml(hostile, 'nl')), /<script>/);
  });
});
