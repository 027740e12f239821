/** The audit-log viewer's filter, checked at the edge: every bad value is named, none ignored. */
import { z } from 'zod';
import { truncateText, wellFormed } from '../../shared/contracts/text.ts';
import type { AuditFilter } from './audit-log.ts';
import { isCalendarDate } from './insights/weeks.ts';

export type AuditFilterError = {
  field: 'actor' | 'action' | 'subject' | 'from' | 'to' | 'page';
  code: 'actor' | 'action' | 'subject' | 'from' | 'to' | 'order' | 'page';
};

export type RawAuditFilter = Partial<Record<'actor' | 'action' | 'subject' | 'from' | 'to' | 'page', string>>;

const Page = z.coerce.number().int().min(1).max(1_000_000);

export function rawAuditFilter(query: Record<string, string | undefined>): RawAuditFilter {
  const out: RawAuditFilter = {};
  for (const name of ['actor', 'action', 'subject', 'from', 'to', 'page'] as const) {
    const value = query[name] === undefined ? undefined : wellFormed(query[name]).trim();
    if (value) out[name] = truncateText(value, 300);
  }
  return out;
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
  if (raw.from && !isCalendarDate(raw.from)) errors.push({ field: 'from', code: 'from' });
  if (raw.to && !isCalendarDate(raw.to)) errors.push({ field: 'to', code: 'to' });
  if (raw.from && raw.to && isCalendarDate(raw.from) && isCalendarDate(raw.to) && raw.from > raw.to)
    errors.push({ field: 'from', code: 'order' });
  const page = Page.safeParse(raw.page ?? '1');
  if (!page.success) errors.push({ field: 'page', code: 'page' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    filter: { actor: raw.actor, action: raw.action, subject: raw.subject, from: raw.from, to: raw.to },
    page: page.data!,
  };
}
