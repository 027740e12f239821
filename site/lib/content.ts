/**
 * Queries the pages need, on top of the content collections (site/content.config.ts).
 * Only for Astro pages: it imports astro:content.
 */
import { getCollection } from 'astro:content';
import type {
  AccessibilityStatement,
  Consultation,
  HouseRule,
  Locale,
  Organisation,
  RetentionPeriod,
  TopicSummary,
} from '../../shared/contracts/public-content.ts';
import type { SocialThreadSummary } from '../../shared/contracts/social-thread.ts';
import { readSnapshot } from './snapshot.ts';

export async function getOrganisation(): Promise<Organisation> {
  const [entry] = await getCollection('organisation');
  if (!entry) throw new Error('The snapshot has no organisation.');
  return entry.data;
}

/** The organisation's name in a page's language: the English one where it has one. */
export function organisationName(organisation: Organisation, lang: Locale): string {
  return lang === 'en' && organisation.nameEn ? organisation.nameEn : organisation.name;
}

export async function getTopics(): Promise<TopicSummary[]> {
  return (await getCollection('topics')).map((entry) => entry.data);
}

export async function getConsultations(): Promise<Consultation[]> {
  return (await getCollection('consultations')).map((entry) => entry.data);
}

/** How much input is published on a consultation (the input itself is served by the API). */
export async function getResponseCount(slug: string): Promise<number> {
  return (await readSnapshot()).responseCounts[slug] ?? 0;
}

/**
 * House rules in the order the municipality gave them. Read from the snapshot itself: a
 * collection would sort them by key.
 */
export async function getHouseRules(): Promise<HouseRule[]> {
  return (await readSnapshot()).houseRules;
}

/** Mirrored social threads, counted and dated; their posts are served into the pages. */
export async function getThreads(): Promise<SocialThreadSummary[]> {
  return (await readSnapshot()).threads;
}

/** The organisation's retention periods, for the privacy statement. */
export async function getRetentionPeriods(): Promise<RetentionPeriod[]> {
  return (await readSnapshot()).retention;
}

export async function getAccessibilityStatement(): Promise<AccessibilityStatement | null> {
  return (await readSnapshot()).accessibilityStatement;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : 0);
const byClosingSoonest = (a: Consultation, b: Consultation) => ms(a.closesAt) - ms(b.closesAt);
const byClosedLatest = (a: Consultation, b: Consultation) => ms(b.closesAt) - ms(a.closesAt);

/** Open consultations first (closing soonest first), then upcoming, then closed and decided ones. */
export function sortConsultations(consultations: readonly Consultation[]): {
  open: Consultation[];
  upcoming: Consultation[];
  earlier: Consultation[];
} {
  return {
    open: consultations.filter((c) => c.status === 'open').sort(byClosingSoonest),
    upcoming: consultations.filter((c) => c.status === 'upcoming').sort((a, b) => ms(a.opensAt) - ms(b.opensAt)),
    earlier: consultations.filter((c) => c.status === 'closed' || c.status === 'decided').sort(byClosedLatest),
  };
}
