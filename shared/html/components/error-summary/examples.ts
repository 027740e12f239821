import { hostile, hostileEscaped, type ComponentExamples } from '../examples.ts';
import type { ErrorSummaryOptions } from './index.ts';

export const examples: ComponentExamples<ErrorSummaryOptions> = {
  component: 'errorSummary',
  summary: 'The list of errors above a form that came back, each linked to its field.',
  examples: [
    {
      name: 'portal',
      description: 'A portal form (consultation, erasure, e-mail link): BEM classes and an introduction.',
      input: {
        prefix: 'podium',
        heading: 'Er is een probleem',
        intro: 'Controleer de volgende punten:',
        errors: [{ message: 'Kies een route.', target: 'answer-route-0' }, { message: 'De controle is mislukt.' }],
      },
      html: `<div class="podium-error-summary" id="podium-error-summary" tabindex="-1" autofocus aria-labelledby="podium-error-summary-heading">
<h2 class="podium-error-summary__heading" id="podium-error-summary-heading">Er is een probleem</h2>
<p>Controleer de volgende punten:</p>
<ul class="podium-error-summary__list"><li><a href="#answer-route-0">Kies een route.</a></li><li>De controle is mislukt.</li></ul>
</div>`,
    },
    {
      name: 'staff',
      description: 'A staff form: staff classes, no introduction.',
      input: {
        prefix: 'staff',
        heading: 'Er is een probleem',
        errors: [{ message: 'Vul een e-mailadres in.', target: 'email' }],
      },
      html: `<div class="staff-error-summary" id="staff-error-summary" tabindex="-1" autofocus aria-labelledby="staff-error-summary-heading">
<h2 id="staff-error-summary-heading">Er is een probleem</h2>
<ul><li><a href="#email">Vul een e-mailadres in.</a></li></ul>
</div>`,
    },
    {
      name: 'none',
      description: 'No errors: nothing at all, so a page can always include the summary.',
      input: { prefix: 'podium', heading: 'Er is een probleem', errors: [] },
      html: '',
    },
    {
      name: 'hostile',
      description: 'Messages and targets are text: a message that repeats what someone typed is shown, not run.',
      input: { prefix: 'staff', heading: hostile, errors: [{ message: hostile, target: `x"><script>` }] },
      html: `<div class="staff-error-summary" id="staff-error-summary" tabindex="-1" autofocus aria-labelledby="staff-error-summary-heading">
<h2 id="staff-error-summary-heading">${hostileEscaped}</h2>
<ul><li><a href="#x&quot;&gt;&lt;script&gt;">${hostileEscaped}</a></li></ul>
</div>`,
    },
  ],
};
