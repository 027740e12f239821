/** Every widget's examples, in the order of the embed page. */
import { examples as answers } from './podium-answers/examples.ts';
import { examples as consultation } from './podium-consultation/examples.ts';
import { examples as submit } from './podium-submit/examples.ts';
import { examples as thread } from './podium-thread/examples.ts';

export const widgetExamples = [submit, consultation, answers, thread];
export { customProperties } from './shared/examples.ts';
export type { WidgetExamples, WidgetState } from './shared/examples.ts';
