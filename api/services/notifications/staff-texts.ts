/** The sentences of staff notifications, shared by the workbench list and the e-mails. */
import type { LocalizedText } from '../../db/schema.ts';
import { formatDate } from '../../../shared/format.ts';

type Params = { consultation?: LocalizedText; dueAt?: string; message?: LocalizedText };

/** "Een item over "X"", or just "Een item" (a mirrored post without a consultation). */
const nlItem = (p: Params) => (p.consultation ? `Een item over "${p.consultation.nl}"` : 'Een item');
const enItem = (p: Params) => (p.consultation ? `An item on "${p.consultation.en ?? p.consultation.nl}"` : 'An item');
// The note itself stays on the item: it may quote the resident, and a mail leaves the workbench.
const nlAnswerOn = (p: Params) => (p.consultation ? `op een item over "${p.consultation.nl}"` : 'op een item');
const enAnswerOn = (p: Params) =>
  p.consultation ? `to an item on "${p.consultation.en ?? p.consultation.nl}"` : 'to an item';

export const nl = {
  kinds: {
    item_assigned: 'Een item is aan mij toegewezen',
    item_nearly_late: 'Een item van mij is bijna te laat',
    item_escalated: 'Een item is geëscaleerd',
    answer_returned: 'Een antwoord van mij is teruggestuurd',
    security_alert: 'Beveiligingsmeldingen (alleen beheerders)',
    weekly_summary: 'Wekelijkse samenvatting van de inzichten (alleen per e-mail)',
  },
  sentence: {
    item_assigned: (p: Params) => `${nlItem(p)} is aan u toegewezen.`,
    item_nearly_late: (p: Params) =>
      `${nlItem(p)} moet uiterlijk ${p.dueAt ? formatDate(p.dueAt, 'nl', 'dateTime') : ''} beantwoord zijn.`,
    item_escalated: (p: Params) => `${nlItem(p)} is geëscaleerd.`,
    answer_returned: (p: Params) =>
      `Een collega heeft uw antwoord ${nlAnswerOn(p)} teruggestuurd met een opmerking. Lees de opmerking bij het item en pas het antwoord aan.`,
    security_alert: (p: Params) => `Beveiliging: ${p.message?.nl ?? ''}`,
    weekly_summary: () => 'De cijfers van vorige week staan klaar.',
  },
  subject: {
    item_assigned: 'Item aan u toegewezen',
    item_nearly_late: 'Item bijna te laat',
    item_escalated: 'Item geëscaleerd',
    answer_returned: 'Antwoord teruggestuurd',
    security_alert: 'Beveiligingsmelding',
    weekly_summary: 'Inzichten van de week',
  },
};

export const en: typeof nl = {
  kinds: {
    item_assigned: 'An item is assigned to me',
    item_nearly_late: 'An item of mine is nearly late',
    item_escalated: 'An item is escalated',
    answer_returned: 'An answer of mine is sent back',
    security_alert: 'Security alerts (administrators only)',
    weekly_summary: 'Weekly summary of the insights (by e-mail only)',
  },
  sentence: {
    item_assigned: (p) => `${enItem(p)} has been assigned to you.`,
    item_nearly_late: (p) =>
      `${enItem(p)} must be answered by ${p.dueAt ? formatDate(p.dueAt, 'en', 'dateTime') : ''}.`,
    item_escalated: (p) => `${enItem(p)} has been escalated.`,
    answer_returned: (p) =>
      `A colleague sent your answer ${enAnswerOn(p)} back with a note. Read the note on the item and change the answer.`,
    security_alert: (p) => `Security: ${p.message?.en ?? p.message?.nl ?? ''}`,
    weekly_summary: () => 'Last week’s figures are ready.',
  },
  subject: {
    item_assigned: 'Item assigned to you',
    item_nearly_late: 'Item nearly late',
    item_escalated: 'Item escalated',
    answer_returned: 'Answer sent back',
    security_alert: 'Security alert',
    weekly_summary: 'Insights of the week',
  },
};
