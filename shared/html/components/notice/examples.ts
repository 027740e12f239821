import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { NoticeOptions } from './index.ts';

export const examples: ComponentExamples<NoticeOptions> = {
  component: 'notice',
  summary: 'A message in place of a page’s content: an error, a confirmation, or neutral information.',
  examples: [
    {
      name: 'error',
      description: 'The page cannot show what was asked for (an unknown follow-up code).',
      input: { tone: 'error', text: 'Deze code kennen we niet.' },
      html: '<div class="podium-notice podium-notice--error"><p>Deze code kennen we niet.</p></div>',
    },
    {
      name: 'success with heading',
      description: 'Something was done, announced politely.',
      input: { tone: 'success', role: 'status', heading: 'Verwijderd', text: 'Uw inbreng is verwijderd.' },
      html: `<div class="podium-notice podium-notice--success" role="status">
<h2>Verwijderd</h2>
<p>Uw inbreng is verwijderd.</p>
</div>`,
    },
    {
      name: 'neutral',
      description: 'Information without a tone, such as a consultation that has closed.',
      input: { role: 'status', text: 'Deze consultatie is gesloten.' },
      html: '<div class="podium-notice" role="status"><p>Deze consultatie is gesloten.</p></div>',
    },
    {
      name: 'hostile',
      description: 'Text is escaped.',
      input: { tone: 'error', heading: hostile, text: hostile },
      html: `<div class="podium-notice podium-notice--error">
<h2>${hostileEscaped}</h2>
<p>${hostileEscaped}</p>
</div>`,
    },
  ],
};
