/**
 * Municipal vocabulary that means the same in Dutch and English, so that "fietspad" and
 * "cycle path", or "kliko" and "bin", count as one theme. Written from what municipalities
 * receive in general (mobility, public space, waste, safety, events), not from any one set of
 * contributions; extend it when staff merge themes that the words alone did not join.
 *
 * Each concept lists words as written; they are stemmed when loaded, so plurals and verb forms
 * follow. Dutch compounds ("fietsenstalling", "parkeervergunning") are split into known parts
 * by `splitCompound`.
 */
import { stemDutch, stemEnglish } from './stem.ts';

export const concepts = {
  bike: {
    nl: ['fiets', 'fietsen', 'fietser', 'fietsers', 'rijwiel', 'bakfiets', 'e-bike', 'fietsverkeer'],
    en: ['bike', 'bikes', 'bicycle', 'cycle', 'cycling', 'cyclist', 'e-bike', 'biking'],
  },
  path: { nl: ['pad', 'strook', 'fietsstrook', 'baan'], en: ['path', 'lane', 'track'] },
  route: { nl: ['route', 'traject'], en: ['route'] },
  crossing: { nl: ['oversteek', 'oversteekplaats', 'zebrapad', 'kruispunt'], en: ['crossing', 'junction'] },
  roundabout: { nl: ['rotonde'], en: ['roundabout'] },
  rack: {
    nl: ['stalling', 'rek', 'nietje', 'nietjes', 'fietsenbox', 'fietskelder'],
    en: ['rack', 'racks', 'storage', 'stand'],
  },
  theft: { nl: ['gestolen', 'diefstal', 'stelen'], en: ['stolen', 'theft', 'steal'] },
  parking: {
    nl: ['parkeren', 'parkeer', 'geparkeerd', 'parkeert', 'parkeerplaats', 'parkeerplek', 'parkeerterrein'],
    en: ['parking', 'parked'],
  },
  garage: { nl: ['parkeergarage', 'garage'], en: ['garage', 'multi-storey'] },
  permit: { nl: ['vergunning', 'ontheffing'], en: ['permit', 'licence', 'license'] },
  spot: { nl: ['plek', 'plaats', 'ruimte'], en: ['space', 'spot', 'place', 'room'] },
  zone: { nl: ['zone', 'blauwe zone'], en: ['zone', 'blue zone'] },
  meter: { nl: ['automaat', 'parkeerautomaat', 'parkeermeter'], en: ['meter', 'machine', 'pay-and-display'] },
  paid: {
    nl: ['betaald', 'betalen', 'duur', 'duurder', 'tarief', 'kosten', 'onbetaalbaar', 'prijs'],
    en: ['paid', 'pay', 'expensive', 'fee', 'price', 'cost', 'costs', 'charge'],
  },
  fine: { nl: ['boete', 'bekeuring'], en: ['fine', 'fines', 'ticket'] },
  car: {
    nl: ['auto', "auto's", 'wagen', 'automobilist', 'automobilisten'],
    en: ['car', 'cars', 'vehicle', 'driver', 'drivers', 'motorist'],
  },
  speed: {
    nl: [
      'hard',
      'snel',
      'snelheid',
      'hardrijder',
      'hardrijders',
      'scheuren',
      'racen',
      'geracet',
      'flitser',
      'flitspaal',
      'snelheidscontrole',
      'snelheidscontroles',
      'kilometerzone',
    ],
    en: ['speed', 'speeding', 'fast', 'racing', 'speeder', 'speed camera', 'limit'],
  },
  bump: { nl: ['drempel', 'verkeersdrempel', 'drempels'], en: ['bump', 'bumps', 'hump', 'speed bump'] },
  traffic: { nl: ['verkeer', 'doorgaand verkeer', 'sluipverkeer'], en: ['traffic', 'through traffic'] },
  drive: { nl: ['rijden', 'rijdt', 'gereden', 'rijd'], en: ['drive', 'driving', 'driven', 'drove'] },
  danger: {
    nl: ['gevaarlijk', 'levensgevaarlijk', 'gevaar', 'ongeluk'],
    en: ['dangerous', 'danger', 'accident', 'crash'],
  },
  school: { nl: ['school', 'basisschool', 'schoolplein'], en: ['school', 'schools'] },
  child: { nl: ['kind', 'kinderen', 'kids', 'kinder'], en: ['child', 'children', 'kids', 'kid'] },
  kerb: { nl: ['stoeprand', 'stoepranden', 'verlaagde stoeprand'], en: ['kerb', 'kerbs', 'curb', 'dropped kerb'] },
  pavement: { nl: ['stoep', 'trottoir', 'voetpad', 'stoepen'], en: ['pavement', 'sidewalk', 'footpath'] },
  wheelchair: {
    nl: ['rolstoel', 'rolstoelgebruiker', 'rollator', 'scootmobiel', 'kinderwagen'],
    en: ['wheelchair', 'walker', 'mobility scooter', 'pushchair', 'buggy', 'pram', 'rollator'],
  },
  disabled: {
    nl: [
      'invalide',
      'invaliden',
      'gehandicapt',
      'beperking',
      'toegankelijk',
      'toegankelijkheid',
      'ontoegankelijk',
      'onbereikbaar',
    ],
    en: ['disabled', 'disability', 'accessible', 'accessibility', 'inaccessible'],
  },
  blind: {
    nl: ['blind', 'blinden', 'slechtziend', 'slechtziende', 'geleidelijn', 'geleidelijnen'],
    en: ['blind', 'visually impaired', 'tactile paving'],
  },
  step: { nl: ['trede', 'trap', 'opstap'], en: ['step', 'steps', 'stairs'] },
  lift: { nl: ['lift'], en: ['lift', 'elevator'] },
  waste: {
    nl: [
      'afval',
      'vuil',
      'vuilnis',
      'restafval',
      'grofvuil',
      'gft',
      'plastic',
      'papier',
      'tuinafval',
      'vuilniszak',
      'vuilniszakken',
    ],
    en: ['waste', 'rubbish', 'garbage', 'trash', 'refuse', 'recycling', 'plastic', 'paper', 'garden waste', 'bin bag'],
  },
  container: {
    nl: [
      'container',
      'kliko',
      'bak',
      'glasbak',
      'ondergrondse container',
      'prullenbak',
      'afvalbak',
      'vuilnisbak',
      'papiercontainer',
    ],
    en: ['bin', 'bins', 'container', 'wheelie bin', 'litter bin', 'dustbin'],
  },
  collect: {
    nl: ['ophalen', 'opgehaald', 'legen', 'geleegd', 'inzameling', 'afvalkalender', 'ophaaldag', 'ophaaldienst'],
    en: ['collection', 'collect', 'collected', 'empty', 'emptied', 'pick up', 'bin day'],
  },
  dumping: { nl: ['dumpen', 'gedumpt', 'dumping', 'bijplaatsing'], en: ['dumping', 'dumped', 'fly-tipping'] },
  litter: {
    nl: ['zwerfafval', 'zwerfvuil', 'rommel', 'troep', 'peuk', 'peuken', 'kauwgom', 'blikjes', 'vies', 'smerig'],
    en: ['litter', 'mess', 'butt', 'butts', 'cans', 'filthy', 'dirty'],
  },
  dog: {
    nl: ['hond', 'honden', 'hondenbezitter', 'baasje', 'baasjes', 'hondenuitlaatplaats'],
    en: ['dog', 'dogs', 'dog owner'],
  },
  poo: {
    nl: ['poep', 'hondenpoep', 'uitwerpselen', 'kattenpoep'],
    en: ['poo', 'poop', 'dog mess', 'dog fouling', 'fouling'],
  },
  tree: {
    nl: ['boom', 'bomen', 'kap', 'kappen', 'gekapt', 'bomenkap'],
    en: ['tree', 'trees', 'felling', 'cut down', 'cutting down'],
  },
  green: {
    nl: [
      'groen',
      'plantsoen',
      'plantsoenen',
      'gras',
      'grasveld',
      'struik',
      'struiken',
      'haag',
      'heg',
      'bloem',
      'bloemen',
      'bloemperk',
      'perk',
      'berm',
      'onkruid',
      'geveltuin',
      'buurttuin',
      'pluktuin',
      'groenvoorziening',
    ],
    en: [
      'green',
      'greenery',
      'grass',
      'verge',
      'verges',
      'hedge',
      'hedges',
      'shrub',
      'flower',
      'flowers',
      'flower bed',
      'weeds',
      'green space',
      'planting',
    ],
  },
  mow: {
    nl: ['maaien', 'gemaaid', 'snoeien', 'onderhoud', 'onderhouden'],
    en: ['mow', 'mowed', 'mown', 'prune', 'maintain', 'maintenance', 'maintained'],
  },
  park: { nl: ['park', 'stadspark'], en: ['park'] },
  play: {
    nl: [
      'spelen',
      'speel',
      'speeltuin',
      'speelplek',
      'speelplaats',
      'speelveld',
      'speeltoestel',
      'speeltoestellen',
      'glijbaan',
      'schommel',
      'klimrek',
      'zandbak',
      'trapveld',
      'trapveldje',
      'wip',
    ],
    en: [
      'play',
      'playground',
      'play area',
      'swing',
      'swings',
      'slide',
      'climbing frame',
      'sandpit',
      'equipment',
      'skate',
    ],
  },
  light: {
    nl: [
      'licht',
      'verlichting',
      'straatverlichting',
      'lamp',
      'lampen',
      'lantaarnpaal',
      'lantaarn',
      'donker',
      'pikkedonker',
      'aardedonker',
      'verlicht',
    ],
    en: [
      'light',
      'lights',
      'lighting',
      'lamp',
      'street light',
      'street lamp',
      'lamp post',
      'dark',
      'pitch dark',
      'lit',
    ],
  },
  unsafe: {
    nl: ['onveilig', 'veilig', 'veiligheid', 'bang', 'durf', 'durven', 'eng'],
    en: ['unsafe', 'safe', 'safety', 'afraid', 'scared'],
  },
  police: {
    nl: [
      'politie',
      'handhaving',
      'handhaver',
      'toezicht',
      'boa',
      'camera',
      "camera's",
      'cameratoezicht',
      'buurtpreventie',
      'surveillance',
    ],
    en: ['police', 'patrol', 'patrols', 'enforcement', 'warden', 'camera', 'cameras', 'cctv'],
  },
  crime: {
    nl: ['inbraak', 'inbraken', 'vandalisme', 'dealen', 'gedeald', 'overlast'],
    en: ['burglary', 'burglaries', 'vandalism', 'break-in', 'dealing', 'antisocial'],
  },
  noise: {
    nl: ['geluid', 'geluidsoverlast', 'herrie', 'lawaai', 'luid', 'muziek', 'knallen', 'bas', 'harde muziek'],
    en: ['noise', 'noisy', 'loud', 'music', 'bass', 'bangs'],
  },
  event: {
    nl: [
      'evenement',
      'evenementen',
      'festival',
      'kermis',
      'feest',
      'concert',
      'openluchtconcert',
      'koningsdag',
      'braderie',
    ],
    en: ['event', 'events', 'festival', 'fair', 'funfair', 'party', 'concert', 'gig', 'venue'],
  },
  fireworks: {
    nl: ['vuurwerk', 'vuurwerkverbod', 'oudejaarsavond', 'oud en nieuw'],
    en: ['fireworks', 'firework', "new year's eve"],
  },
  night: {
    nl: ['nacht', "'s nachts", 'middernacht', 'avond', "'s avonds", 'slapen'],
    en: ['night', 'midnight', 'evening', 'sleep'],
  },
  bus: {
    nl: ['bus', 'buslijn', 'bussen', 'buurtbus', 'busverbinding', 'pendelbus'],
    en: ['bus', 'buses', 'shuttle', 'bus route', 'coach'],
  },
  stop: { nl: ['halte', 'bushalte', 'abri', 'overkapping', 'wachthuisje'], en: ['bus stop', 'shelter', 'bus shelter'] },
  transit: {
    nl: ['ov', 'openbaar vervoer', 'dienstregeling', 'vervoer', 'verbinding', 'aansluiting'],
    en: ['public transport', 'transit', 'timetable', 'connection', 'service'],
  },
  train: { nl: ['trein', 'station', 'perron'], en: ['train', 'station', 'platform'] },
  market: {
    nl: [
      'markt',
      'weekmarkt',
      'zaterdagmarkt',
      'avondmarkt',
      'kraam',
      'kramen',
      'marktkraam',
      'marktkramen',
      'standplaats',
      'marktkoopman',
      'marktkooplieden',
    ],
    en: ['market', 'markets', 'stall', 'stalls', 'trader', 'traders', 'market trader'],
  },
  shop: {
    nl: ['winkel', 'winkels', 'ondernemer', 'ondernemers', 'boodschappen'],
    en: ['shop', 'shops', 'business', 'shopping'],
  },
  road: {
    nl: ['weg', 'wegdek', 'asfalt', 'klinker', 'klinkers', 'bestrating', 'geasfalteerd'],
    en: ['road', 'road surface', 'asphalt', 'tarmac', 'surface', 'cobbles'],
  },
  hole: {
    nl: ['gat', 'gaten', 'kuil', 'verzakt', 'verzakking', 'scheur', 'bult', 'wortelopdruk'],
    en: ['pothole', 'potholes', 'hole', 'crack', 'sunken', 'crumbling', 'bump in'],
  },
  tile: {
    nl: ['tegel', 'tegels', 'stoeptegel', 'stoeptegels'],
    en: ['paving stone', 'paving', 'slab', 'slabs', 'tile'],
  },
  roadworks: {
    nl: ['werkzaamheden', 'wegwerkzaamheden', 'wegafsluiting', 'omleiding'],
    en: ['roadworks', 'works', 'diversion', 'road closure'],
  },
  repair: {
    nl: ['repareren', 'herstellen', 'gerepareerd', 'maken', 'vervangen'],
    en: ['repair', 'repaired', 'fix', 'fixed', 'replace'],
  },
  broken: {
    nl: ['kapot', 'stuk', 'beschadigd', 'vernield', 'defect'],
    en: ['broken', 'damaged', 'smashed', 'vandalised', 'out of order'],
  },
} satisfies Record<string, { nl: string[]; en: string[] }>;

export type Concept = keyof typeof concepts;

/** How each concept is named in a theme's label, when one concept names the theme. */
const names: Record<Concept, { nl: string; en: string }> = {
  speed: { nl: 'snelheid', en: 'speeding' },
  light: { nl: 'straatverlichting', en: 'street lighting' },
  crime: { nl: 'inbraak en overlast', en: 'burglary and nuisance' },
  green: { nl: 'groen', en: 'greenery' },
  stop: { nl: 'bushalte', en: 'bus stop' },
  disabled: { nl: 'toegankelijkheid', en: 'accessibility' },
  kerb: { nl: 'stoeprand', en: 'kerb' },
  tile: { nl: 'stoeptegels', en: 'paving stones' },
  tree: { nl: 'bomen', en: 'trees' },
  event: { nl: 'evenementen', en: 'events' },
  play: { nl: 'speeltuin', en: 'playground' },
  hole: { nl: 'gaten in de weg', en: 'potholes' },
  noise: { nl: 'geluidsoverlast', en: 'noise' },
  roadworks: { nl: 'wegwerkzaamheden', en: 'roadworks' },
  transit: { nl: 'openbaar vervoer', en: 'public transport' },
  collect: { nl: 'afval ophalen', en: 'waste collection' },
  unsafe: { nl: 'veiligheid', en: 'safety' },
  police: { nl: 'handhaving', en: 'enforcement' },
  paid: { nl: 'kosten', en: 'costs' },
  rack: { nl: 'fietsenrekken', en: 'bike racks' },
  wheelchair: { nl: 'rolstoel', en: 'wheelchair' },
  poo: { nl: 'hondenpoep', en: 'dog mess' },
  dumping: { nl: 'afval dumpen', en: 'dumping' },
  broken: { nl: 'kapot', en: 'broken' },
  mow: { nl: 'onderhoud van groen', en: 'maintenance of green spaces' },
  bus: { nl: 'bus', en: 'bus' },
  container: { nl: 'containers', en: 'bins' },
  waste: { nl: 'afval', en: 'waste' },
  litter: { nl: 'zwerfafval', en: 'litter' },
  market: { nl: 'markt', en: 'market' },
  parking: { nl: 'parkeren', en: 'parking' },
  bike: { nl: 'fiets', en: 'bike' },
  path: { nl: 'fietspad', en: 'cycle path' },
  car: { nl: 'auto', en: 'car' },
  permit: { nl: 'vergunning', en: 'permit' },
  zone: { nl: 'blauwe zone', en: 'blue zone' },
  bump: { nl: 'verkeersdrempels', en: 'speed bumps' },
  pavement: { nl: 'stoep', en: 'pavement' },
  fireworks: { nl: 'vuurwerk', en: 'fireworks' },
  road: { nl: 'wegdek', en: 'road surface' },
  repair: { nl: 'herstel', en: 'repairs' },
  park: { nl: 'park', en: 'park' },
  train: { nl: 'station', en: 'station' },
  school: { nl: 'school', en: 'school' },
  child: { nl: 'kinderen', en: 'children' },
  dog: { nl: 'honden', en: 'dogs' },
  blind: { nl: 'blinden en slechtzienden', en: 'blind and partially sighted' },
  theft: { nl: 'fietsendiefstal', en: 'bike theft' },
  garage: { nl: 'parkeergarage', en: 'car park' },
  night: { nl: 'nacht', en: 'night' },
  shop: { nl: 'winkels', en: 'shops' },
  drive: { nl: 'rijden', en: 'driving' },
  traffic: { nl: 'verkeer', en: 'traffic' },
  danger: { nl: 'gevaar', en: 'danger' },
  route: { nl: 'route', en: 'route' },
  crossing: { nl: 'oversteek', en: 'crossing' },
  roundabout: { nl: 'rotonde', en: 'roundabout' },
  spot: { nl: 'parkeerplek', en: 'parking space' },
  meter: { nl: 'parkeerautomaat', en: 'parking meter' },
  fine: { nl: 'boete', en: 'fine' },
  step: { nl: 'opstap', en: 'step' },
  lift: { nl: 'lift', en: 'lift' },
};

/** A concept's name in one language, for labels of themes that one concept names. */
export function conceptName(concept: string, lang: 'nl' | 'en'): string | undefined {
  return Object.hasOwn(names, concept) ? names[concept as Concept][lang] : undefined;
}

/** Multi-word expressions that are one concept ("blauwe zone", "bus stop"), by language. */
const phrases: Record<'nl' | 'en', Map<string, string>> = { nl: new Map(), en: new Map() };
const singles: Record<'nl' | 'en', Map<string, string>> = { nl: new Map(), en: new Map() };

for (const [concept, words] of Object.entries(concepts)) {
  for (const lang of ['nl', 'en'] as const) {
    const stemmer = lang === 'en' ? stemEnglish : stemDutch;
    for (const word of words[lang]) {
      const parts = word.toLowerCase().split(/\s+/);
      if (parts.length > 1) phrases[lang].set(parts.map(stemmer).join(' '), concept);
      else if (!singles[lang].has(stemmer(word))) singles[lang].set(stemmer(word), concept);
    }
  }
}

/** The concept of a two-word expression, given the two stems. */
export function phraseConcept(first: string, second: string, lang: 'nl' | 'en'): string | undefined {
  return phrases[lang].get(`${first} ${second}`);
}

/** The concept of one stemmed word. */
export function wordConcept(stemmed: string, lang: 'nl' | 'en'): string | undefined {
  return singles[lang].get(stemmed);
}

// Dutch links compound parts with -s-, -en- or -e- ("geluidsoverlast", "hondenpoep").
const linkers = ['', 's', 'en', 'e'];

/**
 * The known parts of a Dutch compound ("fietsenstalling" → bike, rack), or nothing when the
 * word does not start with a known part. The tail may be an unknown word of four letters or
 * more, which is then kept as its stem ("parkeerbeleid" → parking, "beleid").
 */
export function splitCompound(word: string): Array<{ concept?: string; stem: string; text: string }> | undefined {
  if (word.length < 7) return undefined;
  for (let cut = word.length - 3; cut >= 3; cut--) {
    const head = stemDutch(word.slice(0, cut));
    const headConcept = wordConcept(head, 'nl');
    if (!headConcept) continue;
    for (const linker of linkers) {
      if (!word.slice(cut).startsWith(linker)) continue;
      const rest = word.slice(cut + linker.length);
      if (rest.length < 3) continue;
      const tailStem = stemDutch(rest);
      const tailConcept = wordConcept(tailStem, 'nl');
      const first = { concept: headConcept, stem: head, text: word.slice(0, cut) };
      if (tailConcept) return [first, { concept: tailConcept, stem: tailStem, text: rest }];
      const nested = splitCompound(rest);
      if (nested) return [first, ...nested];
    }
    const rest = word.slice(cut);
    if (rest.length >= 4)
      return [
        { concept: headConcept, stem: head, text: word.slice(0, cut) },
        { stem: stemDutch(rest), text: rest },
      ];
  }
  return undefined;
}
