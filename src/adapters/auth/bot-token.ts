// Validates the token the Bot Connector sends with every activity to /api/messages (Bot Framework channel
// tokens): RS256 signature against the Bot Framework keys, issuer https://api.botframework.com, audience the
// bot's app id, expiry on an injected clock, and the `serviceurl` claim matching the activity's serviceUrl
// (so a token for one channel cannot carry an activity that names another).
import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../../domain/time/clock.ts';
import { TokenRejectedError } from './validate.ts';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';

export interface BotTokenValidatorOptions {
  keys: JWTVerifyGetKey;
  /** The bot's app id (Microsoft App ID). */
  audience: string;
  issuer?: string;
  clock: Clock;
  clockToleranceSeconds?: number;
}

export type BotTokenValidator = (authorizationHeader: string | undefined, activityServiceUrl: string | undefined) => Promise<{ appId: string }>;

const trimSlash = (s: string) => s.replace(/\/+$/, '').toLowerCase();

export function createBotTokenValidator(o: BotTokenValidatorOptions): BotTokenValidator {
  return async (header, serviceUrl) => {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m?.[1]) throw new TokenRejectedError('missing', 'no bearer token');
    let payload;
    try {
      ({ payload } = await jwtVerify(m[1], o.keys, {
        algorithms: ['RS256'], issuer: o.issuer ?? BOT_FRAMEWORK_ISSUER, audience: o.audience,
        currentDate: o.clock.now(), clockTolerance: o.clockToleranceSeconds ?? 300, requiredClaims: ['exp'],
      }));
    } catch (err) {
      const name = (err as { code?: string }).code ?? '';
      if (name === 'ERR_JWT_EXPIRED') throw new TokenRejectedError('expired', 'the token has expired');
      if (name === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
        const claim = (err as { claim?: string }).claim;
        throw new TokenRejectedError(claim === 'aud' ? 'wrong-audience' : claim === 'iss' ? 'wrong-issuer' : 'missing-claim', `claim ${claim ?? '?'} failed`);
      }
      if (name === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw new TokenRejectedError('bad-signature', 'the signature does not verify');
      if (name === 'ERR_JWKS_NO_MATCHING_KEY') throw new TokenRejectedError('unknown-key', 'no key of the issuer matches');
      throw new TokenRejectedError('malformed', name || 'not a valid token');
    }
    const claimed = typeof payload['serviceurl'] === 'string' ? payload['serviceurl'] : undefined;
    if (claimed && serviceUrl && trimSlash(claimed) !== trimSlash(serviceUrl)) throw new TokenRejectedError('missing-claim', 'serviceurl does not match the activity');
    return { appId: o.audience };
  };
}
