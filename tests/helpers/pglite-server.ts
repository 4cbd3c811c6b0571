// PGlite served over the PostgreSQL wire protocol on 127.0.0.1, so tests can drive the pg (server) code path
// without a PostgreSQL installation. One PGlite is one session: give every user its own instance.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface ServedPglite {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  stop(): Promise<void>;
}

export async function servePglite(): Promise<ServedPglite> {
  const db = await PGlite.create({ dataDir: 'memory://' });
  // pg.Pool opens up to 10 connections; the socket server's default limit is 1.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
