/**
 * Colleagues: the administrators' side of staff accounts (api/staff/colleagues/).
 *
 * - An invitation creates the account without a password and mails a single-use link
 *   (through the durable outbox, in the same transaction); the token lives only in the
 *   mail, the database keeps its SHA-256, and it expires after `INVITATION_TTL_MS`.
 * - Role changes and (de)activation carry the version the administrator saw; a change on an
 *   older version is refused, so two administrators never overwrite each other unseen.
 * - An invitation can be sent again while the person has not chosen a password: the new mail
 *   has a new link, and the links of earlier mails stop working at once.
 * - Deactivating ends the person's sessions at once; their history stays.
 * - An organisation always keeps one active administrator: the change that would remove the
 *   last one (their own role, or deactivating them) is refused. The organisation's row is
 *   locked for the check, so two administrators removing each other at once cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, isNull, max, ne, or, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/contracts/public-content.ts';
import { isEmailAddress } from '../../../shared/contracts/email.ts';
import { textsFor } from '../../../shared/i18n.ts';
import { renderMail } from '../../../shared/render/mail.ts';
import type { Db } from '../../db/client.ts';
import {
  departments,
  organisations,
  outboxMessages,
  staffInvitations,
  staffLoginAddresses,
  staffRoles,
  staffSessions,
  staffUsers,
} from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMail } from '../notifications/outbox.ts';
import { mailPublicUrl } from '../notifications/settings.ts';
import * as colleagueTexts from './colleague-texts.ts';
import { checkPasswordStrength, hashPassword, type PasswordProblem } from './passwords.ts';
import type { RoleGrant, StaffRole } from './roles.ts';
import { hashToken } from './sessions.ts';
import { findStaffByEmail, normalizeEmail } from './users.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A week: long enough for someone on leave for a few days, short enough that an old mail opens nothing. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const invitationPath = (lang: Locale) =>
  lang === 'en' ? '/en/manage/set-password' : '/beheer/wachtwoord-instellen';

export type Colleague = {
  id: string;
  email: string;
  displayName: string;
  version: number;
  disabledAt: Date | null;
  /** Their most recent log-in (from the addresses they logged in from), if any. */
  lastSignInAt: Date | null;
  /** Invited and not yet set a password. */
  invited: boolean;
  roles: RoleGrant[];
};

export async function listColleagues(db: Db, organisationId: string): Promise<Colleague[]> {
  const users = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      displayName: staffUsers.displayName,
      version: staffUsers.version,
      disabledAt: staffUsers.disabledAt,
      // Someone who signed in through the identity provider has no password, and is not invited.
      hasPassword: sql<boolean>`(${staffUsers.passwordHash} is not null or ${staffUsers.oidcSubject} is not null)`,
      lastSignInAt: max(staffLoginAddresses.lastLoginAt),
    })
    .from(staffUsers)
    .leftJoin(staffLoginAddresses, eq(staffLoginAddresses.staffUserId, staffUsers.id))
    .where(eq(staffUsers.organisationId, organisationId))
    .groupBy(staffUsers.id)
    .orderBy(staffUsers.displayName, staffUsers.email);
  if (users.length === 0) return [];
  const grants = await db
    .select({ staffUserId: staffRoles.staffUserId, role: staffRoles.role, departmentId: staffRoles.departmentId })
    .from(staffRoles)
    .where(
      inArray(
        staffRoles.staffUserId,
        users.map((u) => u.id),
      ),
    );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    version: u.version,
    disabledAt: u.disabledAt,
    // PGlite returns the aggregate as text.
    lastSignInAt: u.lastSignInAt ? new Date(u.lastSignInAt) : null,
    invited: !u.hasPassword,
    roles: grants
      .filter((g) => g.staffUserId === u.id)
      .map(({ role, departmentId }) => ({ role, departmentId }))
      .sort((a, b) => a.role.localeCompare(b.role)),
  }));
}

export type InviteResult =
  | { kind: 'invited'; staffUserId: string }
  | { kind: 'exists' }
  | { kind: 'invalid'; problem: 'invalid_email' | 'name_required' | 'role_required' | 'unknown_department' };

/**
 * Creates the account without a password and queues the invitation mail with its link.
 *
 * @example
 * await inviteColleague(db, { organisationId, email: 'an@demodam.nl', displayName: 'An', roles: [{ role: 'webcare', departmentId: null }], invitedBy: admin.id, lang: 'nl', now })
 */
export async function inviteColleague(
  db: Db,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: RoleGrant[];
    invitedBy: string;
    lang: Locale;
    now: Date;
  },
): Promise<InviteResult> {
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  if (!isEmailAddress(email)) return { kind: 'invalid', problem: 'invalid_email' };
  if (!displayName) return { kind: 'invalid', problem: 'name_required' };
  if (input.roles.length === 0) return { kind: 'invalid', problem: 'role_required' };
  if (!(await departmentsBelong(db, input.organisationId, input.roles)))
    return { kind: 'invalid', problem: 'unknown_department' };
  if (await findStaffByEmail(db, email)) return { kind: 'exists' };

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({ organisationId: input.organisationId, email, displayName, passwordHash: null, createdAt: input.now })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    if (!row) return { kind: 'exists' } as const;
    await tx.insert(staffRoles).values(input.roles.map((grant) => ({ staffUserId: row.id, ...grant })));
    await queueInvitation(tx, { staffUserId: row.id, organisationId: input.organisationId, email, displayName }, input);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actorType: 'staff',
      actorId: input.invitedBy,
      action: 'staff.invited',
      subjectType: 'staff_user',
      subjectId: row.id,
      details: { roles: input.roles.map((grant) => grant.role) },
    });
    return { kind: 'invited', staffUserId: row.id } as const;
  });
}

export type ResendResult =
  | { kind: 'resent' }
  | { kind: 'not_found' }
  /** They chose a password already, or sign in through the identity provider. */
  | { kind: 'not_invited' }
  | { kind: 'deactivated' };

/**
 * Sends a new invitation (a new single-use link, valid `INVITATION_TTL_MS`) to someone who
 * has not chosen a password yet, for a mail that got lost or a link that expired. The links of
 * earlier mails stop working at once. The mail is in the language of the previous invitation
 * unless `lang` says otherwise.
 *
 * @example
 * await resendInvitation(db, { organisationId, staffUserId, actorId: admin.id, now })
 */
export async function resendInvitation(
  db: Db,
  input: { organisationId: string; staffUserId: string; actorId: string; lang?: Locale | undefined; now: Date },
): Promise<ResendResult> {
  return db.transaction(async (tx) => {
    // Locked: an invitation accepted at this moment and a resend do not cross.
    const [user] = await tx
      .select({
        email: staffUsers.email,
        displayName: staffUsers.displayName,
        passwordHash: staffUsers.passwordHash,
        oidcSubject: staffUsers.oidcSubject,
        disabledAt: staffUsers.disabledAt,
      })
      .from(staffUsers)
      .where(and(eq(staffUsers.id, input.staffUserId), eq(staffUsers.organisationId, input.organisationId)))
      .limit(1)
      .for('update');
    if (!user) return { kind: 'not_found' } as const;
    if (user.passwordHash !== null || user.oidcSubject !== null) return { kind: 'not_invited' } as const;
    if (user.disabledAt) return { kind: 'deactivated' } as const;
    const revoked = await tx
      .update(staffInvitations)
      .set({ expiresAt: input.now })
      .where(
        and(
          eq(staffInvitations.staffUserId, input.staffUserId),
          isNull(staffInvitations.usedAt),
          gt(staffInvitations.expiresAt, input.now),
        ),
      )
      .returning({ id: staffInvitations.id });
    const [previous] = await tx
      .select({ locale: outboxMessages.locale })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.staffUserId, input.staffUserId), eq(outboxMessages.kind, 'staff.invitation')))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(1);
    const lang: Locale = input.lang ?? (previous?.locale === 'en' ? 'en' : 'nl');
    await queueInvitation(
      tx,
      {
        staffUserId: input.staffUserId,
        organisationId: input.organisationId,
        email: user.email,
        displayName: user.displayName,
      },
      { lang, now: input.now },
    );
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actorType: 'staff',
      actorId: input.actorId,
      action: 'staff.invitation_resent',
      subjectType: 'staff_user',
      subjectId: input.staffUserId,
      details: { earlierLinksStopped: revoked.length },
    });
    return { kind: 'resent' } as const;
  });
}

async function queueInvitation(
  tx: Tx,
  person: { staffUserId: string; organisationId: string; email: string; displayName: string },
  input: { lang: Locale; now: Date },
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(staffInvitations).values({
    staffUserId: person.staffUserId,
    tokenHash: hashToken(token),
    expiresAt: new Date(input.now.getTime() + INVITATION_TTL_MS),
    createdAt: input.now,
  });
  const m = textsFor(colleagueTexts, input.lang);
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, person.organisationId))
    .limit(1);
  const mail = renderMail({
    lang: input.lang,
    subject: m.mail.subject,
    heading: m.mail.subject,
    blocks: [
      { kind: 'text', text: m.mail.greeting(person.displayName) },
      { kind: 'text', text: m.mail.body(org?.name ?? '') },
      { kind: 'link', href: `${mailPublicUrl()}${invitationPath(input.lang)}?token=${token}`, text: m.mail.link },
      { kind: 'text', text: m.mail.expires },
    ],
    footer: [{ kind: 'text', text: m.mail.footer }],
  });
  await enqueueMail(
    tx,
    {
      organisationId: person.organisationId,
      staffUserId: person.staffUserId,
      recipient: person.email,
      kind: 'staff.invitation',
      locale: input.lang,
      ...mail,
    },
    input.now,
  );
}

async function departmentsBelong(db: Db | Tx, organisationId: string, roles: readonly RoleGrant[]): Promise<boolean> {
  const ids = [...new Set(roles.flatMap((g) => (g.departmentId ? [g.departmentId] : [])))];
  if (ids.length === 0) return true;
  const found = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), inArray(departments.id, ids)));
  return found.length === ids.length;
}

/** The person an invitation link is for, while it is unused and not expired. */
export async function findInvitation(
  db: Db | Tx,
  token: string,
  now: Date,
): Promise<{ id: string; staffUserId: string; email: string; displayName: string } | undefined> {
  const [row] = await db
    .select({
      id: staffInvitations.id,
      staffUserId: staffUsers.id,
      email: staffUsers.email,
      displayName: staffUsers.displayName,
    })
    .from(staffInvitations)
    .innerJoin(staffUsers, eq(staffUsers.id, staffInvitations.staffUserId))
    .where(
      and(
        eq(staffInvitations.tokenHash, hashToken(token)),
        isNull(staffInvitations.usedAt),
        gt(staffInvitations.expiresAt, now),
        isNull(staffUsers.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

export type AcceptResult =
  | { kind: 'accepted'; staffUserId: string; email: string }
  | { kind: 'invalid_token' }
  | { kind: 'weak'; problem: PasswordProblem };

/** Sets the password an invitation asked for; the link then opens nothing any more. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string; now: Date },
): Promise<AcceptResult> {
  const weak = checkPasswordStrength(input.password);
  if (weak) return { kind: 'weak', problem: weak };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const invitation = await findInvitation(tx, input.token, input.now);
    if (!invitation) return { kind: 'invalid_token' } as const;
    // The conditional update is the single use: of two posts with one link, one finds it used.
    const used = await tx
      .update(staffInvitations)
      .set({ usedAt: input.now })
      .where(and(eq(staffInvitations.id, invitation.id), isNull(staffInvitations.usedAt)))
      .returning({ id: staffInvitations.id });
    if (used.length === 0) return { kind: 'invalid_token' } as const;
    const [user] = await tx
      .update(staffUsers)
      .set({ passwordHash, version: sql`${staffUsers.version} + 1` })
      .where(eq(staffUsers.id, invitation.staffUserId))
      .returning({ organisationId: staffUsers.organisationId });
    await recordAudit(tx, {
      organisationId: user!.organisationId,
      actorType: 'staff',
      actorId: invitation.staffUserId,
      action: 'staff.invitation_accepted',
      subjectType: 'staff_user',
      subjectId: invitation.staffUserId,
    });
    return { kind: 'accepted', staffUserId: invitation.staffUserId, email: invitation.email } as const;
  });
}

export type ChangeResult =
  | { kind: 'changed' }
  | { kind: 'not_found' }
  | { kind: 'stale'; version: number }
  | { kind: 'last_administrator' }
  | { kind: 'invalid'; problem: 'role_required' | 'unknown_department' };

type Change = {
  organisationId: string;
  staffUserId: string;
  expectedVersion: number;
  actorId: string;
  now: Date;
};

/** Replaces someone's roles (per department for department members). */
export async function setColleagueRoles(db: Db, change: Change & { roles: RoleGrant[] }): Promise<ChangeResult> {
  if (change.roles.length === 0) return { kind: 'invalid', problem: 'role_required' };
  if (!(await departmentsBelong(db, change.organisationId, change.roles)))
    return { kind: 'invalid', problem: 'unknown_department' };
  return db.transaction(async (tx) => {
    const target = await lockedTarget(tx, change);
    if (target.kind !== 'found') return target.result;
    const before = await grantsOf(tx, change.staffUserId);
    const keepsAdmin = change.roles.some((g) => g.role === 'administrator');
    if (!keepsAdmin && !target.user.disabledAt && before.some((g) => g.role === 'administrator')) {
      if (!(await anotherActiveAdministrator(tx, change.organisationId, change.staffUserId)))
        return { kind: 'last_administrator' } as const;
    }
    await tx.delete(staffRoles).where(eq(staffRoles.staffUserId, change.staffUserId));
    await tx.insert(staffRoles).values(change.roles.map((grant) => ({ staffUserId: change.staffUserId, ...grant })));
    await bumpVersion(tx, change.staffUserId);
    await recordAudit(tx, {
      organisationId: change.organisationId,
      actorType: 'staff',
      actorId: change.actorId,
      action: 'staff.roles_changed',
      subjectType: 'staff_user',
      subjectId: change.staffUserId,
      details: { before: before.map((g) => g.role), after: change.roles.map((g) => g.role) },
    });
    return { kind: 'changed' } as const;
  });
}

/** Deactivates (their sessions end now) or reactivates someone. */
export async function setColleagueActive(db: Db, change: Change & { active: boolean }): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const target = await lockedTarget(tx, change);
    if (target.kind !== 'found') return target.result;
    if (!change.active === !!target.user.disabledAt) return { kind: 'changed' } as const;
    if (!change.active) {
      const isAdmin = (await grantsOf(tx, change.staffUserId)).some((g) => g.role === 'administrator');
      if (isAdmin && !(await anotherActiveAdministrator(tx, change.organisationId, change.staffUserId)))
        return { kind: 'last_administrator' } as const;
      await tx.delete(staffSessions).where(eq(staffSessions.staffUserId, change.staffUserId));
    }
    await tx
      .update(staffUsers)
      .set({ disabledAt: change.active ? null : change.now, version: sql`${staffUsers.version} + 1` })
      .where(eq(staffUsers.id, change.staffUserId));
    await recordAudit(tx, {
      organisationId: change.organisationId,
      actorType: 'staff',
      actorId: change.actorId,
      action: change.active ? 'staff.reactivated' : 'staff.deactivated',
      subjectType: 'staff_user',
      subjectId: change.staffUserId,
    });
    return { kind: 'changed' } as const;
  });
}

async function lockedTarget(
  tx: Tx,
  change: Change,
): Promise<
  { kind: 'found'; user: { version: number; disabledAt: Date | null } } | { kind: 'refused'; result: ChangeResult }
> {
  // One administrator change at a time per organisation: the last-administrator check holds.
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, change.organisationId))
    .for('update');
  const [user] = await tx
    .select({ version: staffUsers.version, disabledAt: staffUsers.disabledAt })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, change.staffUserId), eq(staffUsers.organisationId, change.organisationId)))
    .limit(1);
  if (!user) return { kind: 'refused', result: { kind: 'not_found' } };
  if (user.version !== change.expectedVersion)
    return { kind: 'refused', result: { kind: 'stale', version: user.version } };
  return { kind: 'found', user };
}

async function grantsOf(tx: Tx, staffUserId: string): Promise<RoleGrant[]> {
  return tx
    .select({ role: staffRoles.role, departmentId: staffRoles.departmentId })
    .from(staffRoles)
    .where(eq(staffRoles.staffUserId, staffUserId));
}

async function anotherActiveAdministrator(tx: Tx, organisationId: string, exceptId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.staffUserId, staffUsers.id))
    .where(
      and(
        eq(staffUsers.organisationId, organisationId),
        ne(staffUsers.id, exceptId),
        isNull(staffUsers.disabledAt),
        // Someone still invited cannot log in yet: they do not keep the workbench administered.
        or(isNotNull(staffUsers.passwordHash), isNotNull(staffUsers.oidcSubject)),
        eq(staffRoles.role, 'administrator' satisfies StaffRole),
      ),
    )
    .limit(1);
  return !!row;
}

async function bumpVersion(tx: Tx, staffUserId: string): Promise<void> {
  await tx
    .update(staffUsers)
    .set({ version: sql`${staffUsers.version} + 1` })
    .where(eq(staffUsers.id, staffUserId));
}
