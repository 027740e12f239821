/**
 * Staff corrections of the automatic themes (table `theme_corrections`): a theme renamed,
 * merged into another, or both. Kept per organisation and theme key, applied by
 * `themesPerTopic` (figures.ts) whenever the insights compute themes. Saving with nothing
 * to correct removes the correction, so the automatic theme comes back.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { themeCorrections, type LocalizedText } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';

export type ThemeCorrection = { label: LocalizedText | null; mergeInto: string | null };
export type ThemeCorrections = ReadonlyMap<string, ThemeCorrection>;
export type StoredThemeCorrection = ThemeCorrection & { themeKey: string; version: number };

/** A theme key as the clustering makes them ("c:bike+c:path", "s:bankj"): no spaces, short. */
export const THEME_KEY = /^[\p{Ll}\p{N}:+_-]{1,200}$/u;

export async function loadThemeCorrections(db: Db, organisationId: string): Promise<Map<string, ThemeCorrection>> {
  const rows = await db
    .select({
      themeKey: themeCorrections.themeKey,
      label: themeCorrections.label,
      mergeInto: themeCorrections.mergeInto,
    })
    .from(themeCorrections)
    .where(eq(themeCorrections.organisationId, organisationId));
  return new Map(rows.map((row) => [row.themeKey, { label: row.label, mergeInto: row.mergeInto }]));
}

export async function findThemeCorrection(
  db: Db,
  organisationId: string,
  themeKey: string,
): Promise<StoredThemeCorrection | undefined> {
  const [row] = await db
    .select()
    .from(themeCorrections)
    .where(and(eq(themeCorrections.organisationId, organisationId), eq(themeCorrections.themeKey, themeKey)))
    .limit(1);
  return row && { themeKey: row.themeKey, label: row.label, mergeInto: row.mergeInto, version: row.version };
}

/**
 * Where a theme ends up after merges (following chains), or null when following them leads
 * back to where it started: such a merge is refused when saved.
 */
export function mergeTarget(key: string, corrections: ThemeCorrections): string | null {
  const seen = new Set([key]);
  let current = key;
  for (;;) {
    const next = corrections.get(current)?.mergeInto;
    if (!next) return current;
    if (seen.has(next)) return null;
    seen.add(next);
    current = next;
  }
}

export type SaveThemeCorrection = { kind: 'saved' | 'removed' | 'unchanged' } | { kind: 'stale' } | { kind: 'cycle' };

/**
 * Saves (or with neither label nor merge, removes) the correction of one theme. `version` is
 * the version the form was shown with (0: there was none); another is refused as stale.
 */
export async function saveThemeCorrection(
  db: Db,
  params: {
    organisationId: string;
    actorId: string;
    themeKey: string;
    version: number;
    label: LocalizedText | null;
    mergeInto: string | null;
    now: Date;
  },
): Promise<SaveThemeCorrection> {
  const { organisationId, themeKey, now } = params;
  return db.transaction(async (tx) => {
    const corrections = await loadThemeCorrections(tx as unknown as Db, organisationId);
    const [old] = await tx
      .select()
      .from(themeCorrections)
      .where(and(eq(themeCorrections.organisationId, organisationId), eq(themeCorrections.themeKey, themeKey)))
      .for('update')
      .limit(1);
    if ((old?.version ?? 0) !== params.version) return { kind: 'stale' as const };
    if (params.mergeInto) {
      corrections.set(themeKey, { label: params.label, mergeInto: params.mergeInto });
      if (mergeTarget(themeKey, corrections) === null) return { kind: 'cycle' as const };
    }
    const before = old ? { label: old.label, mergeInto: old.mergeInto } : null;
    const after = params.label || params.mergeInto ? { label: params.label, mergeInto: params.mergeInto } : null;
    if (JSON.stringify(before) === JSON.stringify(after)) return { kind: 'unchanged' as const };
    if (!after) {
      await tx.delete(themeCorrections).where(eq(themeCorrections.id, old!.id));
    } else if (old) {
      await tx
        .update(themeCorrections)
        .set({ ...after, version: old.version + 1, updatedBy: params.actorId, updatedAt: now })
        .where(eq(themeCorrections.id, old.id));
    } else {
      await tx.insert(themeCorrections).values({
        organisationId,
        themeKey,
        ...after,
        updatedBy: params.actorId,
        createdAt: now,
        updatedAt: now,
      });
    }
    await recordAudit(tx, {
      organisationId,
      actorType: 'staff',
      actorId: params.actorId,
      at: now,
      action: 'insights.theme_corrected',
      subjectType: 'theme',
      subjectId: themeKey,
      details: { before, after },
    });
    return { kind: after ? ('saved' as const) : ('removed' as const) };
  });
}
