/** Whether young people organised the session themselves. */
const YOUTH_LED = new RegExp(
  [
    'youth[- ]led',
    '(?:organi[sz]ed|run|planned|hosted|led|arranged) by (?:the )?(?:youth|young|kids|teens|students|pupils|participants)',
    '(?:youth council|young people|kids|teens|students) (?:organi[sz]ed|ran|hosted|planned|arranged)',
    'nuorten (?:itse )?(?:järjestämä|järjestämän|järjestämää|suunnittelema|vetämä|organisoima|ideoima)',
    '(?:nuorisovaltuuston|oppilaskunnan|nuorisoraadin|nuorten raadin|nuorisoneuvoston) (?:järjestämä|järjestämän|järjestämää|vetämä|organisoima)',
    'nuoret (?:itse )?(?:järjestivät|suunnittelivat|vetivät|organisoivat|hoitivat|hoiti|pyörittivät|pyöritti)(?: itse)?(?! kotona)',
    '(?:ungdomarna|ungdomar|eleverna|tjejerna|killarna|ungdomsrådet) (?:själva )?(?:ordnade|arrangerade|höll i|planerade|fixade|ledde|ordnat|anordnade)',
    '(?:ordnat|arrangerat|anordnat|planerat|organiserat|ordnad|arrangerad|ordnade|arrangerade) av (?:ungdomarna|ungdomsrådet|ungdomar|eleverna|elevrådet|unga)',
    'ungdomsledd',
  ].join('|'),
  'u',
);

export function findYouthLed(s: string): boolean | null {
  return YOUTH_LED.test(s) ? true : null;
}
