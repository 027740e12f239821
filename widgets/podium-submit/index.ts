/**
 * Entry of dist/widgets/podium-submit.js: registers <podium-submit> (once).
 *
 * @example
 * <script type="module" src="https://inspraak.demodam.nl/widgets/podium-submit.js"></script>
 * <podium-submit consultation="fietsroute-stationsstraat"></podium-submit>
 */
import { definePodiumElement } from '../shared/podium-element.ts';
import { PodiumSubmit, type SubmittedDetail } from './podium-submit.ts';

definePodiumElement('podium-submit', PodiumSubmit);

export { PodiumSubmit };
export type { PendingSubmission, SubmissionBody, SubmittedDetail } from './podium-submit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'podium-submit': PodiumSubmit;
  }
  interface HTMLElementEventMap {
    'podium-submitted': CustomEvent<SubmittedDetail>;
  }
}
