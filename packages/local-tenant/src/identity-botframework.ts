// The local tenant's stand-in for the Bot Framework's token service: its OpenID metadata and keys (as
// login.botframework.com serves them), and a local control that signs a channel token as the Bot Connector sends
// it with an activity, so a test can play Teams calling a bot.
import express, { type Router } from 'express';
import { SignJWT } from 'jose';
import {
  BOT_FRAMEWORK_ISSUER,
  BOT_FRAMEWORK_KEYS_PATH,
  BOT_FRAMEWORK_METADATA_PATH,
  TOKEN_LIFETIME_S,
  type IdentityRuntime,
} from './identity-keys.ts';

/** The Bot Framework's metadata and keys, and POST /_local/botframework/token (for apps registered here). */
export function addBotFrameworkRoutes(idp: IdentityRuntime, router: Router): void {
  const { state, clock, botKey, botPrivateKey } = idp;
  // The Bot Framework's OpenID metadata and keys, as login.botframework.com/v1/.well-known/… serve them.
  router.get(BOT_FRAMEWORK_METADATA_PATH, (_req, res) => {
    res.json({
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${idp.baseUrl}${BOT_FRAMEWORK_KEYS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  router.get(BOT_FRAMEWORK_KEYS_PATH, (_req, res) => {
    res.json(idp.botJwks);
  });
  // Local control: a channel token as the Bot Connector sends it with an activity to a bot (issuer
  // https://api.botframework.com, audience the bot's app id, the activity's serviceUrl in `serviceurl`), so a
  // test can play Teams calling the bot. Only for apps registered here.
  router.post('/_local/botframework/token', express.json({ limit: '16kb' }), (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const audience = typeof body['audience'] === 'string' ? body['audience'] : '';
    const serviceUrl = typeof body['serviceUrl'] === 'string' ? body['serviceUrl'] : '';
    if (!state.apps.some((a) => a.clientId === audience)) {
      res.status(400).json({
        error: {
          code: 'BadRequest',
          message: 'audience must be the app id of an app registered in the local tenant',
        },
      });
      return;
    }
    if (!URL.canParse(serviceUrl)) {
      res.status(400).json({ error: { code: 'BadRequest', message: 'serviceUrl must be a URL' } });
      return;
    }
    const nowS = Math.floor(clock.now().getTime() / 1000);
    new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: botKey.kid, x5t: botKey.kid })
      .setIssuer(BOT_FRAMEWORK_ISSUER)
      .setAudience(audience)
      .setNotBefore(nowS)
      .setExpirationTime(nowS + TOKEN_LIFETIME_S)
      .sign(botPrivateKey)
      .then((token) => res.json({ token, expires_in: TOKEN_LIFETIME_S }), next);
  });
}
