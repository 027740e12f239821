import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { FieldErrorOptions } from './index.ts';

export const examples: ComponentExamples<FieldErrorOptions> = {
  component: 'fieldError',
  summary: 'The message above an invalid field, with a hidden "Fout:" for screen readers.',
  examples: [
    {
      name: 'portal',
      description: 'On a portal form.',
      input: {
        prefix: 'podium',
        id: 'submitter-email-error',
        errorPrefix: 'Fout:',
        message: 'Vul een geldig e-mailadres in.',
      },
      html: '<p class="podium-error-message" id="submitter-email-error"><span class="podium-visually-hidden">Fout: </span>Vul een geldig e-mailadres in.</p>',
    },
    {
      name: 'staff',
      description: 'On a staff form, in English.',
      input: { prefix: 'staff', id: 'email-error', errorPrefix: 'Error:', message: 'Enter an e-mail address.' },
      html: '<p class="staff-error-message" id="email-error"><span class="staff-visually-hidden">Error: </span>Enter an e-mail address.</p>',
    },
    {
      name: 'hostile',
      description: 'A message that quotes input is escaped.',
      input: { prefix: 'podium', id: 'x-error', errorPrefix: 'Fout:', message: hostile },
      html: `<p class="podium-error-message" id="x-error"><span class="podium-visually-hidden">Fout: </span>${hostileEscaped}</p>`,
    },
  ],
};
