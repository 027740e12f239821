/** English texts of <podium-submit>, with the shared ones: loaded only when the widget speaks English. */
import { en as sharedEn } from '../shared/messages-en.ts';
import type { Texts as SharedTexts } from '../shared/messages.ts';
import type { Texts } from './messages.ts';

/** This widget's texts and the shared ones: the chunk carries both, so one import gives all English. */
export const en: Texts & SharedTexts = {
  ...sharedEn,
  closed: 'This consultation is closed. You can no longer give input.',
  upcoming: 'This consultation is not open yet. You can respond from {date}.',
  howWeAnswer:
    'After sending you get a follow-up code. The municipality responds to your input within {days} working days. With the code you can see what happens to your input.',
  moderationPre: 'We read your input first. Then it is published on the website, without your name and e-mail address.',
  moderationPost:
    'Your input is published on the website straight away, without your name and e-mail address. We remove input that is offensive or off-topic.',
  closesAt: 'You can respond until {date}.',
  optional: '(optional)',
  maxLength: 'Use at most {max} characters.',
  count: '{count} of {max} characters',
  aboutYou: 'About you',
  aboutYouHint:
    'Would you like a personal answer? Then enter your e-mail address. We never publish your name or e-mail address.',
  name: 'Name',
  email: 'E-mail address',
  emailHint: 'Only needed if you want an answer by e-mail.',
  consent: 'I allow you to use my e-mail address',
  consentHint: 'We only use your e-mail address to answer you about this input. We share it with no one.',
  submit: 'Send',
  offline: 'You are offline. Your input has been saved and will be sent as soon as you are connected again.',
};
