/**
 * Generated hostile text at every text field of the staff workbench (issue 13): its form
 * posts, its query parameters and its JSON API, by a logged-in administrator (every
 * permission), with hostile values, field names and query parameter names.
 *
 * Never a 5xx; a refused request leaves every table as it was; at the end no stored
 * string anywhere is ill-formed (what staff typed was made well-formed at the door).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { replyTemplates, socialPosts, socialThreads, submissions } from '../../api/db/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { databaseTargets } from '../support/databases.ts';
import {
  changedTables,
  formEncode,
  HOSTILE_SEED,
  hostileKey,
  hostileText,
  illFormedStoredText,
  rowCounts,
  urlPart,
} from '../support/hostile-input.ts';
import { addStaffUser, logIn, ORIGIN } from '../support/staff.ts';

const RUNS = 8;
const settings = { seed: HOSTILE_SEED, numRuns: RUNS, endOnFailure: true };

/** A value for a field: hostile text most of the time, sometimes one that passes. */
const maybe = (plausible: string) => fc.oneof({ weight: 3, arbitrary: hostileText }, fc.constant(plausible));

/** A staff form: its fields, each plausible or hostile, plus hostile fields of its own. */
type FormSpec = { path: string; fields: Record<string, string> };

for (const target of databaseTargets()) {
  describe(`hostile text at every staff endpoint (${target.name}, seed ${HOSTILE_SEED})`, () => {
    let t: TestApp;
    let session: { cookie: string; csrf: string };
    let itemId: string;
    let threadId: string;
    let postId: string;
    let templateId: string;
    let colleagueId: string;
    before(async () => {
      t = await openTestApp(target);
      await addStaffUser(t, 'beheerder@demodam.nl', 'administrator');
      session = await logIn(t, 'beheerder@demodam.nl');
      colleagueId = await addStaffUser(t, 'collega@demodam.nl', 'webcare');
      // A queue item's id is its submission's id.
      const [item] = await t.db.select({ id: submissions.id }).from(submissions).limit(1);
      itemId = item!.id;
      const [thread] = await t.db.select({ id: socialThreads.id }).from(socialThreads).limit(1);
      threadId = thread!.id;
      const [post] = await t.db
        .select({ externalId: socialPosts.externalId })
        .from(socialPosts)
        .where(eq(socialPosts.threadId, threadId))
        .limit(1);
      postId = post!.externalId;
      const [template] = await t.db.select({ id: replyTemplates.id }).from(replyTemplates).limit(1);
      templateId = template?.id ?? '00000000-0000-0000-0000-000000000000';
    });
    after(() => t.close());

    /**
     * What records the person looking, not what they sent: a refused item form shows the item
     * again, and that page notes the viewer as present on it (services/moderation/presence.ts).
     */
    const VIEWER_TABLES = ['item_presence'];

    async function send(path: string, init: RequestInit = {}): Promise<Response> {
      const before = await rowCounts(t.db);
      const response = await t.app.request(path, init);
      const where = `${init.method ?? 'GET'} ${path} → ${response.status}`;
      assert.ok(response.status < 500, `${where}: ${(await response.clone().text()).slice(0, 500)}`);
      if (response.status >= 400)
        assert.deepEqual(changedTables(before, await rowCounts(t.db), VIEWER_TABLES), [], where);
      await response.arrayBuffer();
      return response;
    }

    const post = (path: string, fields: Array<[string, string]>) =>
      send(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Cookie: session.cookie },
        body: formEncode([['csrf', session.csrf], ...fields]),
      });

    const json = (method: string, path: string, body: unknown) =>
      send(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Origin: ORIGIN,
          Cookie: session.cookie,
          'X-CSRF-Token': session.csrf,
        },
        body: JSON.stringify(body),
      });

    it('answers every staff form with hostile values and field names without a 5xx', async () => {
      const forms: FormSpec[] = [
        // The item's one form: decision, sentiment, assignment, answer and note in one save.
        {
          path: `/beheer/items/${itemId}`,
          fields: {
            version: '1',
            decision: 'publish',
            rule: '',
            note: 'Prima.',
            sentiment: 'positive',
            department: '',
            person: '',
            answer: 'Dank u {naam}.',
            answerLanguage: 'nl',
            next: '/beheer/',
          },
        },
        { path: '/beheer/items/decision', fields: { item: itemId, decision: 'reject', rule: 'respect', note: '' } },
        { path: `/beheer/items/${itemId}/antwoord`, fields: { action: 'preview', language: 'nl', body: 'Dank u.' } },
        {
          path: `/beheer/items/${itemId}/antwoord`,
          fields: { action: 'template', language: 'en', template: templateId, body: 'Eigen tekst.' },
        },
        {
          path: `/beheer/items/${itemId}/antwoord`,
          fields: { action: 'publish', language: 'nl', body: 'Beste {naam}, dank u.' },
        },
        {
          path: '/beheer/sjablonen',
          fields: { titleNl: 'Dank', titleEn: '', bodyNl: 'Dank voor {consultatie}.', bodyEn: '' },
        },
        { path: `/beheer/sjablonen/${templateId}/verwijderen`, fields: {} },
        { path: '/beheer/routering', fields: { topic: 'mobiliteit', channel: '', department: '', person: '' } },
        { path: '/beheer/sociale-accounts', fields: { instance: 'social.gemeente.example', token: 'tok-123' } },
        { path: '/beheer/sociale-accounts/mastodon', fields: { instance: 'social.gemeente.example' } },
        {
          path: '/beheer/sociale-accounts/bluesky',
          fields: {
            identifier: 'gemeente.bsky.social',
            appPassword: 'abcd-efgh-ijkl-mnop',
            pds: 'pds.gemeente.example',
          },
        },
        // Two-step verification: the requirement, one's own factor (none started, none active), a reset.
        { path: '/beheer/inlogbeveiliging', fields: { required: 'no', version: '1' } },
        { path: '/beheer/tweestapsverificatie/bevestigen', fields: { code: '123456' } },
        { path: '/beheer/tweestapsverificatie/uitzetten', fields: { code: '123456', password: '' } },
        { path: `/beheer/collegas/${colleagueId}/tweestapsverificatie`, fields: {} },
        { path: '/beheer/sociale-accounts/00000000-0000-0000-0000-000000000000/intrekken', fields: {} },
        { path: '/beheer/privacy/zoeken', fields: { by: 'email', value: 'iemand@example.nl', reference: 'Z-1' } },
        { path: '/beheer/privacy/export', fields: { by: 'handle', value: 'iemand', reference: '' } },
        {
          path: '/beheer/privacy/verwijderen',
          fields: { by: 'email', value: 'niemand@example.nl', step: 'erase', confirm: 'yes' },
        },
        { path: '/beheer/privacy/bewaartermijnen', fields: { contact_details: '365', input_text: '730' } },
        { path: '/beheer/sessie/verlengen', fields: { next: '/beheer/' } },
        {
          path: '/beheer/collegas/uitnodigen',
          fields: { name: 'An', email: 'an@demodam.nl', role: 'webcare', department: '', language: 'nl' },
        },
        { path: `/beheer/collegas/${colleagueId}/rollen`, fields: { version: '1', role: 'moderator', department: '' } },
        { path: `/beheer/collegas/${colleagueId}/status`, fields: { version: '1', action: 'deactivate' } },
        { path: '/beheer/insluiten', fields: { origin: 'https://www.demodam.nl' } },
        // The thread-import page without a file: no address or a hostile one, refused before any fetch.
        {
          path: '/beheer/gesprekken/importeren',
          fields: { url: '', consultation: 'fietsroute-stationsstraat', titleNl: 'Gesprek', titleEn: '' },
        },
        { path: `/beheer/gesprekken/${threadId}/bijwerken`, fields: {} },
        { path: '/beheer/insluiten/verwijderen', fields: { origin: 'http://127.0.0.1:*' } },
        {
          path: '/beheer/wachtwoord-instellen',
          fields: { token: 'A'.repeat(43), password: 'een lange zin hier', repeat: 'een lange zin hier' },
        },
      ];
      for (const form of forms) {
        const names = Object.keys(form.fields);
        const values = fc.tuple(...names.map((name) => maybe(form.fields[name]!)));
        await fc.assert(
          fc.asyncProperty(
            values,
            fc.array(fc.tuple(hostileKey, hostileText), { maxLength: 2 }),
            fc.constantFrom('nl', 'en'),
            async (chosen, extra, lang) => {
              const fields: Array<[string, string]> = names.map((name, i) => [name, chosen[i]!]);
              await post(form.path, [['lang', lang], ...fields, ...extra]);
            },
          ),
          settings,
        );
      }
    });

    it('answers every staff page with hostile query parameters and path segments without a 5xx', async () => {
      const pages: Array<(x: string, k: string) => string> = [
        (x, k) =>
          `/beheer/?status=${urlPart(x)}&consultation=${urlPart(x)}&topic=${urlPart(x)}&${urlPart(k)}=${urlPart(x)}`,
        (x) => `/beheer/?department=${urlPart(x)}&flag=${urlPart(x)}&opgeslagen=${urlPart(x)}`,
        (x, k) => `/beheer/audit/?actor=${urlPart(x)}&action=${urlPart(x)}&subject=${urlPart(x)}&${urlPart(k)}=1`,
        (x) => `/beheer/audit/export.csv?from=${urlPart(x)}&to=${urlPart(x)}`,
        (x, k) => `/beheer/inzichten/?from=${urlPart(x)}&topic=${urlPart(x)}&channel=${urlPart(x)}&${urlPart(k)}=1`,
        (x) => `/beheer/inzichten/export/${urlPart(x)}`,
        (x) => `/beheer/consultaties/${urlPart(x)}`,
        (x) => `/beheer/items/${itemId}/antwoord?sjabloon=${urlPart(x)}`,
        (x) => `/beheer/items/${urlPart(x)}/antwoord`,
        (x) => `/beheer/inloggen?next=${urlPart(x)}`,
        (x, k) => `/beheer/collegas?uitgenodigd=${urlPart(x)}&${urlPart(k)}=1`,
        (x) => `/beheer/collegas/${urlPart(x)}?opgeslagen=${urlPart(x)}`,
        (x) => `/beheer/wachtwoord-instellen?token=${urlPart(x)}`,
        (x) => `/beheer/insluiten?toegevoegd=${urlPart(x)}&verwijderd=${urlPart(x)}`,
        (x) => `/api/staff/threads?${urlPart(x)}=${urlPart(x)}`,
      ];
      for (const page of pages) {
        await fc.assert(
          fc.asyncProperty(hostileText, hostileKey, async (text, key) => {
            await send(page(text, key), { headers: { Cookie: session.cookie } });
          }),
          settings,
        );
      }
    });

    it('answers the staff JSON API with hostile texts, ids and keys without a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, fc.constantFrom('nl', 'en'), hostileKey, async (text, lang, key) => {
          await json('POST', '/api/staff/readability', { text, lang, uiLang: lang, [key]: text });
        }),
        settings,
      );
      await fc.assert(
        fc.asyncProperty(maybe(postId), fc.integer({ min: -1, max: 3 }), hostileText, async (post, index, text) => {
          await json('PUT', `/api/staff/threads/${threadId}/media-descriptions`, {
            postId: post,
            mediaIndex: index,
            text,
            lang: 'nl',
          });
        }),
        settings,
      );
      await fc.assert(
        fc.asyncProperty(hostileText, async (id) => {
          await json('POST', `/api/staff/threads/${urlPart(id)}/sync`, {});
          await json('DELETE', `/api/staff/threads/${urlPart(id)}`, {});
        }),
        settings,
      );
      await fc.assert(
        fc.asyncProperty(
          hostileText,
          hostileText,
          fc.array(hostileText, { maxLength: 2 }),
          async (url, title, accounts) => {
            // A post address that is not one (hostile), refused with a 422 before any fetch.
            await json('POST', '/api/staff/threads', {
              url,
              title: { nl: title },
              consultation: title,
              ownAccounts: accounts,
              officialAccounts: accounts,
            });
          },
        ),
        settings,
      );
    });

    it('answers log-in attempts with hostile addresses, passwords and return paths without a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, hostileText, hostileText, async (email, password, next) => {
          const before = await rowCounts(t.db);
          const response = await t.app.request('/beheer/inloggen', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
            body: formEncode([
              ['email', email],
              ['password', password],
              ['next', next],
            ]),
          });
          assert.ok(response.status < 500, String(response.status));
          // A failed log-in may count against an account and be audited; nothing else is stored.
          const changed = changedTables(before, await rowCounts(t.db), [
            'audit_log',
            'login_throttles',
            'staff_login_addresses',
            'staff_notifications',
            'outbox_messages',
          ]);
          if (response.status >= 400) assert.deepEqual(changed, []);
          await response.arrayBuffer();
        }),
        settings,
      );
    });

    it('stores staff text with NUL removed instead of failing on it', async () => {
      const response = await post('/beheer/sjablonen', [
        ['lang', 'nl'],
        ['titleNl', 'Nul\u0000titel'],
        ['titleEn', ''],
        ['bodyNl', 'Dank\u0000 voor uw inbreng.'],
        ['bodyEn', ''],
      ]);
      assert.equal(response.status, 303);
      const stored = (await t.db.select().from(replyTemplates)).find((row) => row.title.nl === 'Nultitel');
      assert.equal(stored?.body.nl, 'Dank voor uw inbreng.');
    });

    it('stores no ill-formed text anywhere', async () => {
      assert.deepEqual(await illFormedStoredText(t.db), []);
    });
  });
}
