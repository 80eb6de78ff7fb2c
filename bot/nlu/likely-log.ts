/** Tells a session log from small talk and questions. */
import type { EntryFields } from '../entry';
import { normalise } from './normalise';

const SMALL_TALK =
  /^(?:hi|hey|hello|hiya|yo|moi|moikka|moro|hei|heippa|terve|hej|hejsan|tjena|tja|hallå|thanks|thank you|thx|ty|kiitos|kiitti|kiitoksia|tack|tackar|tack så mycket|ok|okay|okei|selvä|good morning|huomenta|god morgon|bye|moikka|hejdå|heido|nähdään|see you|help|apua|hjälp)(?:[\s!.,:)(]|😀|🙂|😊|👍|🙏|❤️)*$/u;
const QUESTION_START =
  /^(?:how|what|why|when|where|who|can you|could you|do you|does|is it|are you|miten|mitä|mikä|miksi|milloin|missä|kuka|voitko|osaatko|voiko|onko|hur|vad|varför|när|var kan|vem|kan du|kan man|går det)(?![\p{L}])/u;

export function isLikelyLog(text: string, fields: EntryFields): boolean {
  const s = normalise(typeof text === 'string' ? text : '').trim();
  if (!s || SMALL_TALK.test(s)) return false;
  const p = fields?.participants;
  const hasCount = !!p && [p.total, p.girls, p.boys, p.nonBinary, p.new].some((v) => v !== null && v !== undefined);
  const question = /\?\s*$/.test(s) || QUESTION_START.test(s);
  if (question && !hasCount) return false;
  if (hasCount || fields?.workForm || fields?.activity) return true;
  const context = (fields?.themes?.length ?? 0) > 0 || !!fields?.unit;
  if (fields?.durationMinutes && (context || s.length > 15)) return true;
  return context && s.split(/\s+/).length >= 4;
}
