// Validates bearer tokens (Entra ID v2-shaped JWTs) with jose: signature against the issuer's keys, issuer per
// tenant, audience, expiry and not-before on an injected clock, and the tenant against an allow-list.
// Every refusal carries a reason code, so callers can log why without logging the token.
import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../../domain/time/clock.ts';

export type TokenRefusal =
  | 'missing'
  | 'malformed'
  | 'bad-signature'
  | 'unknown-key'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'tenant-not-allowed'
  | 'missing-claim';

export class TokenRejectedError extends Error {
  readonly reason: TokenRefusal;

  constructor(reason: TokenRefusal, detail: string) {
    super(`token rejected (${reason}): ${detail}`);
    this.reason = reason;
    this.name = 'TokenRejectedError';
  }
}

export interface ValidatedToken {
  tenantId: string;
  /** The calling application: `azp` (v2) or `appid` (v1). */
  appId: string;
  roles: string[];
  scopes: string[];
  /** Object id of the signed-in user (delegated tokens) or of the app's service principal (app-only). */
  objectId: string | undefined;
  /** True when a user signed in (the token carries `scp`); false for app-only tokens. */
  delegated: boolean;
  upn: string | undefined;
  name: string | undefined;
  claims: JWTPayload;
}

export interface TokenValidatorOptions {
  /** Keys of the issuer: createRemoteJWKSet(...) in production, createLocalJWKSet(...) where the keys are local. */
  keys: JWTVerifyGetKey;
  /** The expected issuer for a tenant, e.g. tid => `https://login.microsoftonline.com/${tid}/v2.0`. */
  issuerFor: (tenantId: string) => string;
  /** Accepted audiences (the resource's app id URI and/or client id). */
  audiences: string[];
  /** Tenants whose tokens are accepted; a token of any other tenant is refused before its signature is checked. */
  allowedTenants: Iterable<string>;
  clock: Clock;
  /** Seconds of clock skew tolerated on exp/nbf/iat (default CLOCK_SKEW_SECONDS). */
  clockToleranceSeconds?: number;
}

/**
 * Seconds a token's times (nbf, exp, iat) may be off from our clock: 300, the default of Microsoft's identity
 * libraries (Microsoft.IdentityModel TokenValidationParameters.DefaultClockSkew, "300 seconds (5 minutes)":
 * https://learn.microsoft.com/dotnet/api/microsoft.identitymodel.tokens.tokenvalidationparameters.defaultclockskew).
 */
export const CLOCK_SKEW_SECONDS = 300;

/**
 * Refuses a token issued in the future beyond `toleranceSeconds` (a forged or badly clocked issuer): jose checks `iat`
 * only together with a maximum token age, so this is checked here. A token without `iat` passes (the caller decides
 * whether it is required). @throws TokenRejectedError 'not-yet-valid'
 */
export function checkIssuedAt(payload: JWTPayload, now: Date, toleranceSeconds: number): void {
  const iat = payload.iat;
  if (typeof iat === 'number' && iat > now.getTime() / 1000 + toleranceSeconds)
    throw new TokenRejectedError('not-yet-valid', 'the token was issued in the future');
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unverifiedTenant(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) throw new TokenRejectedError('malformed', 'not a JWS compact token');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new TokenRejectedError('malformed', 'the payload is not JSON');
  }
  const tid = (claims as { tid?: unknown }).tid;
  if (typeof tid !== 'string' || !GUID.test(tid)) throw new TokenRejectedError('missing-claim', 'no tid claim');
  return tid.toLowerCase();
}

function refusalOf(err: unknown): TokenRejectedError {
  if (err instanceof TokenRejectedError) return err;
  if (err instanceof errors.JWTExpired) return new TokenRejectedError('expired', 'the token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return new TokenRejectedError('wrong-issuer', 'unexpected issuer');
    if (err.claim === 'aud') return new TokenRejectedError('wrong-audience', 'unexpected audience');
    if (err.claim === 'nbf' || err.claim === 'iat')
      return new TokenRejectedError('not-yet-valid', 'the token is not valid yet');
    return new TokenRejectedError('missing-claim', `claim ${err.claim} failed`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed)
    return new TokenRejectedError('bad-signature', 'the signature does not verify');
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys)
    return new TokenRejectedError('unknown-key', 'no key of the issuer matches');
  if (err instanceof errors.JOSEAlgNotAllowed) return new TokenRejectedError('bad-signature', 'algorithm not allowed');
  if (err instanceof errors.JOSEError) return new TokenRejectedError('malformed', err.code);
  throw err;
}

export type TokenValidator = (authorizationHeader: string | undefined) => Promise<ValidatedToken>;

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const allowed = new Set([...options.allowedTenants].map((t) => t.toLowerCase()));
  const tolerance = options.clockToleranceSeconds ?? CLOCK_SKEW_SECONDS;
  return async (header) => {
    try {
      const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
      if (!m?.[1]) throw new TokenRejectedError('missing', 'no bearer token');
      const token = m[1];
      const tid = unverifiedTenant(token);
      if (!allowed.has(tid)) throw new TokenRejectedError('tenant-not-allowed', 'the tenant is not on the allow-list');
      const { payload } = await jwtVerify(token, options.keys, {
        algorithms: ['RS256'],
        issuer: options.issuerFor(tid),
        audience: options.audiences,
        currentDate: options.clock.now(),
        clockTolerance: tolerance,
        requiredClaims: ['exp', 'iat', 'tid'],
      });
      checkIssuedAt(payload, options.clock.now(), tolerance);
      const appId =
        typeof payload['azp'] === 'string'
          ? payload['azp']
          : typeof payload['appid'] === 'string'
            ? payload['appid']
            : undefined;
      if (!appId) throw new TokenRejectedError('missing-claim', 'no azp/appid claim');
      const scp = typeof payload['scp'] === 'string' ? payload['scp'] : '';
      const roles = Array.isArray(payload['roles'])
        ? payload['roles'].filter((r): r is string => typeof r === 'string')
        : [];
      const str = (k: string) => (typeof payload[k] === 'string' ? payload[k] : undefined);
      return {
        tenantId: tid,
        appId,
        roles,
        scopes: scp ? scp.split(' ') : [],
        objectId: str('oid'),
        delegated: scp !== '',
        upn: str('upn') ?? str('preferred_username'),
        name: str('name'),
        claims: payload,
      };
    } catch (err) {
      throw refusalOf(err);
    }
  };
}
