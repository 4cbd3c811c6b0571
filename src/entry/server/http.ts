// The HTTP surface of the server process: health and readiness now; the bot, API and tab mount here later.
import express, { type Express } from 'express';
import type { Logger } from '../../platform/logger.ts';

export interface Readiness {
  /** Resolves when every dependency the server needs answers; rejects with a reason otherwise. */
  check(): Promise<Record<string, string>>;
}

export function createHttpApp(readiness: Readiness, logger: Logger): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      const checks = await readiness.check();
      res.json({ status: 'ready', checks });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      logger.warn({ reason }, 'not ready');
      res.status(503).json({ status: 'not-ready', reason });
    }
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'niet_gevonden', message: 'Deze pagina bestaat niet. / This page does not exist.' });
  });
  return app;
}
