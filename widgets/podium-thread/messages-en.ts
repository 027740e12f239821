/** English texts of <podium-thread>, with the shared ones: loaded only when it speaks English. */
import { en as sharedEn } from '../shared/messages-en.ts';
import type { Texts as SharedTexts } from '../shared/messages.ts';
import type { Texts } from './messages.ts';
import { pagerEn } from '../shared/pager-en.ts';

/** This widget's texts and the shared ones: the chunk carries both, so one import gives all English. */
export const en: Texts & SharedTexts = {
  ...sharedEn,
  ...pagerEn,
  loading: 'Loading the conversation…',
  loadFailed: 'The conversation could not be loaded. Please try again later.',
  loadOffline: 'You are offline. The conversation loads as soon as you are connected again.',
  notFound: 'This conversation does not exist (any more).',
  empty: 'There is no social-media conversation for this consultation yet.',
  title: 'Conversation on {platform}',
  range: 'Posts {from} to {to} of {total}',
  mirrored: 'This conversation is on {platform}. Residents are called Resident A, Resident B and so on.',
  resident: 'Resident {letter}',
  unknownAuthor: 'Unknown account',
  ownAccount: "The municipality's account",
  officialAccount: 'Official account',
  wrote: '{author} wrote on {date}',
  replyTo: 'Reply to {author}',
  edited: 'edited',
  municipalityAnswered: 'The municipality answered on {date}',
  answerOnlyHere: 'This answer is only here, not on {platform}',
  contentWarning: 'Warning: {warning}. Show the post',
  image: 'Image',
  noDescription: 'without a description',
  added: 'description added by the municipality',
  sensitive: 'Show sensitive image',
  links: 'Links in this post',
  deleted: 'This post has been deleted.',
  blocked: 'This post is blocked.',
  unavailable: 'This post is not available.',
  original: 'See the conversation on {platform}',
};
