// Clock skew on the tab's tokens (Entra ID) and the bot's (Bot Framework): a token's times may be off from ours by
// CLOCK_SKEW_SECONDS (300, Microsoft's identity libraries' default), no more — for iat as for nbf and exp. A token
// issued an hour in the future was accepted before (jose checks iat only with a maximum age).
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../domain/time/clock.ts';
import { createBotTokenValidator } from './bot-token.ts';
import { CLOCK_SKEW_SECONDS, createTokenValidator, TokenRejectedError } from './validate.ts';

const TENANT = '11111111-1111-4111-8111-111111111111';
const BOT = '22222222-2222-4222-8222-222222222222';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const clock = new FixedClock('2026-11-23T09:00:00Z');
const now = Math.floor(clock.now().getTime() / 1000);

let sign: (claims: JWTPayload) => Promise<string>;
let keys: ReturnType<typeof createLocalJWKSet>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] });
  sign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(privateKey);
});

/** The token's times relative to now, in seconds; iat now-60, exp now+3600 unless given. */
type Times = { iat?: number; nbf?: number; exp?: number };
const times = (t: Times) => ({
  iat: now + (t.iat ?? -60),
  exp: now + (t.exp ?? 3600),
  ...(t.nbf !== undefined ? { nbf: now + t.nbf } : {}),
});

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof TokenRejectedError ? e.reason : `other: ${String(e)}`),
  );

const validators: Record<string, (t: Times) => Promise<string>> = {
  'tab token (Entra ID)': async (t) => {
    const validate = createTokenValidator({
      keys,
      issuerFor: (tid) => `https://login.microsoftonline.com/${tid}/v2.0`,
      audiences: ['api://regiekamer'],
      allowedTenants: [TENANT],
      clock,
    });
    const token = await sign({
      tid: TENANT,
      azp: 'app-1',
      scp: 'access_as_user',
      upn: 'fictief@alfa.example',
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: 'api://regiekamer',
      ...times(t),
    });
    return outcome(validate(`Bearer ${token}`));
  },
  'bot token (Bot Framework)': async (t) => {
    const validate = createBotTokenValidator({ keys, audience: BOT, clock });
    const token = await sign({
      iss: 'https://api.botframework.com',
      aud: BOT,
      serviceurl: SERVICE_URL,
      ...times(t),
    });
    return outcome(validate(`Bearer ${token}`, SERVICE_URL));
  },
};

// Each row: the token's times (seconds from now) and the verdict with the default tolerance.
const cases: [string, Times, string][] = [
  ['issued a minute ago', {}, 'accepted'],
  ['issued an hour in the future', { iat: 3600 }, 'not-yet-valid'],
  ['issued just beyond the skew in the future', { iat: CLOCK_SKEW_SECONDS + 5 }, 'not-yet-valid'],
  ['issued just within the skew in the future', { iat: CLOCK_SKEW_SECONDS - 5 }, 'accepted'],
  ['valid from just beyond the skew', { nbf: CLOCK_SKEW_SECONDS + 5 }, 'not-yet-valid'],
  ['valid from just within the skew', { nbf: CLOCK_SKEW_SECONDS - 5 }, 'accepted'],
  ['expired just beyond the skew', { iat: -3600, exp: -(CLOCK_SKEW_SECONDS + 5) }, 'expired'],
  ['expired just within the skew', { iat: -3600, exp: -(CLOCK_SKEW_SECONDS - 5) }, 'accepted'],
];

describe('clock skew: five minutes either way, on iat, nbf and exp alike', () => {
  it("is Microsoft's identity libraries' default", () => {
    expect(CLOCK_SKEW_SECONDS).toBe(300);
  });
  for (const [name, validate] of Object.entries(validators))
    for (const [what, t, expected] of cases)
      it(`${name}: ${what} → ${expected}`, async () => {
        expect(await validate(t)).toBe(expected);
      });
});
