/** A question being read: each recognised phrase is blanked out, so later rules see only the rest. */
export class Scan {
  /** The normalised text with recognised phrases replaced by spaces (same length, so offsets hold). */
  rest: string;

  constructor(readonly text: string) {
    this.rest = text;
  }

  /** All matches of a global RegExp in what is left; each one is blanked. */
  take(re: RegExp): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.rest)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push(m);
    }
    re.lastIndex = 0;
    for (const hit of found) this.blank(hit.index, hit.index + hit[0].length);
    return found;
  }

  /** The first match, blanked; null when there is none. */
  takeFirst(re: RegExp): RegExpExecArray | null {
    const m = new RegExp(re.source, re.flags.replace('g', '')).exec(this.rest);
    if (m) this.blank(m.index, m.index + m[0].length);
    return m;
  }

  /** True when the RegExp matches what is left; nothing is blanked. */
  has(re: RegExp): boolean {
    return new RegExp(re.source, re.flags.replace('g', '')).test(this.rest);
  }

  blank(start: number, end: number): void {
    this.rest = this.rest.slice(0, start) + ' '.repeat(end - start) + this.rest.slice(end);
  }
}

/** Word boundaries for Unicode text: no letter or digit just before, no letter just after. */
export const B = '(?<![\\p{L}\\d])';
export const E = '(?![\\p{L}])';

/** A global, Unicode RegExp of alternatives, each bounded as a whole word (with an optional inflection). */
export function words(alternatives: string[], flags = 'gu'): RegExp {
  return new RegExp(`${B}(?:${alternatives.join('|')})${E}`, flags);
}
