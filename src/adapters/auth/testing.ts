// A token issuer for tests and benchmarks: signs Entra ID v2-shaped user tokens with a key only it knows, and
// gives the validator that trusts exactly that key (the production validator, with a local key set).
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Clock } from '../../domain/time/clock.ts';
import { createTokenValidator, type TokenValidator } from './validate.ts';

const TEST_ISSUER = 'https://login.test.invalid';
const TEST_AUDIENCE = 'api://regiekamer';

export interface TestIssuer {
  validator(allowedTenants: Iterable<string>, clock: Clock): TokenValidator;
  /** A delegated (signed-in user) token for `upn` in tenant `tid`, valid for an hour from `now`. */
  userToken(tid: string, upn: string, now?: Date): Promise<string>;
  /**
   * An app-only token (client credentials: no `scp`, no user) of application `appId` (default regiekamer-test) in
   * tenant `tid`, valid for an hour from `now`.
   */
  appToken(tid: string, now?: Date, appId?: string): Promise<string>;
}

export async function testIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  return {
    validator: (allowedTenants, clock) =>
      createTokenValidator({
        keys: createLocalJWKSet({ keys: [jwk] }),
        issuerFor: (tid) => `${TEST_ISSUER}/${tid}/v2.0`,
        audiences: [TEST_AUDIENCE],
        allowedTenants,
        clock,
      }),
    userToken: (tid, upn, now = new Date()) =>
      new SignJWT({
        tid,
        azp: 'regiekamer-test',
        scp: 'access_as_user',
        upn,
        oid: '00000000-0000-4000-8000-00000000b001',
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setIssuer(`${TEST_ISSUER}/${tid}/v2.0`)
        .setAudience(TEST_AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 3600)
        .sign(privateKey),
    appToken: (tid, now = new Date(), appId = 'regiekamer-test') =>
      new SignJWT({ tid, azp: appId, roles: [], oid: '00000000-0000-4000-8000-00000000a001' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setIssuer(`${TEST_ISSUER}/${tid}/v2.0`)
        .setAudience(TEST_AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 3600)
        .sign(privateKey),
  };
}
