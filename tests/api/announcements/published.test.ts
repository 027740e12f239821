/**
 * Announcements on the portal: the published snapshot carries the published ones only, with
 * each image's address and alternative text, and Podium serves those images itself — never a
 * draft's or a deleted announcement's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { announcementImages, organisations } from '../../../api/db/schema.ts';
import {
  deleteAnnouncement,
  saveAnnouncement,
  scheduleAnnouncement,
} from '../../../api/services/announcements/compose.ts';
import { releaseDue } from '../../../api/services/announcements/outbox.ts';
import { buildPublishedSnapshot } from '../../../api/services/published-content.ts';
import { NOW, openTestApp, type TestApp } from '../../support/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { addStaffUser } from '../../support/staff.ts';
import { PNG_40x30 } from '../../support/image-fixtures.ts';

/** A real image: stored images are read and stripped of their metadata, which a fake one fails. */
const PNG = PNG_40x30;
const LATER = new Date(NOW.getTime() + 30 * 60_000);

for (const target of databaseTargets()) {
  describe(`announcements on the portal (${target.name})`, () => {
    let t: TestApp;
    let actor: { id: string; organisationId: string };
    before(async () => {
      t = await openTestApp(target);
      const organisationId = (await t.db.select({ id: organisations.id }).from(organisations))[0]!.id;
      actor = { id: await addStaffUser(t, 'poster@demodam.example', 'poster'), organisationId };
    });
    after(() => t.close());

    const draft = async (title: string) => {
      const saved = await saveAnnouncement(t.db, {
        actor,
        values: {
          kind: 'delay',
          title,
          body: `${title}: de bus rijdt later.`,
          language: 'nl',
          contentWarning: null,
          accountIds: [],
        },
        newImages: [{ bytes: PNG, mime: 'image/png', description: `Kaart bij ${title}` }],
        imageChanges: [],
        now: NOW,
        publicUrl: 'https://podium.demodam.example',
      });
      return saved as { id: string; version: number };
    };

    it('publishes an announcement at its moment into the snapshot, with its images served by Podium', async () => {
      const { id, version } = await draft('Vertraging lijn 1');
      await draft('Nog een concept');
      const step = await scheduleAnnouncement(t.db, {
        actor,
        id,
        version,
        scheduledAt: LATER,
        now: NOW,
        publicUrl: '',
      });
      assert.equal(step.kind, 'scheduled');
      assert.equal((await buildPublishedSnapshot(t.db, NOW)).announcements.length, 0, 'not before its moment');
      await releaseDue(t.db, LATER);
      const { announcements } = await buildPublishedSnapshot(t.db, LATER);
      assert.deepEqual(
        announcements.map((a) => [a.title, a.language, a.publishedAt]),
        [['Vertraging lijn 1', 'nl', LATER.toISOString()]],
      );
      const image = announcements[0]!.images[0]!;
      assert.equal(image.description, 'Kaart bij Vertraging lijn 1');
      const served = await t.app.request(image.url);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get('Content-Type'), 'image/png');
      assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG);

      const deleted = await deleteAnnouncement(t.db, {
        actor,
        id,
        version: (step as { version: number }).version,
        now: LATER,
      });
      assert.equal(deleted.kind, 'deleted');
      assert.equal((await t.app.request(image.url)).status, 404, 'gone with its announcement');
      assert.equal((await buildPublishedSnapshot(t.db, LATER)).announcements.length, 0);
    });

    it('serves no image of a draft, and answers a malformed address with 404', async () => {
      const { id } = await draft('Alleen concept');
      const [image] = await t.db.select().from(announcementImages).where(eq(announcementImages.announcementId, id));
      assert.equal((await t.app.request(`/api/announcements/images/${image!.id}`)).status, 404);
      assert.equal((await t.app.request('/api/announcements/images/not-a-uuid')).status, 404);
      const { announcements } = await buildPublishedSnapshot(t.db, LATER);
      assert.ok(announcements.every((a) => a.title !== 'Alleen concept'));
    });
  });
}
