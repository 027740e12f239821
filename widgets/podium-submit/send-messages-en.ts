/** English texts of send.ts: loaded only when the widget speaks English. */
import type { Texts } from './send-messages.ts';

export const en: Texts = {
  consentShort: 'Permission',
  submitting: 'Sending…',
  errorSummaryTitle: 'Something went wrong',
  required: 'Please fill this in.',
  requiredChoice: 'Choose an answer.',
  requiredChoices: 'Choose at least one answer.',
  tooLong: 'Use at most {max} characters. You used {actual}.',
  invalidEmail: 'Enter a valid e-mail address, such as name@example.com.',
  consentRequired: 'Give permission to use your e-mail address, or leave the e-mail address empty.',
  emptySubmission: 'Answer at least one question.',
  networkFailed: 'Sending did not work. Your input has been saved. Check your connection and try again.',
  submitFailed: 'Your input was not sent. Please try again later.',
  thanks: 'Thank you for your input',
  yourCode: 'Your follow-up code is',
  keepCode: 'Keep this code. With it you can see what happens to your input.',
  answerDue: 'The municipality will respond by {date}.',
  followUpLink: 'See what happens to your input',
};
