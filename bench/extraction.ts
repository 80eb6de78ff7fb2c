/** Throughput of the rule-based extractor on one core: `node dist/bench/extraction.js`. */
import { DEFAULT_THEMES, extract } from '../bot/nlu';
import type { ExtractContext } from '../bot/nlu';

const MESSAGES = [
  "Tonight's open evening: 23 young people, 13 boys and 10 girls. Pool tournament and a long chat about online gambling.",
  'Drama group yesterday 16:00-18:00, 8 participants, 2 of them new',
  'Detached work in the town centre Saturday, approx. 15 youths, handed out info on sexual health',
  'Met one young person for 30 minutes to help with a job application',
  'boxing group 6 boys 1 girl 1h, some talk about fights at school',
  'Open doors 16-20: seventeen visitors, three new. A boy told us he is being bullied.',
  'Avoin ilta tänään: 23 nuorta, 13 poikaa ja 10 tyttöä. Biljarditurnaus ja pitkä juttu nettipelaamisesta.',
  'Draamaryhmä eilen klo 16-18, 8 osallistujaa, joista 2 uutta',
  'Jalkautuvaa työtä keskustassa lauantaina, n. 15 nuorta, jaettiin tietoa seksuaaliterveydestä',
  'Tapasin yhden nuoren puoli tuntia, autoin työhakemuksen kanssa',
  'Halloween-disko, noin 120 lasta, nuorisovaltuuston järjestämä',
  'nuokkari auki 16-20, kaksikymmentäkolme kävijää, kaksi uutta. Biljardia ja pingistä 🎱',
  'Öppen kväll ikväll: 23 ungdomar, 13 killar och 10 tjejer. Samtal om spel om pengar på nätet.',
  'Dramagruppen igår 16-18, 8 deltagare, varav 2 nya',
  'Fältade i centrum på lördagen, ca 15 ungdomar, delade ut info om sexuell hälsa',
  'Träffade en ungdom i en halvtimme och hjälpte till med en jobbansökan',
  'Boxningsgruppen 6 killar 1 tjej 1h, pratade om bråk i skolan',
  'Discord evening 19-21, 11 participants online, chatted about gaming and screen time',
];

export function benchExtraction(seconds = 2): { messagesPerSecond: number; messages: number } {
  const ctx: ExtractContext = {
    today: '2026-11-25',
    catalogue: { units: [], activities: [], themes: DEFAULT_THEMES },
  };
  // Warm up the regex engine and the matcher cache.
  for (let i = 0; i < 2000; i++) extract(MESSAGES[i % MESSAGES.length], ctx);
  const limit = seconds * 1000;
  const start = performance.now();
  let messages = 0;
  let elapsed = 0;
  while (elapsed < limit) {
    for (let i = 0; i < 200; i++) extract(MESSAGES[(messages + i) % MESSAGES.length], ctx);
    messages += 200;
    elapsed = performance.now() - start;
  }
  return { messagesPerSecond: Math.round((messages / elapsed) * 1000), messages };
}

if (require.main === module) {
  console.log(JSON.stringify(benchExtraction()));
}
