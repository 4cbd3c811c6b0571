// Validates the token the Bot Connector sends with every activity to /api/messages (Bot Framework channel
// tokens): RS256 signature against the Bot Framework keys, issuer https://api.botframework.com, audience the
// bot's app id, expiry on an injected clock, and the `serviceurl` claim matching the activity's serviceUrl
// (so a token for one channel cannot carry an activity that names another). Times (nbf, exp, iat) may be off by
// CLOCK_SKEW_SECONDS, no more.
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../domain/time/clock.ts';
import type { Fetch } from '../http/fetch.ts';
import { CLOCK_SKEW_SECONDS, checkIssuedAt, TokenRejectedError } from './validate.ts';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface BotTokenValidatorOptions {
  keys: JWTVerifyGetKey;
  /** The bot's app id (Microsoft App ID). */
  audience: string;
  /** The expected issuer (default https://api.botframework.com), or where to learn it (an OpenID metadata document). */
  issuer?: string | (() => Promise<string>);
  clock: Clock;
  clockToleranceSeconds?: number;
}

export type BotTokenValidator = (
  authorizationHeader: string | undefined,
  activityServiceUrl: string | undefined,
) => Promise<{ appId: string }>;

const trimSlash = (s: string) => s.replace(/\/+$/, '').toLowerCase();

export function createBotTokenValidator(o: BotTokenValidatorOptions): BotTokenValidator {
  return async (header, serviceUrl) => {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m?.[1]) throw new TokenRejectedError('missing', 'no bearer token');
    // Learning the issuer may fail (metadata unreachable): that refuses the activity as an error, not as a token fault.
    const issuer = typeof o.issuer === 'function' ? await o.issuer() : (o.issuer ?? BOT_FRAMEWORK_ISSUER);
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1], o.keys, {
        algorithms: ['RS256'],
        issuer,
        audience: o.audience,
        currentDate: o.clock.now(),
        clockTolerance: o.clockToleranceSeconds ?? CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      const name = (err as { code?: string }).code ?? '';
      if (name === 'ERR_JWT_EXPIRED') throw new TokenRejectedError('expired', 'the token has expired');
      if (name === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
        const claim = (err as { claim?: string }).claim;
        throw new TokenRejectedError(
          claim === 'aud'
            ? 'wrong-audience'
            : claim === 'iss'
              ? 'wrong-issuer'
              : claim === 'nbf'
                ? 'not-yet-valid'
                : 'missing-claim',
          `claim ${claim ?? '?'} failed`,
        );
      }
      if (name === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED')
        throw new TokenRejectedError('bad-signature', 'the signature does not verify');
      if (name === 'ERR_JWKS_NO_MATCHING_KEY')
        throw new TokenRejectedError('unknown-key', 'no key of the issuer matches');
      throw new TokenRejectedError('malformed', name || 'not a valid token');
    }
    checkIssuedAt(payload, o.clock.now(), o.clockToleranceSeconds ?? CLOCK_SKEW_SECONDS);
    const claimed = typeof payload['serviceurl'] === 'string' ? payload['serviceurl'] : undefined;
    if (claimed && serviceUrl && trimSlash(claimed) !== trimSlash(serviceUrl))
      throw new TokenRejectedError('missing-claim', 'serviceurl does not match the activity');
    return { appId: o.audience };
  };
}

const OpenIdMetadata = z.object({ issuer: z.string().min(1), jwks_uri: z.url() });

/**
 * The issuer and signing keys an OpenID metadata document names — the Bot Framework's
 * (https://login.botframework.com/v1/.well-known/openidconfiguration: issuer https://api.botframework.com), or the
 * local tenant's stand-in for it. The document is fetched on first use with `fetch` (so an extra CA applies) and kept;
 * a failed fetch is tried again on the next call. Keys come through jose's remote key set (cached, refetched for an
 * unknown `kid`).
 * @throws Error from issuer()/keys when the document cannot be fetched or lacks issuer/jwks_uri.
 */
export function openIdKeys(metadataUrl: string, fetch: Fetch): { issuer(): Promise<string>; keys: JWTVerifyGetKey } {
  let loaded: Promise<{ issuer: string; keys: JWTVerifyGetKey }> | undefined;
  const load = () => {
    loaded ??= (async () => {
      const res = await fetch(metadataUrl, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`OpenID metadata: HTTP ${res.status}`);
      const parsed = OpenIdMetadata.safeParse(await res.json());
      if (!parsed.success) throw new Error('OpenID metadata: no issuer or jwks_uri');
      return {
        issuer: parsed.data.issuer,
        keys: createRemoteJWKSet(new URL(parsed.data.jwks_uri), { [customFetch]: fetch }),
      };
    })().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
  return {
    issuer: async () => (await load()).issuer,
    keys: async (header, token) => (await load()).keys(header, token),
  };
}
