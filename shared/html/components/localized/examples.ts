import type { Locale } from '../../../contracts/public-content.ts';
import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { Localized } from './index.ts';

export const examples: ComponentExamples<{ text: Localized; lang: Locale }> = {
  component: 'inlineText',
  summary: 'A text in the page’s language, or the Dutch text marked as Dutch.',
  examples: [
    {
      name: 'translated',
      description: 'An English page with an English text: just the text.',
      input: { text: { nl: 'Nieuwe fietsroute', en: 'New cycle route' }, lang: 'en' },
      html: 'New cycle route',
    },
    {
      name: 'dutch page',
      description: 'A Dutch page: the Dutch text.',
      input: { text: { nl: 'Nieuwe fietsroute', en: 'New cycle route' }, lang: 'nl' },
      html: 'Nieuwe fietsroute',
    },
    {
      name: 'fallback',
      description: 'An English page without a translation: the Dutch text, marked as Dutch.',
      input: { text: { nl: 'Nieuwe fietsroute' }, lang: 'en' },
      html: '<span lang="nl">Nieuwe fietsroute</span>',
    },
    {
      name: 'hostile',
      description: 'Text is escaped.',
      input: { text: { nl: hostile }, lang: 'en' },
      html: `<span lang="nl">${hostileEscaped}</span>`,
    },
  ],
};
