/** Words of presence on an item ("who else has it open"), Dutch first. */
const minutesNl = (n: number) => (n < 1 ? 'net geopend' : `${n} min`);
const minutesEn = (n: number) => (n < 1 ? 'just opened' : `${n} min`);

export const nl = {
  /** The visible line: names with how long each has had the item open. */
  line: (people: ReadonlyArray<{ name: string; minutes: number }>) =>
    `Ook geopend door: ${people.map((p) => `${p.name} (${minutesNl(p.minutes)})`).join(', ')}`,
  /** What a screen reader hears when the people change: names only, no times. */
  announce: (names: readonly string[]) =>
    names.length === 0 ? 'Niemand anders heeft dit item nu open.' : `Ook geopend door: ${names.join(', ')}.`,
  regionLabel: 'Wie dit item ook open heeft',
};

export const en: typeof nl = {
  line: (people) => `Also open: ${people.map((p) => `${p.name} (${minutesEn(p.minutes)})`).join(', ')}`,
  announce: (names) => (names.length === 0 ? 'Nobody else has this item open now.' : `Also open: ${names.join(', ')}.`),
  regionLabel: 'Who else has this item open',
};
