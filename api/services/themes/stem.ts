/**
 * Light stemmers for Dutch and English: enough to make "fietsen", "fietser" and "fiets", or
 * "lights" and "lighting", one word for counting themes. Not Snowball: no stemming package is
 * installed and a light suffix stripper plus the bilingual vocabulary (vocabulary.ts) does what
 * themes need. Stems are keys, never shown: labels use the words as written.
 */

const vowel = /[aeiouy]/;

function undoubleConsonant(stem: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/**
 * Dutch: plural and verb endings (-en, -s after -er/-el/-je, 's), adjective -e, -dt, and
 * long vowels written single, so that "straat" and "straten", "boom" and "bomen" meet.
 *
 * @example
 * stemDutch('fietsen') === stemDutch('fiets'); // 'fiets'
 */
export function stemDutch(word: string): string {
  let stem = word.toLowerCase().replace(/['’]s$/, '');
  if (stem.length <= 3) return stem.replace(/(aa|ee|oo|uu)/g, (v) => v[0]!);
  if (stem.endsWith('heden')) stem = `${stem.slice(0, -5)}heid`;
  else if (/(er|el|em|je)s$/.test(stem)) stem = stem.slice(0, -1);
  else if (stem.endsWith('en') && stem.length >= 5 && vowel.test(stem.slice(0, -2))) {
    stem = undoubleConsonant(stem.slice(0, -2));
  } else if (stem.endsWith('e') && stem.length >= 5 && !stem.endsWith('ee')) {
    stem = undoubleConsonant(stem.slice(0, -1));
  }
  if (stem.endsWith('dt')) stem = stem.slice(0, -1);
  // "fietser(s)" and "bewoner(s)" keep their -er: a cyclist is not a bike for every theme, and
  // the vocabulary joins them where they are.
  return stem.replace(/(aa|ee|oo|uu)/g, (v) => v[0]!);
}

/**
 * English: Porter's first step (plurals, -ed, -ing) and -ly, with the undoubling that makes
 * "stopped" and "stop" one stem.
 *
 * @example
 * stemEnglish('potholes') === stemEnglish('pothole'); // 'pothol'
 */
export function stemEnglish(word: string): string {
  let stem = word.toLowerCase().replace(/['’]s$/, '');
  if (stem.length <= 3) return stem;
  if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(stem)) {
    // "grass", "bus", "this" are not plurals.
  } else if (stem.endsWith('s')) stem = stem.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const base = stem.slice(0, -suffix.length);
    if (stem.endsWith(suffix) && base.length >= 3 && vowel.test(base)) {
      stem = /([b-df-hj-kmnp-rtv-y])\1$/.test(base) ? base.slice(0, -1) : base;
      break;
    }
  }
  if (stem.endsWith('ly') && stem.length >= 6) stem = stem.slice(0, -2);
  // Final -e goes so that "bike" and "biking", "place" and "placed" meet.
  if (stem.endsWith('e') && stem.length >= 4) stem = stem.slice(0, -1);
  return stem;
}

export function stem(word: string, lang: 'nl' | 'en'): string {
  return lang === 'en' ? stemEnglish(word) : stemDutch(word);
}
