/**
 * A Podium of its own for a staff browser spec. Staff pages need no built portal, so each
 * spec serves the app from the test process on an in-memory database with the demo data
 * and the staff accounts it names; the spec adds its own items through `database.db`.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { expect, type Page } from '@playwright/test';
import { createApp } from '../../../api/app.ts';
import type { Database } from '../../../api/db/client.ts';
import { organisations } from '../../../api/db/schema.ts';
import type { StaffRole } from '../../../api/services/auth/roles.ts';
import { createStaffUser } from '../../../api/services/auth/users.ts';
import { seedDemoData } from '../../../api/services/seed.ts';
import type { PostingSettings } from '../../../api/services/social/accounts.ts';
import { openMigratedPglite } from '../../support/databases.ts';
import type { OidcProvider } from '../../../api/services/auth/oidc.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';

export type StaffAccount = { email: string; displayName: string; role: StaffRole };

export type StaffPodium = {
  database: Database;
  organisationId: string;
  baseUrl: string;
  close(): Promise<void>;
};

export async function startStaffPodium(
  accounts: StaffAccount[],
  options: { now?: () => Date; socialPosting?: () => PostingSettings; oidc?: OidcProvider } = {},
): Promise<StaffPodium> {
  // From the migrated image the API tests share (tests/support/databases.ts): no initdb, no migrations.
  const database = await openMigratedPglite();
  await seedDemoData(database.db);
  const [org] = await database.db.select().from(organisations);
  for (const { email, displayName, role } of accounts) {
    await createStaffUser(database.db, {
      organisationId: org!.id,
      email,
      displayName,
      password: STAFF_PASSWORD,
      roles: [{ role, departmentId: null }],
    });
  }
  const app = createApp({
    db: database.db,
    databaseKind: database.kind,
    ...(options.now ? { now: options.now } : {}),
    ...(options.socialPosting ? { socialPosting: options.socialPosting } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    database,
    organisationId: org!.id,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/**
 * Logs in through the form, as a staff member would, and checks where it lands: `next`
 * when given, else the queue.
 */
export async function logInAsStaff(
  page: Page,
  baseUrl: string,
  email: string,
  options: { lang?: 'nl' | 'en'; next?: string } = {},
): Promise<void> {
  const en = options.lang === 'en';
  const query = options.next ? `?next=${encodeURIComponent(options.next)}` : '';
  await page.goto(`${baseUrl}${en ? '/en/manage/login' : '/beheer/inloggen'}${query}`);
  await page.getByLabel(en ? 'E-mail address' : 'E-mailadres').fill(email);
  await page.getByLabel(en ? 'Password' : 'Wachtwoord').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: en ? 'Log in' : 'Inloggen' }).click();
  await expect(page).toHaveURL(`${baseUrl}${options.next ?? (en ? '/en/manage/' : '/beheer/')}`);
}
