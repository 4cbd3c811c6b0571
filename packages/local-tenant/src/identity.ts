// The local tenant's identity provider: Entra ID v2 endpoints (OpenID configuration, signing keys, token) for
// each local tenant, issuing RS256 access tokens to the registered app by client secret or certificate
// (client_assertion), and validating the tokens Graph and Bot Connector calls bring with the local tenant's own
// check (tokens.ts), not a client's. The signing key is made once and kept in the data dir.
// The endpoints live in identity-keys (OpenID, keys), identity-token, identity-signin and identity-botframework.
import express, { type Router } from 'express';
import { createLocalJWKSet } from 'jose';
import { GraphHttpError, type Clock, type LocalTenantState } from './core.ts';
import type { IdentityProvider, VerifiedToken } from './server-types.ts';
import { createTokenCheck, TokenRejectedError, type TokenCheck } from './tokens.ts';
import { addOpenIdRoutes, BOT_RESOURCE, createIdentityRuntime, GRAPH_APP_ID, GRAPH_RESOURCE } from './identity-keys.ts';
import { addBotFrameworkRoutes } from './identity-botframework.ts';
import { authorizePage, authorizeSubmit } from './identity-signin.ts';
import { tokenEndpoint } from './identity-token.ts';

export {
  API_RESOURCE,
  BOT_FRAMEWORK_ISSUER,
  BOT_FRAMEWORK_METADATA_PATH,
  BOT_RESOURCE,
  CONSENTED_ROLES,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
} from './identity-keys.ts';

/**
 * The local identity provider: Entra ID v2 endpoints per tenant, the Bot Framework stand-in, and validation of the
 * tokens Graph (/v1.0) and Bot Connector (/v3) calls bring (401 InvalidAuthenticationToken when refused).
 */
export async function createIdentityProvider(deps: {
  state: LocalTenantState;
  baseUrl: string;
  dataDir: string;
  clock: Clock;
}): Promise<IdentityProvider> {
  const idp = await createIdentityRuntime(deps);
  const { state, clock, jwks, issuerFor } = idp;

  // Tenants come and go with the state (reset, reseeding), so the tenant list is read per call.
  const validatorFor = (audiences: string[]): TokenCheck =>
    createTokenCheck({
      keys: createLocalJWKSet(jwks),
      issuerFor,
      audiences,
      tenants: () => Object.keys(state.tenants),
      clock,
    });
  const graphValidator = validatorFor([GRAPH_RESOURCE, GRAPH_APP_ID]);
  const botValidator = validatorFor([BOT_RESOURCE]);

  const verifyWith =
    (validator: TokenCheck) =>
    async (header?: string): Promise<VerifiedToken> => {
      try {
        const v = await validator(header);
        return {
          tenantId: v.tenantId,
          appId: v.appId,
          roles: v.roles,
          ...(v.delegated && v.objectId ? { userId: v.objectId } : {}),
        };
      } catch (err) {
        if (err instanceof TokenRejectedError) {
          const message =
            err.reason === 'missing'
              ? 'Access token is empty.'
              : err.reason === 'expired'
                ? 'Lifetime validation failed, the token is expired.'
                : 'Access token validation failure. Invalid audience, issuer, signature or tenant.';
          throw new GraphHttpError(401, 'InvalidAuthenticationToken', message);
        }
        throw err;
      }
    };

  return {
    router(): Router {
      const router = express.Router();
      addOpenIdRoutes(idp, router);
      addBotFrameworkRoutes(idp, router);
      router.get('/:tenant/oauth2/v2.0/authorize', (req, res) => authorizePage(idp, req, res));
      router.post(
        '/:tenant/oauth2/v2.0/authorize',
        express.urlencoded({ extended: false, limit: '16kb' }),
        (req, res) => authorizeSubmit(idp, req, res),
      );
      router.post(
        '/:tenant/oauth2/v2.0/token',
        express.urlencoded({ extended: false, limit: '64kb' }),
        (req, res, next) => {
          tokenEndpoint(idp, req, res).catch(next);
        },
      );
      return router;
    },
    verifyGraphToken: verifyWith(graphValidator),
    verifyBotToken: verifyWith(botValidator),
  };
}
