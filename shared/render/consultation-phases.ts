/**
 * Parts of a consultation page that the portal and the workbench's preview both render:
 * the phase timeline ("now: responding → spring: the council decides") and the outcome
 * ("you said, we did"), so staff preview exactly the markup residents get.
 */
import type { Consultation, Locale } from '../contracts/public-content.ts';
import { textsFor } from '../i18n.ts';
import * as consultationTexts from '../texts/consultation.ts';
import { attrs, html, inlineText, join, localizedParagraphs, nothing, time, type Html } from '../html/index.ts';

type TimelineConsultation = Pick<Consultation, 'status' | 'opensAt' | 'closesAt' | 'phases' | 'outcome'>;

/**
 * An ordered list of the phases; the current one carries `aria-current="step"` and a
 * visible "Now:" (colour is never the only sign). Responding is current while upcoming or
 * open; after closing, the first step staff described; once decided, the outcome.
 */
export function renderTimeline(c: TimelineConsultation, lang: Locale, headingId = 'podium-timeline-heading'): Html {
  const m = textsFor(consultationTexts, lang);
  const phases = c.phases ?? [];
  const steps: Array<{ when: Html; what: Html }> = [
    {
      when: html`${m.phaseRespondWhen(String(time({ moment: c.opensAt, lang })), String(time({ moment: c.closesAt, lang })))}`,
      what: html`${m.phaseRespond}`,
    },
    ...phases.map((p) => ({ when: inlineText(p.when, lang), what: inlineText(p.what, lang) })),
    { when: html`${m.phaseOutcomeWhen}`, what: html`${m.phaseOutcome}` },
  ];
  // The step the consultation is in now, by its public status.
  const current =
    c.status === 'decided' ? steps.length - 1 : c.status === 'closed' ? (phases.length > 0 ? 1 : steps.length - 1) : 0;
  // The follow-up page's timeline (its look: shape and text say the state, not colour alone).
  const items = steps.map((step, index) => {
    const state = index < current ? 'done' : index === current ? 'current' : 'todo';
    const label = state === 'current' ? m.now : state === 'done' ? m.done : undefined;
    return html`<li${attrs({ class: `podium-timeline__step podium-timeline__step--${state}`, 'aria-current': state === 'current' ? 'step' : undefined })}>${label ? html`${label}: ` : nothing}${step.when} — ${step.what}</li>`;
  });
  return html`<section class="podium-phases" aria-labelledby="${headingId}">
<h2 id="${headingId}">${m.timelineHeading}</h2>
<ol class="podium-timeline">${join(items, '\n')}</ol>
</section>`;
}

type OutcomeConsultation = Pick<Consultation, 'outcome' | 'outcomeReasons' | 'outcomeThemes'>;

/** What was decided and why, and the themes of the input it answers. Nothing before an outcome exists. */
export function renderOutcome(c: OutcomeConsultation, lang: Locale): Html {
  if (!c.outcome) return nothing;
  const m = textsFor(consultationTexts, lang);
  const themes = c.outcomeThemes ?? [];
  return html`<section class="podium-outcome" aria-labelledby="podium-outcome-heading">
<h2 id="podium-outcome-heading">${m.saidDidHeading}</h2>
<h3>${m.decidedHeading}</h3>
${localizedParagraphs(c.outcome, lang)}
${c.outcomeReasons ? html`<h3>${m.reasonsHeading}</h3>\n${localizedParagraphs(c.outcomeReasons, lang)}` : nothing}
${themes.length > 0 ? html`<h3>${m.themesHeading}</h3>\n<ul>${join(themes.map((t) => html`<li>${t}</li>`))}</ul>` : nothing}
</section>`;
}
