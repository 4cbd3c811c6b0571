// `regiekamer rapport [--maand JJJJ-MM] [--out FILE] [--variant regiegroep|informed] [--lang nl|en]`: the monthly
// voortgangsrapportage (issue 16 §2) as .docx or .pdf, by the file's extension. Like `persoon`, it opens the store
// directly (PGlite with its lock, never while a server holds it; or the PostgreSQL server of DATABASE_URL) and
// renders with the same ReportRenderer the server uses. The draft as the data stands: no introduction, not approved
// (the approved versions are downloaded from the tab). Every input is checked before the store is opened, and the
// file appears only once it is complete: exit 2 on bad input or an unwritable path, with nothing written.
import { access, constants, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadProgrammeFile } from '../../../adapters/files/programme-file.ts';
import type { ReportFormat, ReportVariant } from '../../../app/report/port.ts';
import { t, type Lang } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import { isReportMonth, previousMonth } from '../../../domain/report/compose.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import type { Clock } from '../../../domain/time/clock.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export interface RapportFlags {
  maand?: string;
  out?: string;
  variant?: string;
  lang?: string;
}

const VARIANTS: readonly ReportVariant[] = ['regiegroep', 'informed'];

/** The checked request, or the message (catalogue key and parameters) that refuses it. */
type Checked =
  | { ok: true; month: string; variant: ReportVariant; format: ReportFormat; out: string }
  | { ok: false; message: string };

/** Checks the flags against `today` (YYYY-MM-DD, the programme's time zone); nothing is read or written. */
function checkRapportFlags(flags: RapportFlags, cwd: string, today: string, lang: Lang): Checked {
  const variant = flags.variant ?? 'regiegroep';
  if (!(VARIANTS as readonly string[]).includes(variant))
    return { ok: false, message: t('report.cli.badVariant', { value: variant }, lang) };
  const month = flags.maand ?? previousMonth(today);
  if (!isReportMonth(month)) return { ok: false, message: t('report.cli.badMonth', { value: month }, lang) };
  if (month > today.slice(0, 7)) return { ok: false, message: t('report.cli.futureMonth', { month, today }, lang) };
  const file = flags.out ?? `rapportage-${month}.docx`;
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.docx' && ext !== '.pdf') return { ok: false, message: t('report.cli.badExtension', { file }, lang) };
  return {
    ok: true,
    month,
    variant: variant as ReportVariant,
    format: ext === '.pdf' ? 'pdf' : 'docx',
    out: path.resolve(cwd, file),
  };
}

/** Writes `bytes` to `out` through a temporary file beside it, so a failure leaves no half-written report. */
async function writeWhole(out: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${String(process.pid)}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const reasonOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error';

/**
 * Exit 0 with the report written; 2 for an invalid programme file, a bad month, variant or extension, or an
 * unwritable path (nothing written); 1 when the store or rendering fails. `clock` is injectable for tests.
 */
export async function rapportCommand(
  io: CliIo,
  config: Config,
  flags: RapportFlags,
  lang: Lang,
  clock: Clock = systemClock,
): Promise<number> {
  const display = path.relative(io.cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p, lang));
    return EXIT.invalid;
  }
  const programme = loaded.programme;
  const today = DateTime.fromJSDate(clock.now()).setZone(programme.programme.timeZone).toISODate() ?? '';
  const checked = checkRapportFlags(flags, io.cwd, today, lang);
  if (!checked.ok) {
    writeLine(io.stderr, checked.message);
    return EXIT.invalid;
  }
  try {
    await access(path.dirname(checked.out), constants.W_OK);
  } catch (err) {
    writeLine(io.stderr, t('report.cli.unwritable', { file: checked.out, reason: reasonOf(err) }, lang));
    return EXIT.invalid;
  }
  const [{ openStore }, { createReportRenderer }, { reportWriters }] = await Promise.all([
    import('../../../adapters/store/open.ts'),
    import('../../../app/report/render.ts'),
    import('../../../adapters/report/writers.ts'),
  ]);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    command: 'rapport',
  });
  let bytes: Uint8Array;
  try {
    await store.migrate();
    const renderer = createReportRenderer({ store, programme, clock, writers: reportWriters });
    bytes = await renderer.render({ ...checked, introduction: '', lang });
  } finally {
    await store.close();
  }
  try {
    await writeWhole(checked.out, bytes);
  } catch (err) {
    writeLine(io.stderr, t('report.cli.unwritable', { file: checked.out, reason: reasonOf(err) }, lang));
    return EXIT.invalid;
  }
  writeLine(
    io.stdout,
    t('report.cli.written', { month: checked.month, variant: checked.variant, file: checked.out }, lang),
  );
  return EXIT.ok;
}
