import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { ParagraphsOptions } from './index.ts';

export const examples: ComponentExamples<{ text: string; options?: ParagraphsOptions }> = {
  component: 'paragraphs',
  summary: 'Plain text as paragraphs and line breaks, optionally with links.',
  examples: [
    {
      name: 'paragraphs and line breaks',
      description: 'A reply of the municipality: blank lines separate paragraphs.',
      input: { text: 'Dank voor uw reactie.\r\n\r\nWe nemen haar mee.\nMet groet,' },
      html: '<p>Dank voor uw reactie.</p>\n<p>We nemen haar mee.<br>Met groet,</p>',
    },
    {
      name: 'in another language',
      description: 'A Dutch text on an English page, with a class.',
      input: { text: 'Alleen in het Nederlands.', options: { lang: 'nl', className: 'podium-lead' } },
      html: '<p class="podium-lead" lang="nl">Alleen in het Nederlands.</p>',
    },
    {
      name: 'with links',
      description: 'A post from a plain-text platform: links at their places, compact.',
      input: {
        text: 'één 🚲 https://e.nl\n\nmeer',
        options: {
          links: [{ start: 7, end: 19, href: 'https://e.nl' }],
          linkRel: 'nofollow ugc noopener',
          compact: true,
        },
      },
      html: '<p>één 🚲 <a href="https://e.nl" rel="nofollow ugc noopener">https://e.nl</a></p><p>meer</p>',
    },
    {
      name: 'empty',
      description: 'No text: nothing.',
      input: { text: ' \n\n ' },
      html: '',
    },
    {
      name: 'hostile',
      description: 'Text and link addresses are escaped.',
      input: {
        text: `${hostile} x`,
        options: { links: [{ start: hostile.length + 1, end: hostile.length + 2, href: 'https://e.nl/"><script>' }] },
      },
      html: `<p>${hostileEscaped} <a href="https://e.nl/&quot;&gt;&lt;script&gt;">x</a></p>`,
    },
  ],
};
