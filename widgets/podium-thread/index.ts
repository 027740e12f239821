/**
 * Entry of dist/widgets/podium-thread.js: registers <podium-thread> (once).
 *
 * @example
 * <script type="module" src="https://inspraak.demodam.nl/widgets/podium-thread.js"></script>
 * <podium-thread consultation="fietsroute-stationsstraat"></podium-thread>
 */
import { definePodiumElement } from '../shared/podium-element.ts';
import { PodiumThread } from './podium-thread.ts';

definePodiumElement('podium-thread', PodiumThread);

export { PodiumThread };

declare global {
  interface HTMLElementTagNameMap {
    'podium-thread': PodiumThread;
  }
}
