import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Attachment } from '../../bot/messages';

/** A file name safe to write: no folders, no control characters, never hidden or empty. */
export function safeFilename(name: string): string {
  const cleaned = [...basename(name.replace(/\\/g, '/'))]
    .map((char) => (char.charCodeAt(0) < 0x20 || char === '\u007f' || '<>:"|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return cleaned || 'download';
}

/** Writes the file into `directory` under a name not taken yet ("chart (2).png"); returns its path. */
export async function saveAttachment(directory: string, file: Attachment): Promise<string> {
  await mkdir(directory, { recursive: true });
  const name = safeFilename(file.filename);
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const path = resolve(join(directory, n === 1 ? name : `${stem} (${n})${extension}`));
    try {
      await writeFile(path, file.data, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
