/**
 * Entry of dist/widgets/podium-answers.js: registers <podium-answers> (once).
 *
 * @example
 * <script type="module" src="https://inspraak.demodam.nl/widgets/podium-answers.js"></script>
 * <podium-answers consultation="fietsroute-stationsstraat"></podium-answers>
 */
import { definePodiumElement } from '../shared/podium-element.ts';
import { PodiumAnswers, type PageChangedDetail } from './podium-answers.ts';

definePodiumElement('podium-answers', PodiumAnswers);

export { PodiumAnswers };
export type { PageChangedDetail } from './podium-answers.ts';

declare global {
  interface HTMLElementTagNameMap {
    'podium-answers': PodiumAnswers;
  }
  interface HTMLElementEventMap {
    'podium-page-changed': CustomEvent<PageChangedDetail>;
  }
}
