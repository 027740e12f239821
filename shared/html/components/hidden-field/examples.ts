import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { HiddenFieldOptions } from './index.ts';

export const examples: ComponentExamples<HiddenFieldOptions> = {
  component: 'hiddenField',
  summary: 'A value a form sends back without showing it.',
  examples: [
    {
      name: 'language',
      description: 'The language of the page, so the answer comes in the same language.',
      input: { name: 'lang', value: 'en' },
      html: '<input type="hidden" name="lang" value="en">',
    },
    {
      name: 'hostile',
      description: 'A kept value cannot end the attribute.',
      input: { name: 'value', value: hostile },
      html: `<input type="hidden" name="value" value="${hostileEscaped}">`,
    },
  ],
};
