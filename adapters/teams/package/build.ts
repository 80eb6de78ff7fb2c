/**
 * Writes the Teams app package build/logbook-teams.zip (manifest.json, color.png, outline.png).
 * Needs MicrosoftAppId and an https PUBLIC_BASE_URL; `--allow-placeholder` stands in a fixed app id.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { projectRoot } from '../../../app/paths';
import { renderIcons } from './icons';
import { buildManifest } from './manifest';

export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

const envSchema = z.object({
  MicrosoftAppId: z
    .string({ error: "is not set: give the bot's Microsoft App ID (or pass --allow-placeholder)" })
    .regex(GUID, 'must be a GUID such as 00000000-0000-0000-0000-000000000001'),
  PUBLIC_BASE_URL: z
    .string({ error: 'is not set: give the https URL where the bot is reachable, e.g. https://logbook.example.org' })
    .refine(isHttpsUrl, 'must be an https:// URL (for local try-outs, an https tunnel URL)'),
});

export class PackageError extends Error {}

export interface BuildOptions {
  env?: NodeJS.ProcessEnv;
  allowPlaceholder?: boolean;
  /** Defaults to build/logbook-teams.zip in the project root. */
  outFile?: string;
}

/** Reads the two variables; an invalid or missing one throws a PackageError with a one-line message. */
export function readPackageEnv(env: NodeJS.ProcessEnv, allowPlaceholder = false): { appId: string; publicBaseUrl: string } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  if (allowPlaceholder && present.MicrosoftAppId === undefined) present.MicrosoftAppId = PLACEHOLDER_APP_ID;
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PackageError(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const url = new URL(result.data.PUBLIC_BASE_URL.trim());
  const publicBaseUrl = (url.origin + url.pathname).replace(/\/+$/, '');
  return { appId: result.data.MicrosoftAppId.trim(), publicBaseUrl };
}

/** Builds the zip and returns its path. */
export async function buildPackage(options: BuildOptions = {}): Promise<string> {
  const { appId, publicBaseUrl } = readPackageEnv(options.env ?? process.env, options.allowPlaceholder);
  const root = projectRoot();
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = buildManifest({ appId, publicBaseUrl, version });
  const icons = renderIcons();

  // A fixed date keeps the zip byte-for-byte reproducible.
  const date = new Date(Date.UTC(2024, 0, 1));
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', { date });
  zip.file('color.png', icons.color, { date });
  zip.file('outline.png', icons.outline, { date });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  const outFile = options.outFile ?? join(root, 'build', 'logbook-teams.zip');
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, bytes);
  return outFile;
}

async function main(argv: string[]): Promise<void> {
  try {
    const outFile = await buildPackage({ allowPlaceholder: argv.includes('--allow-placeholder') });
    console.log(`Wrote ${relative(process.cwd(), outFile) || outFile}`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

if (require.main === module) void main(process.argv.slice(2));
