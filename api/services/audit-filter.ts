/** The audit-log viewer's filter, checked at the edge: every bad value is named, none ignored. */
import { z } from 'zod';
import type { AuditFilter } from './audit-log.ts';
import { periodErrors, rawQuery } from './filter-query.ts';

export type AuditFilterError = {
  field: 'actor' | 'action' | 'subject' | 'from' | 'to' | 'page';
  code: 'actor' | 'action' | 'subject' | 'from' | 'to' | 'order' | 'span' | 'page';
};

export type RawAuditFilter = Partial<Record<'actor' | 'action' | 'subject' | 'from' | 'to' | 'page', string>>;

const Page = z.coerce.number().int().min(1).max(1_000_000);

export function rawAuditFilter(query: Record<string, string | undefined>): RawAuditFilter {
  return rawQuery(query, { actor: 300, action: 300, subject: 300, from: 300, to: 300, page: 300 });
}

export function parseAuditFilter(
  raw: RawAuditFilter,
  staffIds: readonly string[],
): { ok: true; filter: AuditFilter; page: number } | { ok: false; errors: AuditFilterError[] } {
  const errors: AuditFilterError[] = [];
  if (raw.actor && raw.actor !== 'system' && raw.actor !== 'resident' && !staffIds.includes(raw.actor))
    errors.push({ field: 'actor', code: 'actor' });
  if (raw.action && raw.action.length > 100) errors.push({ field: 'action', code: 'action' });
  if (raw.subject && raw.subject.length > 200) errors.push({ field: 'subject', code: 'subject' });
  errors.push(...periodErrors(raw.from, raw.to));
  const page = Page.safeParse(raw.page ?? '1');
  if (!page.success) errors.push({ field: 'page', code: 'page' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    filter: { actor: raw.actor, action: raw.action, subject: raw.subject, from: raw.from, to: raw.to },
    page: page.data!,
  };
}
