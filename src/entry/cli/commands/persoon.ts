// `regiekamer persoon export <id>` and `regiekamer persoon wis <id>`: one person's data under the AVG (access and
// erasure; docs/privacy.md). Both open the store directly — PGlite with its lock (never while a server holds it), or
// the PostgreSQL server of DATABASE_URL. Exit 0 done, 2 bad input or unknown person, 1 a dependency.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadProgrammeFile, type LoadResult } from '../../../adapters/files/programme-file.ts';
import type { PrivacyDeps, PrivacyRefusal } from '../../../app/privacy.ts';
import { t, type Lang } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import type { Store } from '../../../adapters/store/store.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export interface PersoonFlags {
  lang?: string;
  out?: string;
  yes?: boolean;
  json?: boolean;
}

type Loaded = Extract<LoadResult, { ok: true }>;

/** The programme file, validated; its problems printed (and undefined) when it is not valid. */
async function programmeOf(
  io: CliIo,
  config: Config,
  lang: Lang,
): Promise<{ loaded: Loaded; display: string } | undefined> {
  const display = path.relative(io.cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p, lang));
    return undefined;
  }
  return { loaded, display };
}

/** Opens (and migrates) the store; PGlite takes its directory's lock as `persoon`. */
async function storeOf(config: Config): Promise<Store> {
  const { openStore } = await import('../../../adapters/store/open.ts');
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    command: 'persoon',
  });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function depsOf(store: Store, loaded: Loaded, display: string): Promise<PrivacyDeps> {
  const { personRecords } = await import('../../../adapters/store/person-records.ts');
  const programme = loaded.programme;
  return {
    programme,
    file: display,
    versions: () => store.programmes.list(programme.programme.id),
    records: personRecords(store.db),
    clock: systemClock,
    random: (n) => randomBytes(n),
    shared: store.backend === 'postgres',
    recordCurrent: async () => {
      await store.programmes.record({
        programmeId: programme.programme.id,
        hash: loaded.hash ?? '',
        sourcePath: display,
        content: loaded.text,
        loadedAt: systemClock.now(),
      });
    },
  };
}

const refusal = (io: CliIo, r: PrivacyRefusal, lang: Lang): number => {
  writeLine(io.stderr, t(r.key, r.params, lang));
  return EXIT.invalid;
};

/** `persoon export <id>`: the JSON on stdout, or in `--out FILE`. */
export async function persoonExportCommand(io: CliIo, config: Config, id: string, flags: PersoonFlags, lang: Lang) {
  const file = await programmeOf(io, config, lang);
  if (!file) return EXIT.invalid;
  const { exportPerson } = await import('../../../app/privacy.ts');
  const store = await storeOf(config);
  try {
    const r = await exportPerson(await depsOf(store, file.loaded, file.display), id);
    if (!r.ok) return refusal(io, r.refusal, lang);
    const text = `${JSON.stringify(r.value, null, 2)}\n`;
    if (!flags.out) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    const out = path.resolve(io.cwd, flags.out);
    try {
      // Only its owner may read it: it is personal data.
      await writeFile(out, text, { mode: 0o600 });
    } catch (err) {
      writeLine(
        io.stderr,
        t('privacy.outFailed', { file: out, reason: (err as NodeJS.ErrnoException).code ?? 'error' }, lang),
      );
      return EXIT.invalid;
    }
    writeLine(io.stderr, t('privacy.exported', { id, file: out }, lang));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** `persoon wis <id>`: asks first in a terminal, or takes `--yes`; prints what was deleted and pseudonymised. */
export async function persoonWisCommand(io: CliIo, config: Config, id: string, flags: PersoonFlags, lang: Lang) {
  const interactive = io.stdin.isTTY === true && !flags.json;
  if (!flags.yes && !interactive) {
    writeLine(io.stderr, t('privacy.needYes', {}, lang));
    return EXIT.invalid;
  }
  const file = await programmeOf(io, config, lang);
  if (!file) return EXIT.invalid;
  const { erasable, erasePerson, exportPerson } = await import('../../../app/privacy.ts');
  const { figuresOf } = await import('../../../app/work/figures.ts');
  const { today } = await import('../../../app/sync.ts');
  const store = await storeOf(config);
  try {
    const deps = await depsOf(store, file.loaded, file.display);
    if (!flags.yes) {
      // Refused before anything is asked: a person still in the file, or a server that still has them.
      const may = await erasable(deps, id);
      if (!may.ok) return refusal(io, may.refusal, lang);
      const seen = await exportPerson(deps, id);
      if (!seen.ok) return refusal(io, seen.refusal, lang);
      const s = seen.value.store;
      writeLine(
        io.stdout,
        t(
          'privacy.preview',
          {
            id,
            actions: s.actions.length,
            updates: s.updates.length,
            conversations: s.conversations.length,
            deliveries: s.deliveries.length,
            journal: s.journal.length,
            versions: seen.value.programmeVersions.length,
            meetings:
              s.meetingRecords.length +
              s.meetingActions.length +
              s.meetingsClosed.length +
              s.besluitenlijsten.length +
              s.agendaEdits.length,
            elsewhere: s.mentions.reduce((n, m) => n + m.rows, 0),
          },
          lang,
        ),
      );
      const rl = createInterface({ input: io.stdin, output: io.stdout });
      const answer = (await rl.question(t('privacy.confirm', {}, lang))).trim().toLowerCase();
      rl.close();
      if (!['j', 'ja', 'y', 'yes'].includes(answer)) {
        writeLine(io.stdout, t('privacy.aborted', {}, lang));
        return EXIT.ok;
      }
    }
    const r = await erasePerson(deps, id);
    if (!r.ok) return refusal(io, r.refusal, lang);
    const programme = file.loaded.programme;
    const figures = await figuresOf({ store, programme }, today(programme, systemClock));
    const decisions = (await store.decisions.list(programme.programme.id)).length;
    if (flags.json) {
      writeLine(io.stdout, JSON.stringify({ person: id, ...r.value }, null, 2));
      return EXIT.ok;
    }
    writeLine(
      io.stdout,
      t(
        'privacy.erased',
        { id, pseudonym: r.value.pseudonym, deleted: r.value.deleted, pseudonymised: r.value.pseudonymised },
        lang,
      ),
    );
    writeLine(
      io.stdout,
      t(
        'privacy.figures',
        {
          open: figures.open.length,
          overdue: figures.open.filter(figures.isOverdue).length,
          blocked: figures.open.filter(figures.isBlocked).length,
          decisions,
        },
        lang,
      ),
    );
    writeLine(io.stdout, t('privacy.outside', {}, lang));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
