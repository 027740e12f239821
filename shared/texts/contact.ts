/** Texts of the contact page. */

export const nl = {
  title: 'Contact',
  heading: 'Contact',
  intro: 'Heeft u een vraag over een consultatie of over deze website? Neem contact met ons op.',
  email: 'E-mail',
  phone: 'Telefoon',
  post: 'Post',
  website: 'Website',
  followUpHint: 'Gaat uw vraag over uw reactie? Noem dan uw code.',
};

export type Texts = typeof nl;

export const en: Texts = {
  title: 'Contact',
  heading: 'Contact',
  intro: 'Do you have a question about a consultation or about this website? Get in touch.',
  email: 'E-mail',
  phone: 'Phone',
  post: 'Post',
  website: 'Website',
  followUpHint: 'Is your question about your response? Then mention your code.',
};
