/** Dutch texts of <podium-thread> (taalniveau B1); English is in messages-en.ts. */
import { pagerNl } from '../shared/pager-messages.ts';

export const nl = {
  ...pagerNl,
  loading: 'Het gesprek wordt geladen…',
  loadFailed: 'Het gesprek kon niet worden geladen. Probeer het later opnieuw.',
  loadOffline: 'U bent offline. Het gesprek wordt geladen zodra er weer verbinding is.',
  notFound: 'Dit gesprek bestaat niet (meer).',
  empty: 'Er is nog geen gesprek op sociale media bij deze consultatie.',
  title: 'Gesprek op {platform}',
  range: 'Bericht {from} tot en met {to} van {total}',
  mirrored: 'Dit gesprek staat op {platform}. Inwoners heten hier Inwoner A, Inwoner B, enzovoort.',
  resident: 'Inwoner {letter}',
  unknownAuthor: 'Onbekend account',
  ownAccount: 'Account van de gemeente',
  officialAccount: 'Officieel account',
  wrote: '{author} schreef op {date}',
  replyTo: 'Antwoord aan {author}',
  edited: 'bewerkt',
  municipalityAnswered: 'De gemeente antwoordde op {date}',
  answerOnlyHere: 'Dit antwoord staat alleen hier, niet op {platform}',
  contentWarning: 'Waarschuwing: {warning}. Toon het bericht',
  image: 'Afbeelding',
  noDescription: 'zonder beschrijving',
  added: 'beschrijving toegevoegd door de gemeente',
  sensitive: 'Toon gevoelige afbeelding',
  links: 'Links in dit bericht',
  deleted: 'Dit bericht is verwijderd.',
  blocked: 'Dit bericht is afgeschermd.',
  unavailable: 'Dit bericht is niet beschikbaar.',
  original: 'Bekijk het gesprek op {platform}',
};

/** This widget's own texts, typed from Dutch (the shared ones are in ../shared/messages.ts). */
export type Texts = typeof nl;
