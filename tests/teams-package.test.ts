import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { buildPackage, PackageError, PLACEHOLDER_APP_ID, readPackageEnv } from '../adapters/teams/package/build';
import { buildManifest, MANIFEST_VERSION, type TeamsManifest } from '../adapters/teams/package/manifest';
import schema from './fixtures/teams-manifest-schema/v1.29.json';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://logbook.example.org' };

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG to straight RGBA pixels. */
function decodePng(png: Buffer): { width: number; height: number; colorType: number; rgba: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = header.subarray(8, 13);
  expect({ bitDepth, interlace }).toEqual({ bitDepth: 8, interlace: 0 });
  expect([2, 6]).toContain(colorType);
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    out.copy(rgba, i * 4, i * bpp, i * bpp + 3);
    rgba[i * 4 + 3] = bpp === 4 ? out[i * bpp + 3] : 255;
  }
  return { width, height, colorType, rgba };
}

/** Microsoft's schema is draft-04; strict: false because it leaves out some "type"s that ajv's strict mode wants. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('Teams app package', () => {
  let dir: string;
  let zip: JSZip;
  let manifest: TeamsManifest;
  let validate: ReturnType<typeof validator>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logbook-teams-'));
    const outFile = await buildPackage({ env: ENV, outFile: join(dir, 'logbook-teams.zip') });
    zip = await JSZip.loadAsync(await readFile(outFile));
    manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;
    validate = validator();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds exactly manifest.json and the two icons at its root', () => {
    const names = Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name);
    expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Object.keys(zip.files)).toHaveLength(3);
  });

  it('has a manifest that validates against the schema of its own version', () => {
    expect(schema.properties.manifestVersion.const).toBe(MANIFEST_VERSION);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toContain(`/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  });

  it('the schema check really rejects a broken manifest', () => {
    expect(validate({ ...manifest, manifestVersion: '1.16' })).toBe(false);
    expect(validate({ ...manifest, id: 'not-a-guid' })).toBe(false);
  });

  it('describes the bot, the tab and the domains', async () => {
    const { version } = JSON.parse(await readFile(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toBe(version);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.developer.privacyUrl).toBe('https://logbook.example.org/privacy');

    expect(manifest.bots).toHaveLength(1);
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot).toMatchObject({ supportsFiles: false, isNotificationOnly: false });
    for (const scope of bot.scopes) {
      const list = bot.commandLists.find((l) => l.scopes.includes(scope));
      expect(list?.commands.map((c) => c.title)).toEqual(expect.arrayContaining(['help', 'log', 'report']));
      for (const command of list!.commands) expect(command.description.length).toBeGreaterThan(0);
    }

    const [tab] = manifest.staticTabs;
    expect(tab).toMatchObject({ entityId: 'dashboard', name: 'Dashboard', scopes: ['personal'] });
    expect(tab.contentUrl).toBe('https://logbook.example.org/tab');
    expect(tab.websiteUrl.endsWith('/tab')).toBe(true);

    expect(manifest.validDomains).toEqual(['logbook.example.org']);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://logbook.example.org/${APP_ID}` });
  });

  it('has a 192×192 opaque colour icon', async () => {
    const png = decodePng(await zip.file('color.png')!.async('nodebuffer'));
    expect([png.width, png.height]).toEqual([192, 192]);
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191], [96, 96]]) {
      expect(png.rgba[(y * png.width + x) * 4 + 3]).toBe(255);
    }
    expect(png.rgba.filter((_, i) => i % 4 === 3 && png.rgba[i] !== 255)).toHaveLength(0);
  });

  it('has a 32×32 white-on-transparent outline icon', async () => {
    const png = decodePng(await zip.file('outline.png')!.async('nodebuffer'));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colorType).toBe(6);
    expect(png.rgba[3]).toBe(0);
    let drawn = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < png.rgba.length; i += 4) {
      if (png.rgba[i + 3] === 0) continue;
      drawn++;
      if (png.rgba[i] !== 255 || png.rgba[i + 1] !== 255 || png.rgba[i + 2] !== 255) notWhite.push(i / 4);
    }
    expect(notWhite).toEqual([]);
    expect(drawn).toBeGreaterThan(100);
    expect(drawn).toBeLessThan(32 * 32 - 100);
  });

  it('keeps a path in PUBLIC_BASE_URL and drops a trailing slash', () => {
    const env = readPackageEnv({ MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://tunnel.example.net:8443/logbook/' });
    expect(env.publicBaseUrl).toBe('https://tunnel.example.net:8443/logbook');
    const m = buildManifest({ ...env, version: '1.2.3' });
    expect(m.staticTabs[0].contentUrl).toBe('https://tunnel.example.net:8443/logbook/tab');
    expect(m.validDomains).toEqual(['tunnel.example.net:8443']);
  });

  it.each([
    [{ PUBLIC_BASE_URL: 'https://logbook.example.org' }, /^Invalid configuration: MicrosoftAppId: is not set/],
    [{ ...ENV, MicrosoftAppId: '' }, /^Invalid configuration: MicrosoftAppId: is not set/],
    [{ ...ENV, MicrosoftAppId: 'my-bot' }, /^Invalid configuration: MicrosoftAppId: must be a GUID/],
    [{ MicrosoftAppId: APP_ID }, /^Invalid configuration: PUBLIC_BASE_URL: is not set/],
    [{ ...ENV, PUBLIC_BASE_URL: 'http://logbook.example.org' }, /^Invalid configuration: PUBLIC_BASE_URL: must be an https:\/\/ URL/],
    [{ ...ENV, PUBLIC_BASE_URL: 'logbook.example.org' }, /^Invalid configuration: PUBLIC_BASE_URL: must be an https:\/\/ URL/],
  ])('rejects %j with a one-line error', async (env, message) => {
    const outFile = join(dir, 'rejected.zip');
    const error = await buildPackage({ env, outFile }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    await expect(readFile(outFile)).rejects.toThrow();
  });

  it('uses a placeholder app id only when asked to', () => {
    const env = { PUBLIC_BASE_URL: 'https://logbook.example.org' };
    expect(() => readPackageEnv(env)).toThrow(PackageError);
    expect(readPackageEnv(env, true).appId).toBe(PLACEHOLDER_APP_ID);
    expect(readPackageEnv(ENV, true).appId).toBe(APP_ID);
  });
});
