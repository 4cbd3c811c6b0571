// The tab under /tab: the React app (through Vite's middleware in local mode when run from the sources, the built
// files from dist/tab otherwise: tenant mode, and any mode when run from the build in dist/) and, in local mode,
// sign-in at the local tenant: authorization code with PKCE, the code exchanged here (the server trusts the local
// CA; the browser need not), the token handed to the page in the URL fragment (never sent to a server, never
// logged) and kept in session storage.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../../platform/logger.ts';
import { both } from '../../domain/i18n.ts';

export interface TabOptions {
  mode: 'local' | 'tenant';
  logger: Logger;
  /** Local mode: the local tenant (identity endpoints), the app that signs people in, and a fetch trusting its CA. */
  localTenant?: { baseUrl: string; browserUrl: string; clientId: string; fetch: typeof fetch };
  /** Where the built tab is (default dist/tab; the bench builds its own). */
  dist?: string;
}

// src/entry/server → src/entry/tab; from the build (dist/entry/server) there is no dist/entry/tab: Vite built it into
// dist/tab, which both resolve to (the build keeps src/'s layout under dist/).
const TAB_ROOT = path.resolve(import.meta.dirname, '../tab');
const DIST = path.resolve(import.meta.dirname, '../../../dist/tab');
/** Whether the tab's sources are beside this module: true when run from src/, false from dist/ or an installed package. */
const FROM_SOURCES = existsSync(path.join(TAB_ROOT, 'main.tsx'));
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function tabRouter(o: TabOptions): Promise<{ router: Router; close(): Promise<void> }> {
  const router = express.Router();
  const log = o.logger.child({ component: 'tab' });
  const pending = new Map<string, { verifier: string; back: string; expires: number }>();

  if (o.mode === 'local' && o.localTenant) {
    const lt = o.localTenant;
    const redirectFor = (req: Request) => `${req.protocol}://${req.get('host') ?? ''}/tab/aanmelden/terug`;
    router.get('/aanmelden', (req: Request, res: Response) => {
      if (!LOOPBACK.has(req.hostname) && !LOOPBACK.has(`[${req.hostname}]`)) {
        res.status(403).type('text/plain').send(both('api.signin.localOnly'));
        return;
      }
      const now = Date.now();
      for (const [k, v] of pending) if (v.expires < now) pending.delete(k);
      const state = randomBytes(16).toString('base64url');
      const verifier = randomBytes(32).toString('base64url');
      // Where to come back to: the view, language and theme the page had (each checked, nothing else passed on).
      const pick = (k: string, re: RegExp, fallback?: string) =>
        typeof req.query[k] === 'string' && re.test(req.query[k]) ? req.query[k] : fallback;
      const back = new URLSearchParams(
        Object.entries({
          view: pick('terug', /^[a-z]+$/, 'overzicht'),
          lang: pick('lang', /^(nl|en)$/),
          theme: pick('theme', /^(light|dark|contrast)$/),
        }).filter((e): e is [string, string] => e[1] !== undefined),
      );
      pending.set(state, { verifier, back: back.toString(), expires: now + 600_000 });
      const q = new URLSearchParams({
        client_id: lt.clientId,
        response_type: 'code',
        redirect_uri: redirectFor(req),
        scope: 'api://regiekamer/access_as_user openid profile',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        state,
      });
      res.redirect(302, `${lt.browserUrl}/organizations/oauth2/v2.0/authorize?${q}`);
    });
    router.get('/aanmelden/terug', async (req: Request, res: Response) => {
      const state = String(req.query['state'] ?? '');
      const entry = pending.get(state);
      pending.delete(state);
      if (!entry || entry.expires < Date.now() || typeof req.query['code'] !== 'string') {
        res.status(400).type('text/plain').send(both('api.signin.expired'));
        return;
      }
      const r = await lt.fetch(`${lt.baseUrl}/organizations/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: lt.clientId,
          code: req.query['code'],
          redirect_uri: redirectFor(req),
          code_verifier: entry.verifier,
        }),
      });
      const body = (await r.json()) as { access_token?: string; error?: string };
      if (!r.ok || !body.access_token) {
        log.warn({ status: r.status, error: body.error }, 'local sign-in refused');
        res
          .status(400)
          .type('text/plain')
          .send(both('api.signin.failed', { reason: body.error ?? r.status }));
        return;
      }
      res.redirect(302, `/tab/?${entry.back}#token=${encodeURIComponent(body.access_token)}`);
    });
  }

  let close = async () => undefined as void;
  if (o.mode === 'local' && FROM_SOURCES) {
    // Vite serves the app from source (no build step for `npm start`); loaded lazily so that tenant mode and the
    // build (installed without devDependencies, where vite is absent) never load it.
    const { createServer } = await import('vite');
    const react = (await import('@vitejs/plugin-react')).default;
    const vite = await createServer({
      root: TAB_ROOT,
      base: '/tab/',
      configFile: false,
      appType: 'spa',
      logLevel: 'warn',
      clearScreen: false,
      // No dev client (HMR and its websocket are off): a served page, not a development session.
      plugins: [
        react(),
        {
          name: 'regiekamer-no-dev-client',
          transformIndexHtml: {
            order: 'post',
            handler: (html: string) =>
              html.replace(/<script type="module" src="\/tab\/@vite\/client"><\/script>\s*/, ''),
          },
        },
      ],
      server: { middlewareMode: true, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: false },
    });
    router.use(vite.middlewares);
    close = () => vite.close();
  } else if (existsSync(o.dist ?? DIST)) {
    // Built files: compressed on the wire; the hashed assets never change (a year in the cache), the page always
    // revalidates (so a new build is picked up at once).
    router.use(compression());
    router.use(
      '/assets',
      express.static(path.join(o.dist ?? DIST, 'assets'), { immutable: true, maxAge: '365d', index: false }),
    );
    router.use(express.static(o.dist ?? DIST, { index: 'index.html', maxAge: 0 }));
  } else {
    router.use((_req, res) => {
      res.status(503).type('text/plain').send(both('api.tab.notBuilt'));
    });
  }
  return { router, close };
}
