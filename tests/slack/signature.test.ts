import { computeSlackSignature, verifySlackSignature } from '../../adapters/slack/signature';

// Slack's published example (https://docs.slack.dev/authentication/verifying-requests-from-slack).
// Note: the body ends in trigger_id=…803a0bc887a14d10d2c447fce8b6703c; a copy cut short after
// "…d10d2c659f" (as in the issue text) does not give the published signature.
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT = Number(TIMESTAMP) * 1000;

const verify = (body: Buffer | string, nowMs = AT, signature = SIGNATURE, timestamp: string | null = TIMESTAMP, secret = SECRET) =>
  verifySlackSignature(secret, { timestamp: timestamp ?? undefined, signature, rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body) }, nowMs);

describe('Slack request signatures', () => {
  it("computes Slack's published example signature", () => {
    expect(computeSlackSignature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it("accepts Slack's example at its own timestamp, and within five minutes either way", () => {
    expect(verify(BODY)).toEqual({ ok: true });
    expect(verify(BODY, AT + 299_000)).toEqual({ ok: true });
    expect(verify(BODY, AT - 299_000)).toEqual({ ok: true });
  });

  it('refuses the example when any one byte of the body changes', () => {
    const bytes = Buffer.from(BODY);
    for (const index of [0, 57, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[index] ^= 0x01;
      expect(verify(changed)).toEqual({ ok: false, reason: 'signature mismatch' });
    }
    expect(verify(BODY + ' ')).toMatchObject({ ok: false });
  });

  it('refuses the example five minutes or more late (a replay), or from the future', () => {
    expect(verify(BODY, AT + 5 * 60_000 + 1000)).toEqual({ ok: false, reason: 'timestamp too far from now' });
    expect(verify(BODY, AT + 60 * 60_000)).toMatchObject({ ok: false });
    expect(verify(BODY, AT - 5 * 60_000 - 1000)).toMatchObject({ ok: false });
  });

  it('refuses missing, malformed or wrongly keyed signatures and timestamps', () => {
    expect(verify(BODY, AT, '')).toMatchObject({ ok: false, reason: 'missing or malformed signature' });
    expect(verify(BODY, AT, 'v1=' + SIGNATURE.slice(3))).toMatchObject({ ok: false });
    expect(verify(BODY, AT, SIGNATURE.toUpperCase())).toMatchObject({ ok: false });
    expect(verify(BODY, AT, SIGNATURE.slice(0, -2))).toMatchObject({ ok: false });
    expect(verify(BODY, AT, SIGNATURE, null)).toMatchObject({ ok: false, reason: 'missing or malformed timestamp' });
    expect(verify(BODY, AT, SIGNATURE, '1531420618.5')).toMatchObject({ ok: false });
    expect(verify(BODY, AT, SIGNATURE, TIMESTAMP, SECRET.replace('8f', '9f'))).toMatchObject({ ok: false, reason: 'signature mismatch' });
    expect(verify(BODY, AT, SIGNATURE, TIMESTAMP, '')).toMatchObject({ ok: false });
  });

  it('signs the timestamp too: the same body and signature at another timestamp is refused', () => {
    expect(verify(BODY, AT + 1000, SIGNATURE, String(Number(TIMESTAMP) + 1))).toEqual({ ok: false, reason: 'signature mismatch' });
  });

  // Own vectors, computed independently with: printf 'v0:%s:%s' TS BODY | openssl dgst -sha256 -hmac SECRET
  it.each([
    ['JSON event body', 'secret-one', '1700000000', '{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}'],
    ['UTF-8 text', 'secret-two', '1700000300', '{"event":{"text":"Jalkautuva työ, 15 nuorta 🙂"}}'],
    ['empty body', 'secret-three', '1700000600', ''],
  ])('matches openssl for a %s', (_name, secret, timestamp, body) => {
    const expected = OPENSSL_VECTORS[`${secret}:${timestamp}`];
    expect(computeSlackSignature(secret, timestamp, Buffer.from(body, 'utf8'))).toBe(expected);
    expect(verify(Buffer.from(body, 'utf8'), Number(timestamp) * 1000, expected, timestamp, secret)).toEqual({ ok: true });
  });

  it('signs bytes, not text: a body that is not valid UTF-8 verifies only as received', () => {
    const raw = Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0x62]);
    const signature = computeSlackSignature(SECRET, TIMESTAMP, raw);
    expect(verify(raw, AT, signature)).toEqual({ ok: true });
    // Decoding to a string and back (what a text body parser does) changes the bytes.
    expect(verify(Buffer.from(raw.toString('utf8'), 'utf8'), AT, signature)).toMatchObject({ ok: false });
  });
});

const OPENSSL_VECTORS: Record<string, string> = {
  'secret-one:1700000000': 'v0=da2fd03d47c1aebfbd91b78debade412a7f5cc60b814baee544b6e3eb4345e0b',
  'secret-two:1700000300': 'v0=1a03319022a102f0669eda29d2227f7b66741843c3a9b86d0066a924dac4cdb2',
  'secret-three:1700000600': 'v0=fb5988c24470e798ce58761a3bc7243a657f982bf1139c332fc8b1efb18d2dd0',
};
