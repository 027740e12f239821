/**
 * What the public sees of a mirrored thread. Residents on social media did not post on
 * the municipality's portal: a public mirror shows what they said, not who they are. A
 * private person becomes "Inwoner A", "Inwoner B", … (stable within the thread, so a
 * reader can follow who answers whom), without name, handle, profile or post link.
 * The municipality's own and other official accounts are shown as they are.
 */
import type { SocialThread } from '../../contracts/social-thread.ts';

/** A, B, …, Z, AA, AB, … */
export function pseudonymLetter(index: number): string {
  let letters = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1) letters = String.fromCharCode(65 + (n % 26)) + letters;
  return letters;
}

export function publicMirror(thread: SocialThread): SocialThread {
  const pseudonyms = new Map<string, string>();
  return {
    ...thread,
    posts: thread.posts.map((post) => {
      const author = post.author;
      if (!author || author.isOfficial || author.isOwnAccount) return post;
      // Keyed on the handle (or name), so the same person gets the same letter throughout.
      const key = author.handle ?? author.displayName ?? `post:${post.id}`;
      let pseudonym = pseudonyms.get(key);
      if (!pseudonym) {
        pseudonym = pseudonymLetter(pseudonyms.size);
        pseudonyms.set(key, pseudonym);
      }
      return {
        ...post,
        url: null,
        author: { displayName: null, handle: null, url: null, isOwnAccount: false, isOfficial: false, pseudonym },
        // Mentions name other people on the platform; the text keeps what the author wrote.
        mentions: post.mentions.map((mention) => ({ ...mention, url: null })),
      };
    }),
  };
}
