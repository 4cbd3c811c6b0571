// Programme versions: each loaded programme file, stored once per change, so later runs can say what changed.
import { LOCK } from './locks.ts';
import type { Db, ProgrammeVersion, ProgrammeVersions } from './store.ts';

interface Row {
  id: number;
  programme_id: string;
  hash: string;
  source_path: string;
  content: string;
  loaded_at: Date;
}

const COLUMNS = 'id, programme_id, hash, source_path, content, loaded_at';

/** db may be a transaction handle: record() then joins that transaction. */
export function programmeVersions(db: Db): ProgrammeVersions {
  return {
    record: (input) =>
      db.transaction(async (tx) => {
        // Two processes starting at once on one server store one version, not two.
        await tx.query(`SELECT pg_advisory_xact_lock(${LOCK.programmeVersions}, hashtext($1))`, [input.programmeId]);
        const previous = await latestIn(tx, input.programmeId);
        if (previous && previous.hash === input.hash) return { version: previous, isNew: false };
        const { rows } = await tx.query<Row>(
          `INSERT INTO programme_versions (programme_id, hash, source_path, content, loaded_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [input.programmeId, input.hash, input.sourcePath, input.content, input.loadedAt],
        );
        const version = toVersion(single(rows));
        return previous ? { version, isNew: true, previous } : { version, isNew: true };
      }),

    latest: (programmeId) => latestIn(db, programmeId),

    list: async (programmeId) => {
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM programme_versions WHERE programme_id = $1 ORDER BY id`,
        [programmeId],
      );
      return rows.map(toVersion);
    },
  };
}

async function latestIn(db: Db, programmeId: string): Promise<ProgrammeVersion | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM programme_versions WHERE programme_id = $1 ORDER BY id DESC LIMIT 1`,
    [programmeId],
  );
  return rows[0] ? toVersion(rows[0]) : undefined;
}

function single<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined || rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return row;
}

function toVersion(row: Row): ProgrammeVersion {
  return {
    id: row.id,
    programmeId: row.programme_id,
    hash: row.hash,
    sourcePath: row.source_path,
    content: row.content,
    loadedAt: row.loaded_at,
  };
}
