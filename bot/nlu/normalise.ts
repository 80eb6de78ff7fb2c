/** Lower-cases and unifies dashes, spaces and quotes; caps length so rules stay fast. */
export const MAX_INPUT = 20_000;

export function normalise(text: string): string {
  let s = typeof text === 'string' ? text : '';
  if (s.length > MAX_INPUT) s = s.slice(0, MAX_INPUT);
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\r]/g, ' ')
    .replace(/[\u2018\u2019`\u00b4]/g, "'");
}

export interface Token {
  text: string;
  /** 'num' = digits, 'word' = letters, 'sep' = sentence end, 'punct' = anything else. */
  kind: 'num' | 'word' | 'sep' | 'punct';
}

const LETTER = /^[\p{L}\p{M}]/u;
const TOKEN = /\d+(?:[.,]\d+)?|[\p{L}\p{M}]+(?:['-][\p{L}\p{M}]+)*|\n|[.!?]+|[^\s]/gu;

/** Splits normalised text into words, numbers and punctuation. */
export function tokenise(s: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) !== null) {
    const t = m[0];
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push({ text: t, kind: 'num' });
    else if (c === 10 || c === 46 || c === 33 || c === 63) out.push({ text: t, kind: 'sep' });
    else if (t.length > 1 || LETTER.test(t)) out.push({ text: t, kind: 'word' });
    else out.push({ text: t, kind: 'punct' });
  }
  return out;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** All matches of a global RegExp, without matchAll's per-call RegExp clone. */
export function matches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
