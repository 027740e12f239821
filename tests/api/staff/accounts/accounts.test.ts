/**
 * The connected-accounts page (administrators): connecting a Mastodon account with its
 * access token against the local instance, the errors in the form's language (nothing
 * stored, the token never sent back), the refusal without PODIUM_SECRET_KEY, and revoking.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, socialAccountIntake, socialAccounts } from '../../../../api/db/schema.ts';
import { openTestApp, type TestApp } from '../../../support/app.ts';
import { databaseTargets } from '../../../support/databases.ts';
import { BSKY_DID, BSKY_HANDLE, startPlatformServer, type PlatformServer } from '../../../support/platform-server.ts';
import { addStaffUser, logIn, staffPost } from '../../../support/staff.ts';

const TOKEN = 'tok-page-9876543210';
const APP_PASSWORD = 'pqrs-tuvw-xyz1-2345';

for (const target of databaseTargets()) {
  describe(`connected accounts page (${target.name})`, () => {
    let t: TestApp;
    let platform: PlatformServer;
    let admin: { cookie: string; csrf: string };
    let secretKey: Buffer | undefined = randomBytes(32);

    before(async () => {
      t = await openTestApp(target, { socialPosting: () => ({ secretKey, allowPrivateHosts: true }) });
      platform = await startPlatformServer();
      platform.tokens.set(TOKEN, 'gemeente');
      platform.appPasswords.set(BSKY_HANDLE, APP_PASSWORD);
      await addStaffUser(t, 'admin@demodam.example', 'administrator');
      admin = await logIn(t, 'admin@demodam.example');
    });
    after(async () => {
      await platform.close();
      await t.close();
    });

    const connect = (fields: Array<[string, string]>, lang = 'nl') =>
      staffPost(t, '/beheer/sociale-accounts', [['csrf', admin.csrf], ['lang', lang], ...fields], admin.cookie);
    const page = async (path = '/beheer/sociale-accounts') =>
      (await t.app.request(path, { headers: { Cookie: admin.cookie } })).text();

    it('refuses empty fields in Dutch and a rejected token in English, keeping the address but never the token', async () => {
      const empty = await connect([
        ['instance', ' '],
        ['token', ''],
      ]);
      assert.equal(empty.status, 422);
      const emptyPage = await empty.text();
      assert.match(emptyPage, /Vul het adres van de Mastodon-server in/);
      assert.match(emptyPage, /Vul het toegangstoken in/);

      const wrong = await connect(
        [
          ['instance', platform.origin],
          ['token', 'wrong-token-123'],
        ],
        'en',
      );
      assert.equal(wrong.status, 422);
      const wrongPage = await wrong.text();
      assert.match(wrongPage, /The server does not accept this token/);
      assert.ok(wrongPage.includes(`value="${platform.origin}"`));
      assert.ok(!wrongPage.includes('wrong-token-123'));
      assert.equal((await t.db.select().from(socialAccounts)).length, 0);
    });

    it('refuses to store a token without PODIUM_SECRET_KEY, and says so on the page', async () => {
      const kept = secretKey;
      secretKey = undefined;
      try {
        assert.match(await page(), /PODIUM_SECRET_KEY\) is niet ingesteld/);
        const response = await connect([
          ['instance', platform.origin],
          ['token', TOKEN],
        ]);
        assert.equal(response.status, 422);
        assert.match(await response.text(), /Podium bewaart geen token zonder sleutel/);
        assert.equal((await t.db.select().from(socialAccounts)).length, 0);
      } finally {
        secretKey = kept;
      }
    });

    it('connects an account, lists it by handle without its token, and revokes it', async () => {
      const response = await connect([
        ['instance', platform.origin],
        ['token', TOKEN],
      ]);
      assert.equal(response.status, 303);
      const listed = await page(response.headers.get('location')!);
      const handle = `@gemeente@${new URL(platform.origin).host}`;
      assert.match(listed, new RegExp(`Het account ${handle} is gekoppeld`));
      assert.ok(!listed.includes(TOKEN));
      const [row] = await t.db.select().from(socialAccounts);
      assert.ok(row!.tokenSealed && !row!.tokenSealed.includes(TOKEN));

      const revoke = await staffPost(
        t,
        `/beheer/sociale-accounts/${row!.id}/intrekken`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(revoke.status, 303);
      assert.match(await page(revoke.headers.get('location')!), /De koppeling is ingetrokken/);
      const [after] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.id, row!.id));
      assert.equal(after!.tokenSealed, null);
      // A second revocation finds nothing to revoke; a made-up id neither.
      const again = await staffPost(
        t,
        `/beheer/sociale-accounts/${row!.id}/intrekken`,
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(again.status, 404);
      const bogus = await staffPost(
        t,
        '/beheer/sociale-accounts/not-an-id/intrekken',
        [['csrf', admin.csrf]],
        admin.cookie,
      );
      assert.equal(bogus.status, 404);
      const actions = (await t.db.select().from(auditLog)).map((e) => e.action);
      assert.ok(actions.includes('social_account.connected') && actions.includes('social_account.revoked'));
      assert.doesNotMatch(JSON.stringify(await t.db.select().from(auditLog)), new RegExp(TOKEN));
    });

    const connectBluesky = (fields: Array<[string, string]>, lang = 'nl') =>
      staffPost(t, '/beheer/sociale-accounts/bluesky', [['csrf', admin.csrf], ['lang', lang], ...fields], admin.cookie);

    it('says why the municipality keeps one set of accounts, and offers Bluesky beside Mastodon', async () => {
      const nl = await page();
      assert.match(nl, /het ene register van de officiële accounts van de gemeente/);
      assert.match(nl, /Een Bluesky-account koppelen/);
      const en = await page('/en/manage/social-accounts');
      assert.match(en, /the one registry of the municipality&#39;s official accounts/);
      assert.match(en, /Connect a Bluesky account/);
    });

    it('refuses bad Bluesky input in Dutch and English, keeps the name and server but never the app password, and stores nothing', async () => {
      const empty = await connectBluesky([
        ['identifier', ''],
        ['appPassword', ' '],
        ['pds', ''],
      ]);
      assert.equal(empty.status, 422);
      const emptyPage = await empty.text();
      assert.match(emptyPage, /Vul de naam van het Bluesky-account in/);
      assert.match(emptyPage, /Vul het app-wachtwoord in/);
      assert.match(emptyPage, /href="#bluesky-identifier"/);

      const odd = await connectBluesky(
        [
          ['identifier', 'not a handle'],
          ['appPassword', APP_PASSWORD],
          ['pds', 'x'.repeat(501)],
        ],
        'en',
      );
      assert.equal(odd.status, 422);
      const oddPage = await odd.text();
      assert.match(oddPage, /Enter the Bluesky account&#39;s name|Enter the Bluesky account's name/);
      assert.match(oddPage, /Leave the field empty for bsky.social/);
      assert.ok(!oddPage.includes(APP_PASSWORD));

      const ownPassword = await connectBluesky([
        ['identifier', BSKY_HANDLE],
        ['appPassword', 'mijn-gewone-wachtwoord'],
        ['pds', platform.origin],
      ]);
      assert.equal(ownPassword.status, 422);
      assert.match(await ownPassword.text(), /Dit is geen app-wachtwoord/);
      assert.ok(!platform.sessions.length, 'nothing was sent to the PDS');

      const wrong = await connectBluesky(
        [
          ['identifier', BSKY_HANDLE],
          ['appPassword', 'aaaa-bbbb-cccc-dddd'],
          ['pds', platform.origin],
        ],
        'en',
      );
      assert.equal(wrong.status, 422);
      const wrongPage = await wrong.text();
      assert.match(wrongPage, /Bluesky does not accept this account name with this app password/);
      assert.ok(wrongPage.includes(`value="${BSKY_HANDLE}"`) && wrongPage.includes(`value="${platform.origin}"`));
      assert.ok(!wrongPage.includes('aaaa-bbbb-cccc-dddd'));

      const unreachable = await connectBluesky([
        ['identifier', BSKY_HANDLE],
        ['appPassword', APP_PASSWORD],
        ['pds', 'http://127.0.0.1:9'],
      ]);
      assert.equal(unreachable.status, 422);
      assert.match(await unreachable.text(), /De server antwoordde niet zoals een Bluesky-server/);
      assert.equal((await t.db.select().from(socialAccounts)).filter((a) => a.platform === 'bluesky').length, 0);
    });

    it('connects a Bluesky account with its app password, and shows an account that needs attention', async () => {
      const response = await connectBluesky([
        ['identifier', BSKY_HANDLE],
        ['appPassword', APP_PASSWORD],
        ['pds', platform.origin],
      ]);
      assert.equal(response.status, 303);
      const listed = await page(response.headers.get('location')!);
      assert.match(listed, new RegExp(`Het account @${BSKY_HANDLE} is gekoppeld`));
      assert.ok(!listed.includes(APP_PASSWORD));
      const [row] = await t.db.select().from(socialAccounts).where(eq(socialAccounts.platform, 'bluesky'));
      assert.equal(row!.externalId, BSKY_DID);

      await t.db
        .update(socialAccountIntake)
        .set({ attentionSince: new Date('2026-11-27T09:00:00Z'), lastError: 'token_rejected' })
        .where(eq(socialAccountIntake.accountId, row!.id));
      assert.match(await page(), /Heeft aandacht nodig sinds .*: het platform weigert het token of app-wachtwoord/);
      assert.match(await page('/en/manage/social-accounts'), /Needs attention since/);
      assert.doesNotMatch(JSON.stringify(await t.db.select().from(auditLog)), new RegExp(APP_PASSWORD));
    });
  });
}
