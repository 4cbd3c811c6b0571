// Sign-in of a person at the local tenant (authorization code with PKCE, as a single-page app or a tab does it).
// The local tenant has no passwords: its sign-in page lists the people of the tenant (or of every tenant, for
// /organizations) and the one chosen is signed in. Only loopback redirect URIs are accepted; a code is used once,
// within 5 minutes (redeemed by the token endpoint).
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { OAuthError, tenantOf, type IdentityRuntime } from './identity-keys.ts';

function loopback(uri: string) {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

function usersIn(idp: IdentityRuntime, segment: string) {
  const { state } = idp;
  const tids =
    segment.toLowerCase() === 'organizations'
      ? Object.keys(state.tenants)
      : [tenantOf(idp, segment)].filter((t): t is string => !!t);
  return tids
    .flatMap((tid) =>
      Object.values(state.tenants[tid]?.collections['users'] ?? {})
        .filter((u) => u['accountEnabled'] !== false)
        .map((u) => ({
          tid,
          id: String(u['id']),
          name: String(u['displayName'] ?? ''),
          upn: String(u['userPrincipalName'] ?? ''),
        })),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

function authorizeParams(idp: IdentityRuntime, q: Record<string, unknown>) {
  const { state } = idp;
  const str = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const clientId = str('client_id');
  if (!state.apps.some((a) => a.clientId === clientId))
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory.`,
    );
  if (str('response_type') !== 'code')
    throw new OAuthError(400, 'unsupported_response_type', 900144, 'Only response_type=code is supported.');
  if (!loopback(str('redirect_uri')))
    throw new OAuthError(400, 'invalid_request', 50011, 'The redirect URI must be a loopback address here.');
  if (str('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(str('code_challenge')))
    throw new OAuthError(400, 'invalid_request', 501491, 'A PKCE code_challenge with method S256 is required.');
  return {
    clientId,
    redirectUri: str('redirect_uri'),
    challenge: str('code_challenge'),
    state: str('state'),
    scope: str('scope'),
  };
}

function esc(v: string) {
  return v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function oauthFail(res: Response, err: unknown) {
  if (!(err instanceof OAuthError)) throw err;
  res.status(err.status).type('text/plain').send(`AADSTS${err.aadsts}: ${err.message}`);
}

/** GET /{tenant}/oauth2/v2.0/authorize: the page to choose who signs in. */
export function authorizePage(idp: IdentityRuntime, req: Request, res: Response): void {
  try {
    const p = authorizeParams(idp, req.query as Record<string, unknown>);
    const people = usersIn(idp, String(req.params['tenant']));
    const hidden = Object.entries(req.query)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(String(v))}">`)
      .join('');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html')
      .send(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden — lokale tenant</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{display:block;width:100%;text-align:left;margin:.25rem 0;padding:.5rem;font-size:1rem}</style></head>
<body><h1>Aanmelden <span lang="en">/ Sign in</span></h1><p>Lokale tenant: kies wie je bent (geen wachtwoord nodig). <span lang="en">Local tenant: choose who you are (no password needed).</span></p>
<form method="post">${hidden}${people.map((u) => `<button type="submit" name="login" value="${esc(`${u.tid}|${u.id}`)}">${esc(u.name)} <small>${esc(u.upn)}</small></button>`).join('')}</form>
<p><small>${esc(p.clientId)}</small></p></body></html>`);
  } catch (err) {
    oauthFail(res, err);
  }
}

/** POST /{tenant}/oauth2/v2.0/authorize: the chosen person; redirects with a code (and the client's state). */
export function authorizeSubmit(idp: IdentityRuntime, req: Request, res: Response): void {
  const { clock, codes } = idp;
  try {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const p = authorizeParams(idp, body);
    const [tid = '', userId = ''] = String(body['login'] ?? '').split('|');
    if (!usersIn(idp, String(req.params['tenant'])).some((u) => u.tid === tid && u.id === userId))
      throw new OAuthError(400, 'invalid_request', 50034, 'The user account does not exist in this directory.');
    const code = randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '');
    codes.set(code, {
      tid,
      userId,
      clientId: p.clientId,
      redirectUri: p.redirectUri,
      challenge: p.challenge,
      expires: clock.now().getTime() + 300_000,
    });
    const to = new URL(p.redirectUri);
    to.searchParams.set('code', code);
    if (p.state) to.searchParams.set('state', p.state);
    res.redirect(302, to.toString());
  } catch (err) {
    oauthFail(res, err);
  }
}
