/**
 * The audit log as sentences, Dutch first: one sentence for every action in
 * services/audit-actions.ts (the type makes a missing one a compile error). `{actor}` and
 * `{item}` mark where the view puts who did it and what it was done to (with links); the
 * rest is plain text from the entry's details, which hold ids, counts and codes only.
 */
import type { AuditAction } from '../../services/audit-actions.ts';
import type { GuidelineField } from '../../services/channel-guideline-settings.ts';

/** What a sentence may use of the entry. */
export type SentenceInput = { details: Record<string, unknown>; subjectType: string; subjectId: string | null };
export type Sentence = (entry: SentenceInput) => string;

const num = (d: Record<string, unknown>, key: string): number => (typeof d[key] === 'number' ? (d[key] as number) : 0);
const str = (d: Record<string, unknown>, key: string): string => (typeof d[key] === 'string' ? (d[key] as string) : '');

/** What a theme correction's `after` says: its name and/or the theme it was merged into. */
const themeAfter = (d: Record<string, unknown>): { name: string; into: string } | null => {
  const after = d['after'];
  if (!after || typeof after !== 'object') return null;
  const a = after as { label?: { nl?: unknown } | null; mergeInto?: unknown };
  return {
    name: typeof a.label?.nl === 'string' ? a.label.nl : '',
    into: typeof a.mergeInto === 'string' ? a.mergeInto : '',
  };
};
const obj = (d: Record<string, unknown>, key: string): Record<string, unknown> =>
  d[key] && typeof d[key] === 'object' ? (d[key] as Record<string, unknown>) : {};
/** A department's name in English where it has one, else in Dutch. */
const deptName = (name: Record<string, unknown>): string => str(name, 'en') || str(name, 'nl');
const title = (d: Record<string, unknown>, key: 'before' | 'after') => str(obj(d, key), 'title');
const ruleTitle = (d: Record<string, unknown>, lang: 'nl' | 'en'): string => {
  const t = obj(d, 'title');
  return str(t, lang) || str(t, 'nl') || str(d, 'code');
};
/** The parts of a channel's guidelines, as a save names them (services/channel-guideline-settings.ts). */
export const NL_GUIDELINE_FIELDS: Record<GuidelineField, string> = {
  name: 'naam',
  repliesAllowed: 'reacties toegestaan',
  moderatedByDepartmentId: 'modererende afdeling',
  postingHours: 'plaatsingstijden',
  answersNeedApproval: 'goedkeuring van antwoorden',
  announcementsNeedApproval: 'goedkeuring van aankondigingen',
};
export const EN_GUIDELINE_FIELDS: Record<GuidelineField, string> = {
  name: 'name',
  repliesAllowed: 'replies allowed',
  moderatedByDepartmentId: 'moderating department',
  postingHours: 'posting hours',
  answersNeedApproval: 'approval of answers',
  announcementsNeedApproval: 'approval of announcements',
};
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** The parts of the office calendar a save changed, as a list in words. */
const calendarParts = (d: Record<string, unknown>, words: Record<string, string>, and: string): string => {
  const parts = (Array.isArray(d['parts']) ? (d['parts'] as unknown[]) : [])
    .map((part) => (typeof part === 'string' ? words[part] : undefined))
    .filter((word): word is string => word !== undefined);
  if (parts.length === 0) return '';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)!}`;
};
const NL_CALENDAR_PARTS = {
  hours: 'de openingstijden',
  holidays: 'de feestdagen',
  closed_days: 'de extra sluitingsdagen',
  promises: 'de reactietermijnen',
};
const EN_CALENDAR_PARTS = {
  hours: 'the opening hours',
  holidays: 'the holidays',
  closed_days: 'the extra closed days',
  promises: 'the response promises',
};
/** Listening before → after: on or off, with its terms. */
const listening = (d: Record<string, unknown>, lang: 'nl' | 'en') => {
  const side = (key: string) => {
    const v = (d[key] ?? {}) as { enabled?: unknown; terms?: unknown };
    const terms = Array.isArray(v.terms) ? v.terms.filter((t) => typeof t === 'string').join(', ') : '';
    const state = v.enabled ? (lang === 'nl' ? 'aan' : 'on') : lang === 'nl' ? 'uit' : 'off';
    return terms ? `${state} (${terms})` : state;
  };
  return `${side('before')} → ${side('after')}`;
};

const connectRefusal = (d: Record<string, unknown>, lang: 'nl' | 'en') => {
  const reasons = {
    nl: {
      expired: 'de toestemming kwam niet binnen 10 minuten terug, was al gebruikt of was onbekend',
      other_session: 'de toestemming hoorde bij een andere sessie',
      denied: 'er werd op de server geen toestemming gegeven',
      provider_error: 'de server stuurde een fout terug',
      token_error: 'de server wilde de toestemming niet omzetten in toegang',
      token_rejected: 'de server weigerde het token dat hij zelf gaf',
      unreachable: 'de server antwoordde niet',
      no_secret_key: 'de sleutel PODIUM_SECRET_KEY ontbreekt',
    },
    en: {
      expired: 'the permission did not come back within 10 minutes, was already used or was unknown',
      other_session: 'the permission belonged to another session',
      denied: 'permission was not given on the server',
      provider_error: 'the server sent an error back',
      token_error: 'the server would not turn the permission into access',
      token_rejected: 'the server refused the token it gave itself',
      unreachable: 'the server did not answer',
      no_secret_key: 'the key PODIUM_SECRET_KEY is missing',
    },
  }[lang] as Record<string, string>;
  return reasons[str(d, 'reason')] ?? str(d, 'reason');
};

const platformName = (d: Record<string, unknown>) => {
  const platform = str(d, 'platform');
  return (
    new Map([
      ['mastodon', 'Mastodon'],
      ['bluesky', 'Bluesky'],
      ['x', 'X'],
      ['facebook', 'Facebook'],
      ['instagram', 'Instagram'],
    ]).get(platform) ?? platform
  );
};

const fieldList = (d: Record<string, unknown>) =>
  Array.isArray(d.fields) && d.fields.length > 0 ? d.fields.join(', ') : '-';
const nlStages = new Map([
  ['draft', 'concept'],
  ['scheduled', 'gepland'],
  ['open', 'open'],
  ['closed', 'gesloten'],
  ['decided', 'uitkomst gepubliceerd'],
]);

const nlImageChanges = new Map([
  ['added', 'afbeelding toegevoegd'],
  ['replaced', 'afbeelding vervangen'],
  ['texts', 'tekst bij afbeelding gewijzigd'],
  ['moved', 'afbeelding verplaatst'],
  ['removed', 'afbeelding verwijderd'],
]);

const nlLabels = new Map([
  ['positive', 'positief'],
  ['neutral', 'neutraal'],
  ['negative', 'negatief'],
]);
const enLabels = new Map([
  ['positive', 'positive'],
  ['neutral', 'neutral'],
  ['negative', 'negative'],
]);

function nlDecision({ details: d }: SentenceInput): string {
  const rule = str(d, 'houseRule');
  switch (str(d, 'decision')) {
    case 'publish':
      return '{actor} publiceerde {item}';
    case 'reject':
      return rule ? `{actor} wees {item} af met huisregel ${rule}` : '{actor} wees {item} af';
    case 'needs_answer':
      return '{actor} publiceerde {item} en zette het klaar voor een antwoord';
    case 'escalate':
      return '{actor} escaleerde {item}';
    default:
      return '{actor} besliste over {item}';
  }
}

function enDecision({ details: d }: SentenceInput): string {
  const rule = str(d, 'houseRule');
  switch (str(d, 'decision')) {
    case 'publish':
      return '{actor} published {item}';
    case 'reject':
      return rule ? `{actor} rejected {item} citing house rule ${rule}` : '{actor} rejected {item}';
    case 'needs_answer':
      return '{actor} published {item} and marked it for an answer';
    case 'escalate':
      return '{actor} escalated {item}';
    default:
      return '{actor} decided on {item}';
  }
}

export const nl = {
  actor: {
    system: 'het systeem',
    resident: 'een inwoner',
    erasedStaff: 'een verwijderd account',
  },
  item: {
    submission: (ref: string) => `inbreng ${ref}`,
    social_post: (ref: string) => `bericht ${ref}`,
    on: 'op',
  },
  unknownAction: (action: string) => `{actor} deed ${action}`,
  /** The description of a person's name, which links to their entries. */
  actorEntries: 'Toont alle regels van deze persoon',
  sentences: {
    'announcement.approved': ({ details: d }) => `{actor} keurde de aankondiging „${str(d, 'title')}” goed`,
    'announcement.copy_recorded': ({ details: d }) =>
      `{actor} legde vast waar de aankondiging „${str(d, 'title')}” op ${str(d, 'platform')} staat: ${str(d, 'url')}`,
    'announcement.created': ({ details: d }) => `{actor} schreef de aankondiging „${str(d, 'title')}”`,
    'announcement.deleted': ({ details: d }) => `{actor} verwijderde de aankondiging „${str(d, 'title')}”`,
    'announcement.edit_posted': ({ details: d }) =>
      `{actor} paste de aankondiging aan op ${str(d, 'account')}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'announcement.edited': ({ details: d }) => `{actor} wijzigde de gepubliceerde aankondiging „${str(d, 'title')}”`,
    'announcement.post_failed': ({ details: d }) =>
      `{actor} kon de aankondiging niet plaatsen op ${str(d, 'account')}${str(d, 'reason') ? ` (${str(d, 'reason')})` : ''}`,
    'announcement.posted': ({ details: d }) =>
      `{actor} plaatste de aankondiging op ${str(d, 'account')}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'announcement.published': ({ details: d }) =>
      `{actor} publiceerde de aankondiging „${str(d, 'title')}” op het portaal`,
    'announcement.removed_from_platform': ({ details: d }) =>
      `{actor} haalde de aankondiging weg van ${str(d, 'account')}`,
    'announcement.scheduled': ({ details: d }) =>
      `{actor} plande de aankondiging „${str(d, 'title')}” in voor ${str(d, 'at')}`,
    'announcement.submitted': ({ details: d }) =>
      `{actor} legde de aankondiging „${str(d, 'title')}” ter goedkeuring voor (gepland op ${str(d, 'at')})`,
    'announcement.updated': ({ details: d }) => `{actor} bewerkte het concept van de aankondiging „${str(d, 'title')}”`,
    'audit.exported': ({ details: d }) =>
      `{actor} downloadde het auditlog als ${str(d, 'format').toUpperCase()} (${plural(num(d, 'entries'), 'regel', 'regels')})`,
    'consultation.created': ({ details: d }) => `{actor} maakte het concept van consultatie ${str(d, 'slug')}`,
    'topic.created': ({ details: d }) => `{actor} maakte onderwerp ${str(d, 'slug')}`,
    'topic.updated': ({ details: d }) =>
      `{actor} wijzigde onderwerp ${str(d, 'slug')} (versie ${num(d, 'version')}: ${fieldList(d)})`,
    'topic.moved': ({ details: d }) =>
      `{actor} zette onderwerp ${str(d, 'slug')} een plaats ${str(d, 'direction') === 'up' ? 'hoger' : 'lager'}`,
    'topic.removed': ({ details: d }) => `{actor} verwijderde onderwerp ${str(d, 'slug')}`,
    'consultation.updated': ({ details: d }) =>
      `{actor} wijzigde consultatie ${str(d, 'slug')} (versie ${num(d, 'version')}: ${fieldList(d)})`,
    'consultation.images_changed': ({ details: d }) =>
      `{actor} wijzigde de afbeeldingen van consultatie ${str(d, 'slug')} (versie ${num(d, 'version')}: ${nlImageChanges.get(str(d, 'change')) ?? str(d, 'change')})`,
    'consultation.stage_changed': ({ details: d }) =>
      `{actor} zette consultatie ${str(d, 'slug')} van ‘${nlStages.get(str(d, 'from')) ?? str(d, 'from')}’ naar ‘${nlStages.get(str(d, 'to')) ?? str(d, 'to')}’`,
    'consultation.outcome_published': ({ details: d }) =>
      `{actor} publiceerde de uitkomst van consultatie ${str(d, 'slug')} (${plural(num(d, 'mailed'), 'e-mail', 'e-mails')} aan insprekers)`,
    'email_link.sent': () => '{actor} vroeg een link per e-mail aan om eigen inbreng terug te vinden',
    'email_link.used': ({ details: d }) =>
      `{actor} opende een link uit een e-mail naar ${plural(num(d, 'submissions'), 'bijdrage', 'bijdragen')}`,
    'insights.exported': ({ details: d, subjectId }) =>
      `{actor} downloadde het inzicht ${subjectId ?? ''} als ${str(d, 'format').toUpperCase()}`,
    'insights.theme_corrected': ({ details: d, subjectId }) => {
      const after = themeAfter(d);
      if (!after) return `{actor} zette het thema ${subjectId ?? ''} terug naar de automatische indeling`;
      const parts = [after.name && `noemde het „${after.name}”`, after.into && `voegde het samen met ${after.into}`];
      return `{actor} corrigeerde het thema ${subjectId ?? ''}: ${parts.filter(Boolean).join(' en ')}`;
    },
    'mail.unsubscribed': ({ subjectType }) =>
      subjectType === 'submission'
        ? '{actor} meldde zich af voor e-mail over {item}'
        : '{actor} meldde zich af voor meldingen per e-mail',
    'accessibility_statement.changed': ({ details: d }) => {
      const n = num(d, 'position');
      const parts = new Map(
        Object.entries({
          general: 'wijzigde het algemene deel van de toegankelijkheidsverklaring',
          audit_added: 'voegde een onderzoek toe aan de toegankelijkheidsverklaring',
          audit_changed: `wijzigde onderzoek ${n} van de toegankelijkheidsverklaring`,
          audit_moved: `zette een onderzoek in de toegankelijkheidsverklaring op plaats ${n}`,
          audit_removed: `haalde onderzoek ${n} uit de toegankelijkheidsverklaring`,
          deviation_added: 'voegde een afwijking toe aan de toegankelijkheidsverklaring',
          deviation_changed: `wijzigde afwijking ${n} van de toegankelijkheidsverklaring`,
          deviation_moved: `zette een afwijking in de toegankelijkheidsverklaring op plaats ${n}`,
          deviation_removed: `haalde afwijking ${n} uit de toegankelijkheidsverklaring`,
        }),
      );
      return `{actor} ${parts.get(str(d, 'part')) ?? 'wijzigde de toegankelijkheidsverklaring'}`;
    },
    'channel_guideline.changed': ({ details: d }) => {
      const fields = Array.isArray(d['fields']) ? (d['fields'] as string[]) : [];
      const words = fields.map((f) =>
        Object.hasOwn(NL_GUIDELINE_FIELDS, f) ? NL_GUIDELINE_FIELDS[f as GuidelineField] : f,
      );
      return `{actor} wijzigde de richtlijnen van kanaal ‘${ruleTitle({ ...d, title: d['name'], code: d['key'] }, 'nl')}’${words.length > 0 ? `: ${words.join(', ')}` : ''}`;
    },
    'house_rule.changed': ({ details: d }) => {
      const rule = `‘${ruleTitle(d, 'nl')}’`;
      const after = obj(d, 'after');
      switch (str(d, 'action')) {
        case 'added':
          return `{actor} voegde huisregel ${rule} toe`;
        case 'moved':
          return `{actor} zette huisregel ${rule} op plaats ${num(after, 'position')}`;
        case 'retired':
          return `{actor} liet huisregel ${rule} vervallen`;
        case 'restored':
          return `{actor} liet huisregel ${rule} weer gelden`;
        default:
          return `{actor} wijzigde huisregel ${rule}`;
      }
    },
    'office_calendar.changed': ({ details: d }) => {
      const parts = calendarParts(d, NL_CALENDAR_PARTS, 'en');
      return parts
        ? `{actor} wijzigde ${parts} van de kantoorkalender`
        : '{actor} sloeg de kantoorkalender ongewijzigd op';
    },
    'personal_data.searched': ({ details: d }) =>
      `{actor} zocht persoonsgegevens op ${str(d, 'by') === 'handle' ? 'een account op sociale media' : 'een e-mailadres'} en vond ${plural(num(d, 'submissions'), 'bijdrage', 'bijdragen')} en ${plural(num(d, 'socialAuthors'), 'account', 'accounts')}`,
    'reply_template.created': ({ details: d }) => `{actor} maakte het antwoordsjabloon ‘${title(d, 'after')}’`,
    'reply_template.updated': ({ details: d }) => `{actor} wijzigde het antwoordsjabloon ‘${title(d, 'after')}’`,
    'reply_template.deleted': ({ details: d }) => `{actor} verwijderde het antwoordsjabloon ‘${title(d, 'before')}’`,
    'retention.policy_set': ({ details: d, subjectId }) =>
      `{actor} zette de bewaartermijn van ${subjectId ?? ''} op ${plural(num(d, 'days'), 'dag', 'dagen')}` +
      (typeof d.before === 'number' ? ` (was ${plural(d.before, 'dag', 'dagen')})` : ''),
    'retention.purged': ({ details: d }) => {
      const c = obj(d, 'counts');
      return `{actor} ruimde verlopen gegevens op: ${plural(num(c, 'contactDetails'), 'contactgegeven', 'contactgegevens')}, ${plural(num(c, 'inputTexts'), 'tekst', 'teksten')}, ${plural(num(c, 'socialPosts'), 'bericht', 'berichten')}, ${plural(num(c, 'socialAuthors'), 'account', 'accounts')}, ${plural(num(c, 'auditEntries'), 'logregel', 'logregels')} en ${plural(num(c, 'staffSessions'), 'sessie', 'sessies')}`;
    },
    'routing_rule.created': ({ details: d }) =>
      `{actor} maakte een routeringsregel${str(d, 'topic') ? ` voor onderwerp ${str(d, 'topic')}` : ''}${str(d, 'channel') ? ` en kanaal ${str(d, 'channel')}` : ''}`,
    'routing_rule.deleted': () => '{actor} verwijderde een routeringsregel',
    'seed.submission': () => '{actor} zette voorbeeldinbreng klaar: {item}',
    'sentiment.corrected': ({ details: d }) =>
      `{actor} corrigeerde het sentiment van {item} van ${nlLabels.get(str(d, 'from')) ?? 'onbekend'} naar ${nlLabels.get(str(d, 'to')) ?? 'onbekend'}`,
    'social_account.connected': ({ details: d }) =>
      `{actor} koppelde het account ${str(d, 'handle')} op ${platformName(d)} om antwoorden te plaatsen`,
    'social_account.connect_refused': ({ details: d }) =>
      `{actor} probeerde een account op ${platformName(d)} te koppelen${str(d, 'instance') ? ` via ${str(d, 'instance')}` : ''}, maar dat werd geweigerd: ${connectRefusal(d, 'nl')}`,
    'social_account.listening_changed': ({ details: d }) =>
      `{actor} wijzigde het luisteren voor ${str(d, 'handle')}: ${listening(d, 'nl')}`,
    'social_account.needs_attention': ({ details: d }) =>
      `{actor} zag dat ${platformName(d)} het wachtwoord of token van ${str(d, 'handle')} weigerde: het account moet opnieuw worden gekoppeld`,
    'social_account.replaced_token_not_revoked': ({ details: d }) =>
      `{actor} koppelde ${str(d, 'handle')} opnieuw, maar ${str(d, 'instance')} kon het vorige token niet intrekken: trek het daar in`,
    'social_account.revoked': ({ details: d }) =>
      `{actor} trok de koppeling met het account ${str(d, 'handle')} op ${platformName(d)} in`,
    'social_author.erased': ({ details: d }) =>
      `{actor} wiste een account op ${platformName(d)} en ${plural(num(d, 'posts'), 'bericht', 'berichten')} ervan`,
    'social_author.exported': ({ details: d }) =>
      `{actor} exporteerde de gegevens van een account op sociale media (${plural(num(d, 'posts'), 'bericht', 'berichten')})`,
    'social_media.described': ({ details: d }) => `{actor} beschreef afbeelding ${num(d, 'mediaIndex') + 1} van {item}`,
    'social_media.description_removed': ({ details: d }) =>
      `{actor} verwijderde de beschrijving van afbeelding ${num(d, 'mediaIndex') + 1} van {item}`,
    'social_post.answer_approved': ({ details: d }) =>
      `{actor} keurde het antwoord op {item} goed; het staat nu in de spiegel op het portaal${d['posting'] === true ? ' en wordt op het platform geplaatst' : ''}`,
    'social_post.answer_returned': ({ details: d }) =>
      `{actor} stuurde het antwoord op {item} terug naar de schrijver: „${str(d, 'note')}”`,
    'social_post.answer_submitted': () =>
      '{actor} schreef een antwoord op {item}, dat wacht op goedkeuring door een collega',
    'social_post.answered': () => '{actor} beantwoordde {item} in de spiegel op het portaal',
    'social_post.assigned': ({ details: d }) => {
      const after = obj(d, 'after');
      return after.staffUserId || after.departmentId
        ? '{actor} wees {item} toe'
        : '{actor} haalde de toewijzing van {item} weg';
    },
    'social_post.decision': nlDecision,
    'social_post.note': () => '{actor} schreef een notitie bij {item}',
    'social_post.post_failed': ({ details: d }) =>
      `{actor} kon het antwoord op {item} niet plaatsen als ${str(d, 'account') || 'het account van de gemeente'}${str(d, 'reason') ? ` (${str(d, 'reason')})` : ''}`,
    'social_post.posted': ({ details: d }) =>
      `{actor} plaatste het antwoord op {item} als ${str(d, 'account') || 'het account van de gemeente'}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'social_thread.deleted': ({ details: d }) =>
      `{actor} verwijderde een gespiegelde draad van ${platformName(d)} (${plural(num(d, 'posts'), 'bericht', 'berichten')})`,
    'social_thread.imported': ({ details: d }) =>
      `{actor} importeerde een draad van ${platformName(d)} (${plural(num(d, 'added'), 'nieuw bericht', 'nieuwe berichten')})`,
    'social_thread.reimported': ({ details: d }) =>
      `{actor} importeerde een draad van ${platformName(d)} opnieuw (${plural(num(d, 'added'), 'nieuw bericht', 'nieuwe berichten')}, ${plural(num(d, 'edited'), 'gewijzigd', 'gewijzigd')})`,
    'social_thread.removed_at_source': () => '{actor} haalde een draad weg die bij de bron verwijderd is',
    'social_thread.sync_requested': ({ details: d }) =>
      `{actor} liet een draad nu bijwerken van de bron (${str(d, 'result') === 'synced' ? 'gelukt' : str(d, 'result') === 'removed' ? 'bij de bron verwijderd' : 'niet gelukt'})`,
    'social_thread.synced': ({ details: d }) =>
      `{actor} werkte een draad bij van de bron (${plural(num(d, 'added'), 'nieuw bericht', 'nieuwe berichten')}, ${plural(num(d, 'edited'), 'gewijzigd', 'gewijzigd')}, ${plural(num(d, 'deleted'), 'verwijderd', 'verwijderd')})`,
    'staff.created': ({ details: d }) => {
      const roles = Array.isArray(d.roles) ? d.roles.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} maakte een account voor een medewerker${roles ? ` (rollen: ${roles})` : ''}`;
    },
    'api_key.created': () => '{actor} maakte een eigen API-sleutel aan',
    'api_key.revoked': () => '{actor} trok een API-sleutel in',
    'embed_origin.added': ({ details: d }) =>
      `{actor} stond insluiten toe op ${typeof d.origin === 'string' ? d.origin : 'een webadres'}`,
    'embed_origin.removed': ({ details: d }) =>
      `{actor} haalde ${typeof d.origin === 'string' ? d.origin : 'een webadres'} weg uit de adressen die mogen insluiten`,
    'staff.deactivated': () => '{actor} zette het account van een medewerker uit',
    'staff.invitation_accepted': () => '{actor} koos een wachtwoord met een uitnodiging',
    'staff.invitation_resent': () =>
      '{actor} stuurde een medewerker een nieuwe uitnodiging; de links in eerdere uitnodigingen werken niet meer',
    'staff.invited': ({ details: d }) => {
      const roles = Array.isArray(d.roles) ? d.roles.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} nodigde een medewerker uit${roles ? ` (rollen: ${roles})` : ''}`;
    },
    'staff.reactivated': () => '{actor} zette het account van een medewerker weer aan',
    'staff.roles_changed': ({ details: d }) => {
      const after = Array.isArray(d.after) ? d.after.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} wijzigde de rollen van een medewerker${after ? ` (nu: ${after})` : ''}`;
    },
    'staff.login': () => '{actor} meldde zich aan',
    'staff.login_sso': () => '{actor} meldde zich aan via de inlogdienst van de organisatie',
    'staff.login_sso_refused': ({ details: d }) =>
      `{actor} weigerde een aanmelding via de inlogdienst van de organisatie${typeof d.reason === 'string' ? ` (reden: ${d.reason})` : ''}`,
    'staff.sso_linked': () =>
      '{actor} koppelde een account aan de inlogdienst van de organisatie (zelfde bevestigde e-mailadres)',
    'sso_mapping.changed': ({ details: d }) =>
      `{actor} wijzigde welke groepen van de inlogdienst welke rol geven (${Array.isArray(d.added) ? d.added.length : 0} toegevoegd, ${Array.isArray(d.removed) ? d.removed.length : 0} verwijderd)`,
    'staff.login_failed': ({ details: d }) =>
      `{actor} weigerde een aanmelding met een verkeerd wachtwoord (${plural(num(d, 'failures'), 'mislukte poging', 'mislukte pogingen')})`,
    'staff.login_throttled': ({ details: d }) =>
      `{actor} liet een account wachten na ${plural(num(d, 'failures'), 'mislukte aanmelding', 'mislukte aanmeldingen')}`,
    'staff.logout': () => '{actor} meldde zich af',
    'organisation.set_up': ({ details: d }) =>
      `{actor} richtte de organisatie in${str(d, 'slug') ? ` (${str(d, 'slug')})` : ''}, met de standaard huisregels en kanaalrichtlijnen`,
    'organisation.settings_changed': ({ details: d }) => {
      const parts = new Map(
        Object.entries({
          general: 'wijzigde de naam of de instellingen voor gespiegelde gesprekken van de organisatie',
          logo: 'plaatste een nieuw logo van de organisatie',
          logo_alt: 'wijzigde de tekst bij het logo van de organisatie',
          logo_removed: 'haalde het logo van de organisatie weg',
          theme: 'wijzigde de huisstijlkleuren van het portaal',
          languages: 'wijzigde de talen van het portaal',
        }),
      );
      return `{actor} ${parts.get(str(d, 'part')) ?? 'wijzigde de instellingen van de organisatie'}`;
    },
    'department.added': ({ details: d }) => `{actor} voegde de afdeling ‘${str(obj(d, 'name'), 'nl')}’ toe`,
    'department.renamed': ({ details: d }) =>
      `{actor} gaf de afdeling ‘${str(obj(obj(d, 'before'), 'name'), 'nl')}’ de naam ‘${str(obj(d, 'name'), 'nl')}’`,
    'department.removed': ({ details: d }) => `{actor} verwijderde de afdeling ‘${str(obj(d, 'name'), 'nl')}’`,
    'organisation.second_factor_requirement': ({ details: d }) =>
      d['required'] === true
        ? '{actor} verplichtte tweestapsverificatie voor alle accounts met een wachtwoord'
        : '{actor} maakte tweestapsverificatie weer vrijwillig',
    'staff.passkey_added': () => '{actor} voegde een passkey toe aan het eigen account',
    'staff.passkey_removed': () => '{actor} verwijderde een passkey van het eigen account',
    'staff.passkey_used': () => '{actor} meldde zich aan met een passkey als tweede stap',
    'staff.recovery_code_used': ({ details: d }) =>
      `{actor} meldde zich aan met een herstelcode (nog ${plural(num(d, 'left'), 'code', 'codes')} over)`,
    'staff.second_factor_disabled': () => '{actor} zette tweestapsverificatie uit voor het eigen account',
    'staff.second_factor_enrolled': () => '{actor} zette tweestapsverificatie aan voor het eigen account',
    'staff.second_factor_failed': ({ details: d }) =>
      str(d, 'method') === 'passkey'
        ? '{actor} weigerde een passkey bij de tweede stap van een aanmelding'
        : `{actor} weigerde een verkeerde code bij de tweede stap van een aanmelding${str(d, 'result') === 'throttled' ? ' (even wachten)' : ''}`,
    'staff.second_factor_reset': () => '{actor} herstelde de tweestapsverificatie van een medewerker',
    'submission.answered': () => '{actor} beantwoordde {item}',
    'submission.assigned': ({ details: d }) => {
      const after = obj(d, 'after');
      return after.staffUserId || after.departmentId
        ? '{actor} wees {item} toe'
        : '{actor} haalde de toewijzing van {item} weg';
    },
    'submission.decision': nlDecision,
    'submission.erased': () => '{actor} wiste {item}',
    'submission.exported': () => '{actor} downloadde de gegevens van {item}',
    'submission.hidden_after_reports': ({ details: d }) =>
      `{actor} verborg {item} na ${plural(num(d, 'reports'), 'melding', 'meldingen')}`,
    'submission.note': () => '{actor} schreef een notitie bij {item}',
    'submission.received': () => '{actor} gaf {item}',
    'submission.reported': ({ details: d }) => `{actor} meldde {item} (reden: ${str(d, 'reason')})`,
  } satisfies Record<AuditAction, Sentence> as Record<AuditAction, Sentence>,
};

export type Texts = typeof nl;

export const en: Texts = {
  actor: {
    system: 'the system',
    resident: 'a resident',
    erasedStaff: 'a deleted account',
  },
  item: {
    submission: (ref: string) => `input ${ref}`,
    social_post: (ref: string) => `post ${ref}`,
    on: 'on',
  },
  unknownAction: (action: string) => `{actor} did ${action}`,
  actorEntries: 'Shows every entry by this person',
  sentences: {
    'announcement.approved': ({ details: d }) => `{actor} approved the announcement "${str(d, 'title')}"`,
    'announcement.copy_recorded': ({ details: d }) =>
      `{actor} recorded where the announcement "${str(d, 'title')}" is on ${str(d, 'platform')}: ${str(d, 'url')}`,
    'announcement.created': ({ details: d }) => `{actor} wrote the announcement "${str(d, 'title')}"`,
    'announcement.deleted': ({ details: d }) => `{actor} deleted the announcement "${str(d, 'title')}"`,
    'announcement.edit_posted': ({ details: d }) =>
      `{actor} carried the edit of the announcement to ${str(d, 'account')}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'announcement.edited': ({ details: d }) => `{actor} edited the published announcement "${str(d, 'title')}"`,
    'announcement.post_failed': ({ details: d }) =>
      `{actor} could not post the announcement on ${str(d, 'account')}${str(d, 'reason') ? ` (${str(d, 'reason')})` : ''}`,
    'announcement.posted': ({ details: d }) =>
      `{actor} posted the announcement on ${str(d, 'account')}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'announcement.published': ({ details: d }) =>
      `{actor} published the announcement "${str(d, 'title')}" on the portal`,
    'announcement.removed_from_platform': ({ details: d }) =>
      `{actor} removed the announcement from ${str(d, 'account')}`,
    'announcement.scheduled': ({ details: d }) =>
      `{actor} scheduled the announcement "${str(d, 'title')}" for ${str(d, 'at')}`,
    'announcement.submitted': ({ details: d }) =>
      `{actor} submitted the announcement "${str(d, 'title')}" for approval (scheduled for ${str(d, 'at')})`,
    'announcement.updated': ({ details: d }) => `{actor} edited the draft of the announcement "${str(d, 'title')}"`,
    'audit.exported': ({ details: d }) =>
      `{actor} downloaded the audit log as ${str(d, 'format').toUpperCase()} (${plural(num(d, 'entries'), 'entry', 'entries')})`,
    'consultation.created': ({ details: d }) => `{actor} created the draft of consultation ${str(d, 'slug')}`,
    'topic.created': ({ details: d }) => `{actor} created topic ${str(d, 'slug')}`,
    'topic.updated': ({ details: d }) =>
      `{actor} changed topic ${str(d, 'slug')} (version ${num(d, 'version')}: ${fieldList(d)})`,
    'topic.moved': ({ details: d }) =>
      `{actor} moved topic ${str(d, 'slug')} one place ${str(d, 'direction') === 'up' ? 'up' : 'down'}`,
    'topic.removed': ({ details: d }) => `{actor} removed topic ${str(d, 'slug')}`,
    'consultation.updated': ({ details: d }) =>
      `{actor} changed consultation ${str(d, 'slug')} (version ${num(d, 'version')}: ${fieldList(d)})`,
    'consultation.images_changed': ({ details: d }) =>
      `{actor} changed the images of consultation ${str(d, 'slug')} (version ${num(d, 'version')}: image ${str(d, 'change')})`,
    'consultation.stage_changed': ({ details: d }) =>
      `{actor} moved consultation ${str(d, 'slug')} from ‘${str(d, 'from')}’ to ‘${str(d, 'to')}’`,
    'consultation.outcome_published': ({ details: d }) =>
      `{actor} published the outcome of consultation ${str(d, 'slug')} (${plural(num(d, 'mailed'), 'e-mail', 'e-mails')} to residents)`,
    'email_link.sent': () => '{actor} asked for a link by e-mail to find their own input',
    'email_link.used': ({ details: d }) =>
      `{actor} opened a link from an e-mail to ${plural(num(d, 'submissions'), 'contribution', 'contributions')}`,
    'insights.exported': ({ details: d, subjectId }) =>
      `{actor} downloaded the insights figure ${subjectId ?? ''} as ${str(d, 'format').toUpperCase()}`,
    'insights.theme_corrected': ({ details: d, subjectId }) => {
      const after = themeAfter(d);
      if (!after) return `{actor} reset the theme ${subjectId ?? ''} to the automatic grouping`;
      const parts = [after.name && `named it “${after.name}”`, after.into && `merged it into ${after.into}`];
      return `{actor} corrected the theme ${subjectId ?? ''}: ${parts.filter(Boolean).join(' and ')}`;
    },
    'mail.unsubscribed': ({ subjectType }) =>
      subjectType === 'submission'
        ? '{actor} unsubscribed from e-mail about {item}'
        : '{actor} unsubscribed from notifications by e-mail',
    'accessibility_statement.changed': ({ details: d }) => {
      const n = num(d, 'position');
      const parts = new Map(
        Object.entries({
          general: 'changed the general part of the accessibility statement',
          audit_added: 'added an audit to the accessibility statement',
          audit_changed: `changed audit ${n} of the accessibility statement`,
          audit_moved: `moved an audit in the accessibility statement to place ${n}`,
          audit_removed: `removed audit ${n} from the accessibility statement`,
          deviation_added: 'added a deviation to the accessibility statement',
          deviation_changed: `changed deviation ${n} of the accessibility statement`,
          deviation_moved: `moved a deviation in the accessibility statement to place ${n}`,
          deviation_removed: `removed deviation ${n} from the accessibility statement`,
        }),
      );
      return `{actor} ${parts.get(str(d, 'part')) ?? 'changed the accessibility statement'}`;
    },
    'channel_guideline.changed': ({ details: d }) => {
      const fields = Array.isArray(d['fields']) ? (d['fields'] as string[]) : [];
      const words = fields.map((f) =>
        Object.hasOwn(EN_GUIDELINE_FIELDS, f) ? EN_GUIDELINE_FIELDS[f as GuidelineField] : f,
      );
      return `{actor} changed the guidelines of the channel ‘${ruleTitle({ ...d, title: d['name'], code: d['key'] }, 'en')}’${words.length > 0 ? `: ${words.join(', ')}` : ''}`;
    },
    'house_rule.changed': ({ details: d }) => {
      const rule = `‘${ruleTitle(d, 'en')}’`;
      const after = obj(d, 'after');
      switch (str(d, 'action')) {
        case 'added':
          return `{actor} added the house rule ${rule}`;
        case 'moved':
          return `{actor} moved the house rule ${rule} to place ${num(after, 'position')}`;
        case 'retired':
          return `{actor} retired the house rule ${rule}`;
        case 'restored':
          return `{actor} brought back the house rule ${rule}`;
        default:
          return `{actor} changed the house rule ${rule}`;
      }
    },
    'office_calendar.changed': ({ details: d }) => {
      const parts = calendarParts(d, EN_CALENDAR_PARTS, 'and');
      return parts ? `{actor} changed ${parts} of the office calendar` : '{actor} saved the office calendar unchanged';
    },
    'personal_data.searched': ({ details: d }) =>
      `{actor} searched personal data by ${str(d, 'by') === 'handle' ? 'a social-media account' : 'an e-mail address'} and found ${plural(num(d, 'submissions'), 'contribution', 'contributions')} and ${plural(num(d, 'socialAuthors'), 'account', 'accounts')}`,
    'reply_template.created': ({ details: d }) => `{actor} created the reply template ‘${title(d, 'after')}’`,
    'reply_template.updated': ({ details: d }) => `{actor} changed the reply template ‘${title(d, 'after')}’`,
    'reply_template.deleted': ({ details: d }) => `{actor} deleted the reply template ‘${title(d, 'before')}’`,
    'retention.policy_set': ({ details: d, subjectId }) =>
      `{actor} set the retention period of ${subjectId ?? ''} to ${plural(num(d, 'days'), 'day', 'days')}` +
      (typeof d.before === 'number' ? ` (was ${plural(d.before, 'day', 'days')})` : ''),
    'retention.purged': ({ details: d }) => {
      const c = obj(d, 'counts');
      return `{actor} purged expired data: ${plural(num(c, 'contactDetails'), 'contact detail', 'contact details')}, ${plural(num(c, 'inputTexts'), 'text', 'texts')}, ${plural(num(c, 'socialPosts'), 'post', 'posts')}, ${plural(num(c, 'socialAuthors'), 'account', 'accounts')}, ${plural(num(c, 'auditEntries'), 'log entry', 'log entries')} and ${plural(num(c, 'staffSessions'), 'session', 'sessions')}`;
    },
    'routing_rule.created': ({ details: d }) =>
      `{actor} created a routing rule${str(d, 'topic') ? ` for topic ${str(d, 'topic')}` : ''}${str(d, 'channel') ? ` and channel ${str(d, 'channel')}` : ''}`,
    'routing_rule.deleted': () => '{actor} deleted a routing rule',
    'seed.submission': () => '{actor} prepared example input: {item}',
    'sentiment.corrected': ({ details: d }) =>
      `{actor} corrected the sentiment of {item} from ${enLabels.get(str(d, 'from')) ?? 'unknown'} to ${enLabels.get(str(d, 'to')) ?? 'unknown'}`,
    'social_account.connected': ({ details: d }) =>
      `{actor} connected the account ${str(d, 'handle')} on ${platformName(d)} to post answers`,
    'social_account.connect_refused': ({ details: d }) =>
      `{actor} tried to connect an account on ${platformName(d)}${str(d, 'instance') ? ` through ${str(d, 'instance')}` : ''}, but it was refused: ${connectRefusal(d, 'en')}`,
    'social_account.listening_changed': ({ details: d }) =>
      `{actor} changed listening for ${str(d, 'handle')}: ${listening(d, 'en')}`,
    'social_account.needs_attention': ({ details: d }) =>
      `{actor} saw ${platformName(d)} refuse the password or token of ${str(d, 'handle')}: the account must be connected again`,
    'social_account.replaced_token_not_revoked': ({ details: d }) =>
      `{actor} connected ${str(d, 'handle')} again, but ${str(d, 'instance')} could not revoke the previous token: revoke it there`,
    'social_account.revoked': ({ details: d }) =>
      `{actor} revoked the connection with the account ${str(d, 'handle')} on ${platformName(d)}`,
    'social_author.erased': ({ details: d }) =>
      `{actor} erased an account on ${platformName(d)} and ${plural(num(d, 'posts'), 'post', 'posts')} by it`,
    'social_author.exported': ({ details: d }) =>
      `{actor} exported the data of a social-media account (${plural(num(d, 'posts'), 'post', 'posts')})`,
    'social_media.described': ({ details: d }) => `{actor} described image ${num(d, 'mediaIndex') + 1} of {item}`,
    'social_media.description_removed': ({ details: d }) =>
      `{actor} removed the description of image ${num(d, 'mediaIndex') + 1} of {item}`,
    'social_post.answer_approved': ({ details: d }) =>
      `{actor} approved the answer to {item}; it is now in the mirror on the portal${d['posting'] === true ? ' and is being posted on the platform' : ''}`,
    'social_post.answer_returned': ({ details: d }) =>
      `{actor} sent the answer to {item} back to its writer: "${str(d, 'note')}"`,
    'social_post.answer_submitted': () => '{actor} wrote an answer to {item}, which awaits approval by a colleague',
    'social_post.answered': () => '{actor} answered {item} in the mirror on the portal',
    'social_post.assigned': ({ details: d }) => {
      const after = obj(d, 'after');
      return after.staffUserId || after.departmentId
        ? '{actor} assigned {item}'
        : '{actor} removed the assignment of {item}';
    },
    'social_post.decision': enDecision,
    'social_post.note': () => '{actor} added a note to {item}',
    'social_post.post_failed': ({ details: d }) =>
      `{actor} could not post the answer to {item} as ${str(d, 'account') || "the municipality's account"}${str(d, 'reason') ? ` (${str(d, 'reason')})` : ''}`,
    'social_post.posted': ({ details: d }) =>
      `{actor} posted the answer to {item} as ${str(d, 'account') || "the municipality's account"}${str(d, 'url') ? `: ${str(d, 'url')}` : ''}`,
    'social_thread.deleted': ({ details: d }) =>
      `{actor} deleted a mirrored thread from ${platformName(d)} (${plural(num(d, 'posts'), 'post', 'posts')})`,
    'social_thread.imported': ({ details: d }) =>
      `{actor} imported a thread from ${platformName(d)} (${plural(num(d, 'added'), 'new post', 'new posts')})`,
    'social_thread.reimported': ({ details: d }) =>
      `{actor} imported a thread from ${platformName(d)} again (${plural(num(d, 'added'), 'new post', 'new posts')}, ${num(d, 'edited')} edited)`,
    'social_thread.removed_at_source': () => '{actor} took down a thread that was deleted at its source',
    'social_thread.sync_requested': ({ details: d }) =>
      `{actor} had a thread updated from its source now (${str(d, 'result') === 'synced' ? 'done' : str(d, 'result') === 'removed' ? 'deleted at the source' : 'failed'})`,
    'social_thread.synced': ({ details: d }) =>
      `{actor} updated a thread from its source (${plural(num(d, 'added'), 'new post', 'new posts')}, ${num(d, 'edited')} edited, ${num(d, 'deleted')} deleted)`,
    'staff.created': ({ details: d }) => {
      const roles = Array.isArray(d.roles) ? d.roles.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} created an account for a colleague${roles ? ` (roles: ${roles})` : ''}`;
    },
    'api_key.created': () => '{actor} created a personal API key',
    'api_key.revoked': () => '{actor} revoked an API key',
    'embed_origin.added': ({ details: d }) =>
      `{actor} allowed embedding on ${typeof d.origin === 'string' ? d.origin : 'a web address'}`,
    'embed_origin.removed': ({ details: d }) =>
      `{actor} removed ${typeof d.origin === 'string' ? d.origin : 'a web address'} from the addresses that may embed`,
    'staff.deactivated': () => '{actor} deactivated a staff member’s account',
    'staff.invitation_accepted': () => '{actor} chose a password with an invitation',
    'staff.invitation_resent': () =>
      '{actor} sent a staff member a new invitation; the links in earlier invitations no longer work',
    'staff.invited': ({ details: d }) => {
      const roles = Array.isArray(d.roles) ? d.roles.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} invited a staff member${roles ? ` (roles: ${roles})` : ''}`;
    },
    'staff.reactivated': () => '{actor} reactivated a staff member’s account',
    'staff.roles_changed': ({ details: d }) => {
      const after = Array.isArray(d.after) ? d.after.filter((r) => typeof r === 'string').join(', ') : '';
      return `{actor} changed a staff member’s roles${after ? ` (now: ${after})` : ''}`;
    },
    'staff.login': () => '{actor} logged in',
    'staff.login_sso': () => '{actor} logged in through the organisation’s sign-in service',
    'staff.login_sso_refused': ({ details: d }) =>
      `{actor} refused a log-in through the organisation’s sign-in service${typeof d.reason === 'string' ? ` (reason: ${d.reason})` : ''}`,
    'staff.sso_linked': () =>
      '{actor} linked an account to the organisation’s sign-in service (same verified e-mail address)',
    'sso_mapping.changed': ({ details: d }) =>
      `{actor} changed which groups of the sign-in service give which role (${Array.isArray(d.added) ? d.added.length : 0} added, ${Array.isArray(d.removed) ? d.removed.length : 0} removed)`,
    'staff.login_failed': ({ details: d }) =>
      `{actor} refused a log-in with a wrong password (${plural(num(d, 'failures'), 'failed attempt', 'failed attempts')})`,
    'staff.login_throttled': ({ details: d }) =>
      `{actor} made an account wait after ${plural(num(d, 'failures'), 'failed log-in', 'failed log-ins')}`,
    'staff.logout': () => '{actor} logged out',
    'organisation.set_up': ({ details: d }) =>
      `{actor} set up the organisation${str(d, 'slug') ? ` (${str(d, 'slug')})` : ''}, with the default house rules and channel guidelines`,
    'organisation.settings_changed': ({ details: d }) => {
      const parts = new Map(
        Object.entries({
          general: "changed the organisation's name or its settings for mirrored conversations",
          logo: 'put up a new logo of the organisation',
          logo_alt: "changed the text of the organisation's logo",
          logo_removed: "removed the organisation's logo",
          theme: "changed the portal's house colours",
          languages: "changed the portal's languages",
        }),
      );
      return `{actor} ${parts.get(str(d, 'part')) ?? "changed the organisation's settings"}`;
    },
    'department.added': ({ details: d }) => `{actor} added the department ‘${deptName(obj(d, 'name'))}’`,
    'department.renamed': ({ details: d }) =>
      `{actor} renamed the department ‘${deptName(obj(obj(d, 'before'), 'name'))}’ to ‘${deptName(obj(d, 'name'))}’`,
    'department.removed': ({ details: d }) => `{actor} removed the department ‘${deptName(obj(d, 'name'))}’`,
    'organisation.second_factor_requirement': ({ details: d }) =>
      d['required'] === true
        ? '{actor} required two-step verification for every account with a password'
        : '{actor} made two-step verification optional again',
    'staff.passkey_added': () => '{actor} added a passkey to their own account',
    'staff.passkey_removed': () => '{actor} removed a passkey from their own account',
    'staff.passkey_used': () => '{actor} logged in with a passkey as the second step',
    'staff.recovery_code_used': ({ details: d }) =>
      `{actor} logged in with a recovery code (${plural(num(d, 'left'), 'code', 'codes')} left)`,
    'staff.second_factor_disabled': () => '{actor} turned off two-step verification for their own account',
    'staff.second_factor_enrolled': () => '{actor} turned on two-step verification for their own account',
    'staff.second_factor_failed': ({ details: d }) =>
      str(d, 'method') === 'passkey'
        ? '{actor} refused a passkey at the second step of a log-in'
        : `{actor} refused a wrong code at the second step of a log-in${str(d, 'result') === 'throttled' ? ' (wait first)' : ''}`,
    'staff.second_factor_reset': () => '{actor} reset a staff member’s two-step verification',
    'submission.answered': () => '{actor} answered {item}',
    'submission.assigned': ({ details: d }) => {
      const after = obj(d, 'after');
      return after.staffUserId || after.departmentId
        ? '{actor} assigned {item}'
        : '{actor} removed the assignment of {item}';
    },
    'submission.decision': enDecision,
    'submission.erased': () => '{actor} erased {item}',
    'submission.exported': () => '{actor} downloaded the data of {item}',
    'submission.hidden_after_reports': ({ details: d }) =>
      `{actor} hid {item} after ${plural(num(d, 'reports'), 'report', 'reports')}`,
    'submission.note': () => '{actor} added a note to {item}',
    'submission.received': () => '{actor} gave {item}',
    'submission.reported': ({ details: d }) => `{actor} reported {item} (reason: ${str(d, 'reason')})`,
  },
};
