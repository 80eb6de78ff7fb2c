import type { Locale } from '../locale';

/** Goals: the mentors' commands and the status lines of reports, in fi, sv and en. */
export const GOAL_PHRASES = {
  goalAdded: { en: 'New goal: {goal}.', fi: 'Uusi tavoite: {goal}.', sv: 'Nytt mål: {goal}.' },
  goalUpdated: {
    en: 'Changed the goal: {goal} (was {before}).',
    fi: 'Muutin tavoitteen: {goal} (oli {before}).',
    sv: 'Ändrade målet: {goal} (var {before}).',
  },
  goalUnchanged: {
    en: 'That goal is set already: {goal}.',
    fi: 'Tavoite on jo asetettu: {goal}.',
    sv: 'Det målet finns redan: {goal}.',
  },
  goalRemoved: { en: 'Removed the goal: {goals}.', fi: 'Poistin tavoitteen: {goals}.', sv: 'Tog bort målet: {goals}.' },
  goalNotFound: {
    en: 'There is no goal for {what}. Write "goals" to see them all.',
    fi: 'Tavoitetta ei ole: {what}. Kirjoita "tavoitteet", niin näet kaikki.',
    sv: 'Det finns inget mål för {what}. Skriv "mål" för att se alla.',
  },
  goalsTitle: { en: 'Goals ({count}):', fi: 'Tavoitteet ({count}):', sv: 'Mål ({count}):' },
  goalsNone: {
    en: 'No goals are set yet. A mentor can set one, for example "goal girls share at least 40 %" or "goal participants 300 per month".',
    fi: 'Tavoitteita ei ole vielä asetettu. Mentori voi asettaa niitä, esimerkiksi "tavoite tyttöjen osuus vähintään 40 %" tai "tavoite kävijät 300 kuukaudessa".',
    sv: 'Inga mål är satta än. En mentor kan sätta mål, till exempel "mål tjejandel minst 40 %" eller "mål deltagare 300 per månad".',
  },
  goalHow: {
    en: 'Tell me what to measure and the target, for example "goal girls share at least 40 %", "goal participants 300 per month", "goal Kallio new 10 per week" or "goal hours at most 20 per week".',
    fi: 'Kerro, mitä mitataan ja mikä on tavoite, esimerkiksi "tavoite tyttöjen osuus vähintään 40 %", "tavoite kävijät 300 kuukaudessa", "tavoite Kallio uudet 10 viikossa" tai "tavoite tunnit enintään 20 viikossa".',
    sv: 'Berätta vad som ska mätas och målet, till exempel "mål tjejandel minst 40 %", "mål deltagare 300 per månad", "mål Kallio nya 10 per vecka" eller "mål timmar högst 20 per vecka".',
  },
  goalRemoveHow: {
    en: 'Which goal should I remove? For example "remove goal girls share" or "remove goal Kallio new". Write "goals" to see them.',
    fi: 'Minkä tavoitteen poistan? Esimerkiksi "poista tavoite tyttöjen osuus" tai "poista tavoite Kallio uudet". Kirjoita "tavoitteet", niin näet ne.',
    sv: 'Vilket mål ska jag ta bort? Till exempel "ta bort mål tjejandel" eller "ta bort mål Kallio nya". Skriv "mål" för att se dem.',
  },
  goalInvalidShare: {
    en: 'A share is a percentage from 0 to 100, for example "goal youth-led 20 %".',
    fi: 'Osuus on prosentti väliltä 0–100, esimerkiksi "tavoite nuorten toteuttamat 20 %".',
    sv: 'En andel är en procentsats från 0 till 100, till exempel "mål ungdomsledda 20 %".',
  },
  goalInvalidCount: {
    en: '{metric} is a count, not a percentage. Give a number per month or per week, for example "goal participants 300 per month".',
    fi: '{metric} on lukumäärä eikä prosentti. Anna luku kuukaudessa tai viikossa, esimerkiksi "tavoite kävijät 300 kuukaudessa".',
    sv: '{metric} är ett antal, inte en procentsats. Ange ett antal per månad eller per vecka, till exempel "mål deltagare 300 per månad".',
  },
  goalAtLeast: { en: 'at least {value}', fi: 'vähintään {value}', sv: 'minst {value}' },
  goalAtMost: { en: 'at most {value}', fi: 'enintään {value}', sv: 'högst {value}' },
  goalPerMonth: { en: '{metric} per month', fi: '{metric} kuukaudessa', sv: '{metric} per månad' },
  goalPerWeek: { en: '{metric} per week', fi: '{metric} viikossa', sv: '{metric} per vecka' },
  goalOfUnit: { en: '{unit}: {label}', fi: '{unit}: {label}', sv: '{unit}: {label}' },
  goalListLine: { en: '• {label} — {target}', fi: '• {label} — {target}', sv: '• {label} — {target}' },
  goalStatusMet: {
    en: '{label} {actual} (target {target}) ✓',
    fi: '{label} {actual} (tavoite {target}) ✓',
    sv: '{label} {actual} (mål {target}) ✓',
  },
  goalStatusRatio: {
    en: '{label} {actual} (target {target}) — {ratio} of target',
    fi: '{label} {actual} (tavoite {target}) — {ratio} tavoitteesta',
    sv: '{label} {actual} (mål {target}) — {ratio} av målet',
  },
  goalStatusShareBelow: {
    en: '{label} {actual} (target {target}) — {points} percentage points short',
    fi: '{label} {actual} (tavoite {target}) — {points} prosenttiyksikköä alle tavoitteen',
    sv: '{label} {actual} (mål {target}) — {points} procentenheter under målet',
  },
  goalStatusShareAbove: {
    en: '{label} {actual} (target {target}) — {points} percentage points over',
    fi: '{label} {actual} (tavoite {target}) — {points} prosenttiyksikköä yli tavoitteen',
    sv: '{label} {actual} (mål {target}) — {points} procentenheter över målet',
  },
  goalStatusMissed: {
    en: '{label} {actual} (target {target}) ✗',
    fi: '{label} {actual} (tavoite {target}) ✗',
    sv: '{label} {actual} (mål {target}) ✗',
  },
  goalStatusNoData: {
    en: '{label}: no data yet (target {target})',
    fi: '{label}: ei vielä tietoja (tavoite {target})',
    sv: '{label}: inga uppgifter än (mål {target})',
  },
  goalInYourUnits: { en: '{line} (in your units)', fi: '{line} (omissa yksiköissäsi)', sv: '{line} (i dina enheter)' },
  goalsProgressTitle: { en: 'Goals, {period}', fi: 'Tavoitteet, {period}', sv: 'Mål, {period}' },
} satisfies Record<string, Record<Locale, string>>;
