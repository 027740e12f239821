/** Texts of a mirrored social media conversation. */

export const nl = {
  allConversationsTitle: 'Gesprekken op sociale media',
  allConversationsIntro:
    'De gemeente vraagt ook op sociale media om reacties. Hier staan al die gesprekken, zodat iedereen ze kan lezen, zonder de namen van inwoners.',
  noConversations: 'Er staan nog geen gesprekken van sociale media op deze site.',
  aboutConsultation: 'Over:',
  conversationsHeading: 'Gesprekken op sociale media',
  postsHeading: 'Berichten',
  /** The title the one conversation page is built with; each conversation's replaces it. */
  conversationShellTitle: 'Gesprek op sociale media',
  conversationsIntro:
    'De gemeente vroeg ook op sociale media om reacties. Die gesprekken staan hier, zodat iedereen ze kan lezen.',
  conversationLink: (platform: string, posts: number) =>
    `${platform}, ${posts === 1 ? '1 bericht' : `${posts} berichten`}`,
  untitled: (platform: string) => `Gesprek op ${platform}`,
  titlePage: (title: string, page: number, pages: number) => `${title}, pagina ${page} van ${pages}`,
  postsRange: (from: number, to: number, total: number) => `Bericht ${from} tot en met ${to} van ${total}`,
  mirrored: (platform: string) =>
    `Dit gesprek staat op ${platform}. Podium laat het hier zien, zonder de namen van inwoners. Inwoners heten hier Inwoner A, Inwoner B, enzovoort.`,
  lastSynced: (date: string) => `Laatst bijgewerkt: ${date}.`,
  viewOriginal: (platform: string) => `Bekijk het gesprek op ${platform}`,
  resident: (letter: string) => `Inwoner ${letter}`,
  unknownAuthor: 'Onbekend account',
  ownAccount: 'Account van de gemeente',
  officialAccount: 'Officieel account',
  wrote: (author: string, date: string) => `${author} schreef op ${date}`,
  replyTo: (author: string) => `Antwoord aan ${author}`,
  edited: 'bewerkt',
  municipalityAnswered: (date: string) => `De gemeente antwoordde op ${date}`,
  answerOnlyHere: (platform: string) => `Dit antwoord staat alleen hier, niet op ${platform}`,
  contentWarning: (warning: string) => `Waarschuwing: ${warning}. Toon het bericht`,
  sensitiveMedia: (n: number): string => (n === 1 ? 'Toon gevoelige afbeelding' : 'Toon gevoelige afbeeldingen'),
  addedByMunicipality: 'beschrijving toegevoegd door de gemeente',
  image: 'Afbeelding',
  video: 'Video',
  audio: 'Geluid',
  media: 'Bijlage',
  noDescription: 'zonder beschrijving',
  placeholder: {
    deleted: 'Dit bericht is verwijderd.',
    blocked: 'Dit bericht is afgeschermd.',
    unavailable: 'Dit bericht is niet beschikbaar.',
  },
  counts: {
    replies: (n: number) => (n === 1 ? '1 reactie' : `${n} reacties`),
    reposts: (n: number) => `${n} keer gedeeld`,
    likes: (n: number) => (n === 1 ? '1 like' : `${n} likes`),
  },
  platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
};

export type Texts = typeof nl;

export const en: Texts = {
  allConversationsTitle: 'Conversations on social media',
  conversationShellTitle: 'Conversation on social media',
  allConversationsIntro:
    'The municipality also asks for responses on social media. All those conversations are here, so everyone can read them, without the names of residents.',
  noConversations: 'There are no conversations from social media on this site yet.',
  aboutConsultation: 'About:',
  conversationsHeading: 'Conversations on social media',
  postsHeading: 'Posts',
  conversationsIntro:
    'The municipality also asked for responses on social media. Those conversations are here, so everyone can read them.',
  conversationLink: (platform: string, posts: number) => `${platform}, ${posts === 1 ? '1 post' : `${posts} posts`}`,
  untitled: (platform: string) => `Conversation on ${platform}`,
  titlePage: (title: string, page: number, pages: number) => `${title}, page ${page} of ${pages}`,
  postsRange: (from: number, to: number, total: number) => `Posts ${from} to ${to} of ${total}`,
  mirrored: (platform: string) =>
    `This conversation is on ${platform}. Podium shows it here without the names of residents, who are called Resident A, Resident B and so on.`,
  lastSynced: (date: string) => `Last updated: ${date}.`,
  viewOriginal: (platform: string) => `See the conversation on ${platform}`,
  resident: (letter: string) => `Resident ${letter}`,
  unknownAuthor: 'Unknown account',
  ownAccount: "The municipality's account",
  officialAccount: 'Official account',
  wrote: (author: string, date: string) => `${author} wrote on ${date}`,
  replyTo: (author: string) => `Reply to ${author}`,
  edited: 'edited',
  municipalityAnswered: (date: string) => `The municipality answered on ${date}`,
  answerOnlyHere: (platform: string) => `This answer is only here, not on ${platform}`,
  contentWarning: (warning: string) => `Warning: ${warning}. Show the post`,
  sensitiveMedia: (n: number) => (n === 1 ? 'Show sensitive image' : 'Show sensitive images'),
  addedByMunicipality: 'description added by the municipality',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  media: 'Attachment',
  noDescription: 'without a description',
  placeholder: {
    deleted: 'This post has been deleted.',
    blocked: 'This post is blocked.',
    unavailable: 'This post is not available.',
  },
  counts: {
    replies: (n: number) => (n === 1 ? '1 reply' : `${n} replies`),
    reposts: (n: number) => (n === 1 ? 'shared once' : `shared ${n} times`),
    likes: (n: number) => (n === 1 ? '1 like' : `${n} likes`),
  },
  platforms: { mastodon: 'Mastodon', bluesky: 'Bluesky', x: 'X', facebook: 'Facebook', instagram: 'Instagram' },
};
