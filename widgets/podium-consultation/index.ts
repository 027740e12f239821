/**
 * Entry of dist/widgets/podium-consultation.js: registers <podium-consultation> (once).
 *
 * @example
 * <script type="module" src="https://inspraak.demodam.nl/widgets/podium-consultation.js"></script>
 * <podium-consultation consultation="fietsroute-stationsstraat"></podium-consultation>
 */
import { definePodiumElement } from '../shared/podium-element.ts';
import { PodiumConsultation, type LoadedDetail } from './podium-consultation.ts';

definePodiumElement('podium-consultation', PodiumConsultation);

export { PodiumConsultation };
export type { LoadedDetail } from './podium-consultation.ts';

declare global {
  interface HTMLElementTagNameMap {
    'podium-consultation': PodiumConsultation;
  }
  interface HTMLElementEventMap {
    'podium-loaded': CustomEvent<LoadedDetail>;
  }
}
