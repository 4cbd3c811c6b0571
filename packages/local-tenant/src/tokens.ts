// The local tenant's own check of the access tokens callers bring (Graph under /v1.0, the Bot Connector under /v3).
// Written here, apart from any client's validator, on purpose: a client that shares the emulator's checks would see a
// bug in them pass on both sides. It follows Entra ID's rules for v2 access tokens
// (https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens): RS256 signature by a key of the
// tenant's JWKS, `iss` = the tenant's v2.0 issuer, `aud` one of the resource's identifiers, `exp`/`nbf` on the injected
// clock without tolerance (the emulator and its clients share one clock), and the tenant (`tid`) one of this server's.
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Clock } from './core.ts';

/** Why a token was refused; never the token itself. */
export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'unknown-tenant'
  | 'missing-claim';

export class TokenRejectedError extends Error {
  readonly reason: TokenRefusal;

  constructor(reason: TokenRefusal, detail: string) {
    super(`token rejected (${reason}): ${detail}`);
    this.reason = reason;
    this.name = 'TokenRejectedError';
  }
}

/** What the emulator needs of an accepted token. */
interface AcceptedToken {
  tenantId: string;
  /** `azp` (v2 tokens) or `appid` (v1). */
  appId: string;
  roles: string[];
  /** `oid`: the signed-in user for delegated tokens, the service principal for app-only ones. */
  objectId: string | undefined;
  /** A person signed in (the token has `scp`). */
  delegated: boolean;
}

export interface TokenCheckOptions {
  /** The signing keys (createLocalJWKSet over the local tenant's JWKS). */
  keys: JWTVerifyGetKey;
  /** The v2.0 issuer of a tenant, e.g. `${baseUrl}/${tid}/v2.0`. */
  issuerFor: (tenantId: string) => string;
  /** The resource's identifiers a token's `aud` must be one of. */
  audiences: string[];
  /** The tenants there are now (read per call: tenants come and go with a reset). */
  tenants: () => Iterable<string>;
  clock: Clock;
}

export type TokenCheck = (authorizationHeader: string | undefined) => Promise<AcceptedToken>;

function refusal(err: unknown): TokenRejectedError {
  if (err instanceof TokenRejectedError) return err;
  if (err instanceof errors.JWTExpired) return new TokenRejectedError('expired', 'exp has passed');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat')
      return new TokenRejectedError('not-yet-valid', `${err.claim} is in the future`);
    return new TokenRejectedError('missing-claim', `claim ${err.claim}: ${err.reason}`);
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JOSEAlgNotAllowed
  ) {
    return new TokenRejectedError('bad-signature', 'not signed by a key of this tenant');
  }
  if (err instanceof errors.JOSEError) return new TokenRejectedError('malformed', err.code);
  throw err;
}

/**
 * A check of `Authorization: Bearer <jwt>` headers. The signature is verified first; only then are the claims read
 * (issuer for the token's own `tid`, audience, tenant). Throws TokenRejectedError with the reason.
 */
export function createTokenCheck(options: TokenCheckOptions): TokenCheck {
  return async (header) => {
    const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(header ?? '');
    if (!header || !/^Bearer\s+\S/i.test(header)) throw new TokenRejectedError('missing', 'no bearer token');
    if (!m?.[1]) throw new TokenRejectedError('malformed', 'not a compact JWS');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(m[1], options.keys, {
        algorithms: ['RS256'],
        currentDate: options.clock.now(),
        clockTolerance: 0,
        requiredClaims: ['exp', 'iat', 'tid'],
      }));
    } catch (err) {
      throw refusal(err);
    }
    const tid = typeof payload['tid'] === 'string' ? payload['tid'].toLowerCase() : '';
    if (![...options.tenants()].some((t) => t.toLowerCase() === tid))
      throw new TokenRejectedError('unknown-tenant', 'the tenant is not here');
    if (payload.iss !== options.issuerFor(tid))
      throw new TokenRejectedError('wrong-issuer', "iss is not the issuer of the token's tenant");
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.some((a) => typeof a === 'string' && options.audiences.includes(a)))
      throw new TokenRejectedError('wrong-audience', 'aud is not this resource');
    const appId =
      typeof payload['azp'] === 'string'
        ? payload['azp']
        : typeof payload['appid'] === 'string'
          ? payload['appid']
          : '';
    if (!appId) throw new TokenRejectedError('missing-claim', 'no azp or appid');
    const roles = Array.isArray(payload['roles'])
      ? payload['roles'].filter((r): r is string => typeof r === 'string')
      : [];
    return {
      tenantId: tid,
      appId,
      roles,
      objectId: typeof payload['oid'] === 'string' ? payload['oid'] : undefined,
      delegated: typeof payload['scp'] === 'string' && payload['scp'] !== '',
    };
  };
}
