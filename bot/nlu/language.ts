/** Guesses fi / sv / en from function words and characteristic letter patterns. */
import type { Locale } from '../locale';

const WORDS: Record<Locale, Set<string>> = {
  fi: new Set(('ja on oli ei että se ne me he hän mä sä mitä miten kuka missä kanssa myös mutta kun jos tänään eilen noin ' +
    'nuorta nuoria tyttöä poikaa tuntia klo joista ilta illalla juteltiin puhuttiin kiitos moi hei terve kyllä joo juu ' +
    'tallenna peru muokkaa olin oltiin tuli kävi paljon vähän kaikki hyvä kiva yhden nuoren tapasin autoin ' +
    'nuoret tytöt pojat ryhmä avoin puoli tuntia').split(' ')),
  sv: new Set(('och är var att det den en ett med på om till inte jag vi de han hon som för av från har hade ' +
    'idag igår ikväll ungefär runt ungdomar tjejer killar timmar kl varav kväll pratade tack hej hur vad kan ' +
    'jo nej spara avbryt ändra mycket bra kom träffade också men när').split(' ')),
  en: new Set(('the and of to with was were is are we i a an for about in on at it this that there they he she ' +
    'yesterday today tonight kids young people girls boys hours how what can you thanks thank hello hi yes no ' +
    'save cancel edit met had came some talked').split(' ')),
};

const PATTERNS: [Locale, RegExp, number][] = [
  ['fi', /(?:ää|öö|yy|ssa|ssä|sta|stä|lla|llä|lle|nen|ksi|ttiin)(?![\p{L}])/gu, 1],
  ['fi', /[äö]/gu, 0.3],
  ['sv', /å/gu, 1],
  ['sv', /(?:arna|erna|orna|heten|ningen)(?![\p{L}])/gu, 1],
  ['en', /(?:ing|ed|ly|th)(?![\p{L}])/gu, 0.6],
];

export function languageScores(text: string): Record<Locale, number> {
  const s = (typeof text === 'string' ? text : '').slice(0, 4000).toLowerCase();
  const score: Record<Locale, number> = { fi: 0, sv: 0, en: 0 };
  for (const w of s.match(/[\p{L}]+/gu) ?? []) {
    for (const l of ['fi', 'sv', 'en'] as Locale[]) if (WORDS[l].has(w)) score[l] += 1;
  }
  for (const [l, re, weight] of PATTERNS) score[l] += (s.match(re)?.length ?? 0) * weight;
  return score;
}

/** The most likely language, or null when there is too little to tell. */
export function detectLanguage(text: string): Locale | null {
  const score = languageScores(text);
  const ranked = (Object.entries(score) as [Locale, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top[1] < 1 || top[1] - second[1] < 0.5) return null;
  return top[0];
}
