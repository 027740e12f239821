/**
 * Notifications and the durable mail outbox: what other services call, each in the
 * transaction of the event that causes it (see README in api/ under "Notifications").
 */
export { enqueueMail, forgetSubmissionMail, sendDueMail, startMailSender } from './outbox.ts';
export { queueAnswerMail, queueReceipt } from './resident.ts';
export {
  answerReturned,
  itemAssigned,
  itemEscalated,
  itemNearlyLate,
  notifyAdministrators,
  notifyStaff,
} from './staff.ts';
export { unsubscribe } from './unsubscribe.ts';
