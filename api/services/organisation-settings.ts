/**
 * The organisation's settings as an administrator maintains them: its name in Dutch and
 * English, its logo with the logo's alternative text, how residents of mirrored threads are
 * shown (`social_author_display`, read by social/public-mirror.ts) and whether the
 * municipality's own posts in mirrored threads are published without a moderator
 * (`social_auto_publish`, read by social/review-on-arrival.ts), the house colours (theme
 * tokens, shared/theme.ts) and the languages the portal offers.
 *
 * The colours are refused when they do not reach WCAG 2.2 contrast (text 4.5:1, the focus ring
 * 3:1): a municipality's house style must not make the portal inaccessible. The languages
 * are a list so a later language fits; Dutch is always in it.
 *
 * Every save is one transaction on `organisations.settings_version` (`UPDATE … WHERE
 * settings_version = expected`): a save made on an older page is refused with who changed
 * what since, the audit log holds the part before and after, and the portal is marked for a
 * rebuild (its header shows the name and the logo, the mirrors the residents' names).
 *
 * Logos are PNG or JPEG, recognised by their bytes, never by the name or type the browser
 * sends. SVG is refused rather than sanitised: an SVG is a document that can carry scripts,
 * event handlers, external references and CSS, and a sanitiser has to keep up with every
 * way a browser interprets it (sanitize-html is an HTML sanitiser, not an SVG one). A
 * municipality's house style always has the logo as PNG too, and refusing costs it one export.
 * What is stored is the image without its metadata (image-metadata.ts).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  organisationLogos,
  organisations,
  type LocalizedText,
  type SocialAuthorDisplay,
  type SocialAutoPublish,
} from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { markContentChanged } from './content-revision.ts';
import { changesSinceVersion } from './audit-log.ts';
import { acceptImage, type ImageType } from './image-facts.ts';
import type { Locale } from '../../shared/contracts/public-content.ts';
import {
  contrastProblems,
  DEFAULT_THEME,
  HEX_COLOUR,
  sameTheme,
  THEME_TOKENS,
  type ContrastProblem,
  type ThemeTokens,
} from '../../shared/theme.ts';

export const AUTHOR_DISPLAYS: readonly SocialAuthorDisplay[] = ['pseudonym', 'initials', 'none'];
export const AUTO_PUBLISH: readonly SocialAutoPublish[] = ['own', 'official', 'none'];

/** The largest logo accepted, in bytes: a header logo needs far less. */
export const MAX_LOGO_BYTES = 256 * 1024;
/** The largest width or height accepted, in pixels. */
export const MAX_LOGO_SIDE = 4000;
export const MAX_NAME = 120;
export const MAX_ALT = 250;
/** The languages the portal can offer, Dutch first; Dutch cannot be switched off. */
export const LANGUAGES: readonly Locale[] = ['nl', 'en'];

export type OrganisationGeneral = {
  name: LocalizedText;
  authorDisplay: SocialAuthorDisplay;
  autoPublish: SocialAutoPublish;
};

export type LogoInfo = {
  /** Where Podium serves it: the address changes with the bytes, so it may be cached for good. */
  url: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
  alt: LocalizedText;
};

export type OrganisationSettings = {
  version: number;
  general: OrganisationGeneral;
  logo: LogoInfo | null;
  /** The house colours in force (the defaults when none were chosen). */
  theme: ThemeTokens;
  /** The languages the portal offers, Dutch first. */
  languages: Locale[];
};

export type OrganisationChange =
  | { kind: 'general'; general: OrganisationGeneral }
  /** A new logo (bytes as uploaded) with its alternative text, or only a new text for the one there is. */
  | { kind: 'logo'; bytes: Uint8Array | null; alt: LocalizedText }
  | { kind: 'remove_logo' }
  | { kind: 'theme'; theme: ThemeTokens }
  | { kind: 'languages'; languages: readonly Locale[] };

export type OrganisationPart = 'general' | 'logo' | 'logo_alt' | 'logo_removed' | 'theme' | 'languages';

export type OrganisationSaveResult =
  | { kind: 'saved'; version: number; part: OrganisationPart; changed: boolean }
  | { kind: 'stale'; version: number; changes: Array<{ by: string | null; at: Date; part: OrganisationPart }> }
  /** A new text, or removal, while there is no logo. */
  | { kind: 'no_logo' }
  | { kind: 'bad_logo'; problem: LogoProblem }
  /** Colours that are not `#rrggbb`, or that do not reach the contrast they need. */
  | { kind: 'bad_theme'; malformed: ThemeToken[]; contrast: ContrastProblem[] }
  /** A list without Dutch, or with a language Podium does not speak. */
  | { kind: 'bad_languages' };

type ThemeToken = keyof ThemeTokens;

export type LogoProblem = 'empty' | 'too_large' | 'svg' | 'type' | 'dimensions' | 'damaged';
type InspectedLogo = { mime: 'image/png' | 'image/jpeg'; width: number; height: number; bytes: Uint8Array };
const LOGO_TYPES: readonly ImageType[] = ['image/png', 'image/jpeg'];

const ORGANISATION_CHANGED = 'organisation.settings_changed';
const MAX_CHANGES = 5;

/** The address of a logo by its hash. */
export const logoUrl = (sha256: string, mime: string) =>
  `/api/organisation/logo/${sha256.slice(0, 32)}.${mime === 'image/png' ? 'png' : 'jpg'}`;

/**
 * What the bytes of an uploaded logo are: PNG or JPEG with their size in pixels and the bytes to
 * store (without their metadata, image-metadata.ts), or why not.
 *
 * @example
 * inspectLogo(pngBytes) // { mime: 'image/png', width: 240, height: 80, bytes }
 * inspectLogo(new TextEncoder().encode('<svg …')) // { problem: 'svg' }
 */
export function inspectLogo(bytes: Uint8Array): InspectedLogo | { problem: LogoProblem } {
  if (bytes.length === 0) return { problem: 'empty' };
  if (bytes.length > MAX_LOGO_BYTES) return { problem: 'too_large' };
  const image = acceptImage(bytes, { types: LOGO_TYPES, maxSide: MAX_LOGO_SIDE });
  if (!('refused' in image)) return image as InspectedLogo;
  if (image.refused !== 'type') return { problem: image.refused };
  // An SVG (or other XML) starts with markup, perhaps after a byte-order mark and white space.
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.slice(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<') && /<svg[\s>]/.test(head + new TextDecoder().decode(bytes.slice(1024, 8192)).toLowerCase()))
    return { problem: 'svg' };
  return { problem: 'type' };
}

export async function loadOrganisationSettings(db: Db, organisationId: string): Promise<OrganisationSettings> {
  const [org] = await db
    .select({
      version: organisations.settingsVersion,
      name: organisations.name,
      nameEn: organisations.nameEn,
      authorDisplay: organisations.socialAuthorDisplay,
      autoPublish: organisations.socialAutoPublish,
      theme: organisations.theme,
      locales: organisations.locales,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org) throw new Error(`No organisation ${organisationId}`);
  return {
    version: org.version,
    general: {
      name: org.nameEn ? { nl: org.name, en: org.nameEn } : { nl: org.name },
      authorDisplay: org.authorDisplay,
      autoPublish: org.autoPublish,
    },
    logo: await loadLogoInfo(db, organisationId),
    theme: storedTheme(org.theme),
    languages: offeredLanguages(org.locales),
  };
}

/** The colours in force: what was stored, token by token, else the default. */
export function storedTheme(stored: Partial<ThemeTokens> | null): ThemeTokens {
  const theme = { ...DEFAULT_THEME };
  for (const token of THEME_TOKENS) {
    const value = stored?.[token];
    if (typeof value === 'string' && HEX_COLOUR.test(value)) theme[token] = value;
  }
  return theme;
}

/** The languages in the order Podium lists them, Dutch always. */
export function offeredLanguages(stored: readonly string[]): Locale[] {
  return LANGUAGES.filter((l) => l === 'nl' || stored.includes(l));
}

/** The colours and languages the widgets are told about (http/organisation-presentation.ts). */
export type OrganisationLooks = { theme: ThemeTokens; languages: Locale[] };

/**
 * How long a process keeps the organisation's looks before reading them again. Every public
 * JSON answer carries them, so reading them per answer cost a query per widget load; a
 * change saved through this process is seen at once (saveOrganisationChange forgets it),
 * one saved through another process within this time.
 */
export const LOOKS_KEPT_MS = 5_000;
const looksKept = new WeakMap<Db, { at: number; looks: Promise<OrganisationLooks> }>();

/** The (first, and only) organisation's colours and languages, kept for LOOKS_KEPT_MS. */
export function organisationLooks(db: Db, nowMs = Date.now()): Promise<OrganisationLooks> {
  const kept = looksKept.get(db);
  if (kept && nowMs - kept.at < LOOKS_KEPT_MS) return kept.looks;
  const looks = readLooks(db);
  const entry = { at: nowMs, looks };
  looksKept.set(db, entry);
  // A failed read is not kept: the next request asks again.
  looks.catch(() => looksKept.get(db) === entry && looksKept.delete(db));
  return looks;
}

async function readLooks(db: Db): Promise<OrganisationLooks> {
  const [org] = await db
    .select({ theme: organisations.theme, locales: organisations.locales })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return {
    theme: storedTheme(org?.theme ?? null),
    languages: offeredLanguages(org?.locales ?? ['nl', 'en']),
  };
}

/**
 * Why colours cannot be stored, or undefined when they can.
 *
 * @example
 * themeRefusal({ accent: '#ffcc00', onAccent: '#000000', focus: '#1b1b1b' })
 * // { kind: 'bad_theme', malformed: [], contrast: [{ token: 'accent', against: 'background', required: 4.5, ratio: 1.6… }] }
 */
export function themeRefusal(theme: ThemeTokens): Extract<OrganisationSaveResult, { kind: 'bad_theme' }> | undefined {
  const malformed = THEME_TOKENS.filter((t) => !HEX_COLOUR.test(theme[t]));
  if (malformed.length > 0) return { kind: 'bad_theme', malformed, contrast: [] };
  const contrast = contrastProblems(theme);
  return contrast.length > 0 ? { kind: 'bad_theme', malformed: [], contrast } : undefined;
}

export async function loadLogoInfo(db: Db, organisationId: string): Promise<LogoInfo | null> {
  const [logo] = await db
    .select({
      mime: organisationLogos.mime,
      sha256: organisationLogos.sha256,
      width: organisationLogos.width,
      height: organisationLogos.height,
      size: sql<number>`octet_length(${organisationLogos.bytes})::int`,
      alt: organisationLogos.alt,
    })
    .from(organisationLogos)
    .where(eq(organisationLogos.organisationId, organisationId));
  if (!logo) return null;
  return {
    url: logoUrl(logo.sha256, logo.mime),
    mime: logo.mime === 'image/png' ? 'image/png' : 'image/jpeg',
    width: logo.width,
    height: logo.height,
    size: Number(logo.size),
    alt: logo.alt,
  };
}

/** The logo's bytes, when `name` (`<hash>.<ext>`, as in `logoUrl`) is the current one's. */
export async function logoByName(db: Db, name: string): Promise<{ bytes: Uint8Array; mime: string } | undefined> {
  const match = /^([0-9a-f]{32})\.(png|jpg)$/.exec(name);
  if (!match) return undefined;
  const [row] = await db
    .select({ bytes: organisationLogos.bytes, mime: organisationLogos.mime })
    .from(organisationLogos)
    .where(sql`left(${organisationLogos.sha256}, 32) = ${match[1]}`)
    .limit(1);
  if (!row || (row.mime === 'image/png') !== (match[2] === 'png')) return undefined;
  return row;
}

class Refusal extends Error {
  readonly result: OrganisationSaveResult;
  constructor(result: OrganisationSaveResult) {
    super(result.kind);
    this.result = result;
  }
}
class Stale extends Error {}

const sameText = (a: LocalizedText, b: LocalizedText) => a.nl === b.nl && (a.en ?? '') === (b.en ?? '');

export async function saveOrganisationChange(
  db: Db,
  params: { organisationId: string; actorId: string; expectedVersion: number; change: OrganisationChange; now: Date },
): Promise<OrganisationSaveResult> {
  const { organisationId, change, now } = params;
  // The bytes are checked before anything is locked.
  const inspected = change.kind === 'logo' && change.bytes ? inspectLogo(change.bytes) : undefined;
  if (inspected && 'problem' in inspected) return { kind: 'bad_logo', problem: inspected.problem };
  if (change.kind === 'theme') {
    const refusal = themeRefusal(change.theme);
    if (refusal) return refusal;
  }
  if (
    change.kind === 'languages' &&
    (!change.languages.includes('nl') || change.languages.some((l) => !LANGUAGES.includes(l)))
  )
    return { kind: 'bad_languages' };
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .update(organisations)
        .set({ settingsVersion: sql`${organisations.settingsVersion} + 1` })
        .where(and(eq(organisations.id, organisationId), eq(organisations.settingsVersion, params.expectedVersion)))
        .returning({
          version: organisations.settingsVersion,
          name: organisations.name,
          nameEn: organisations.nameEn,
          authorDisplay: organisations.socialAuthorDisplay,
          autoPublish: organisations.socialAutoPublish,
          theme: organisations.theme,
          locales: organisations.locales,
        });
      if (!org) throw new Stale();
      const [logo] = await tx
        .select({ sha256: organisationLogos.sha256, mime: organisationLogos.mime, alt: organisationLogos.alt })
        .from(organisationLogos)
        .where(eq(organisationLogos.organisationId, organisationId));
      const unchanged = (part: OrganisationPart) =>
        new Refusal({ kind: 'saved', version: params.expectedVersion, part, changed: false });
      const done = async (part: OrganisationPart, before: unknown, after: unknown) => {
        await recordAudit(tx, {
          organisationId,
          actorType: 'staff',
          actorId: params.actorId,
          at: now,
          action: ORGANISATION_CHANGED,
          subjectType: 'organisation',
          subjectId: organisationId,
          details: { version: org.version, part, before, after },
        });
        await markContentChanged(tx);
        return { kind: 'saved', version: org.version, part, changed: true } as const;
      };

      switch (change.kind) {
        case 'general': {
          const before: OrganisationGeneral = {
            name: org.nameEn ? { nl: org.name, en: org.nameEn } : { nl: org.name },
            authorDisplay: org.authorDisplay,
            autoPublish: org.autoPublish,
          };
          const after = change.general;
          if (
            sameText(before.name, after.name) &&
            before.authorDisplay === after.authorDisplay &&
            before.autoPublish === after.autoPublish
          )
            throw unchanged('general');
          await tx
            .update(organisations)
            .set({
              name: after.name.nl,
              nameEn: after.name.en ?? null,
              socialAuthorDisplay: after.authorDisplay,
              socialAutoPublish: after.autoPublish,
              updatedAt: now,
            })
            .where(eq(organisations.id, organisationId));
          return await done('general', before, after);
        }
        case 'logo': {
          if (!change.bytes) {
            if (!logo) throw new Refusal({ kind: 'no_logo' });
            if (sameText(logo.alt, change.alt)) throw unchanged('logo_alt');
            await tx
              .update(organisationLogos)
              .set({ alt: change.alt, updatedAt: now })
              .where(eq(organisationLogos.organisationId, organisationId));
            return await done('logo_alt', { alt: logo.alt }, { alt: change.alt });
          }
          const image = inspected as InspectedLogo;
          const sha256 = createHash('sha256').update(image.bytes).digest('hex');
          if (logo && logo.sha256 === sha256 && sameText(logo.alt, change.alt)) throw unchanged('logo');
          const row = { mime: image.mime, bytes: image.bytes, sha256, width: image.width, height: image.height };
          await tx
            .insert(organisationLogos)
            .values({ organisationId, ...row, alt: change.alt, updatedAt: now })
            .onConflictDoUpdate({
              target: organisationLogos.organisationId,
              set: { ...row, alt: change.alt, updatedAt: now },
            });
          // The audit entry names the images by their hash; the bytes themselves stay out of the log.
          return await done('logo', logo ? { sha256: logo.sha256, mime: logo.mime, alt: logo.alt } : null, {
            sha256,
            mime: image.mime,
            width: image.width,
            height: image.height,
            bytes: image.bytes.length,
            alt: change.alt,
          });
        }
        case 'remove_logo': {
          if (!logo) throw new Refusal({ kind: 'no_logo' });
          await tx.delete(organisationLogos).where(eq(organisationLogos.organisationId, organisationId));
          return await done('logo_removed', { sha256: logo.sha256, mime: logo.mime, alt: logo.alt }, null);
        }
        case 'theme': {
          const before = storedTheme(org.theme);
          const after = change.theme;
          if (sameTheme(before, after)) throw unchanged('theme');
          // The defaults are stored as none, so Podium's own colours follow a later change of them.
          const theme = sameTheme(after, DEFAULT_THEME) ? null : { ...after };
          await tx.update(organisations).set({ theme, updatedAt: now }).where(eq(organisations.id, organisationId));
          return await done('theme', before, after);
        }
        case 'languages': {
          const before = offeredLanguages(org.locales);
          const after = offeredLanguages(change.languages);
          if (before.join() === after.join()) throw unchanged('languages');
          await tx
            .update(organisations)
            .set({ locales: after, updatedAt: now })
            .where(eq(organisations.id, organisationId));
          return await done('languages', before, after);
        }
      }
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (!(error instanceof Stale)) throw error;
    return stale(db, organisationId, params.expectedVersion);
  } finally {
    looksKept.delete(db);
  }
}

async function stale(db: Db, organisationId: string, expected: number): Promise<OrganisationSaveResult> {
  const [org] = await db
    .select({ version: organisations.settingsVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const rows = await changesSinceVersion(db, {
    organisationId,
    action: ORGANISATION_CHANGED,
    since: expected,
    limit: MAX_CHANGES,
  });
  return {
    kind: 'stale',
    version: org?.version ?? 1,
    changes: rows.map((row) => ({ by: row.by, at: row.at, part: row.details['part'] as OrganisationPart })),
  };
}
