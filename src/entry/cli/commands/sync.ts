// `regiekamer plan | apply | drift`: compare the programme file with the tenants, show the changes in plain
// Dutch (or English, or JSON), apply them after confirmation, and report what was changed by hand.
// The file is validated first; the Graph, store and sync code is loaded only once it is valid (import() below), so
// an invalid file is refused at once, and a file that is valid costs no more than loading those modules.
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { loadProgrammeFile } from '../../../adapters/files/programme-file.ts';
import type { SyncResult } from '../../../app/sync.ts';
import { isMessageKey, t, type Lang, type MessageKey } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import type { Change } from '../../../domain/sync/plan.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';
import { formatGuests, formatPeople, jsonPeople } from './placement-report.ts';

export interface SyncFlags {
  json?: boolean;
  yes?: boolean;
  prune?: boolean;
  lang?: string;
}

const SYMBOL: Record<Change['action'], string> = {
  create: '+',
  add: '+',
  update: '~',
  move: '~',
  cancel: '-',
  end: '-',
  remove: '-',
  skip: '!',
  invite: '+',
};

function msg(key: string, params: Record<string, string | number>, lang: Lang): string {
  return isMessageKey(key) ? t(key, params, lang) : key;
}

function describeChange(c: Change, lang: Lang): string {
  const action = t(`sync.action.${c.action}` as MessageKey, {}, lang);
  const kind = t(`sync.kind.${c.kind}` as MessageKey, {}, lang);
  return `  ${SYMBOL[c.action]} ${action.padEnd(18)} ${kind}: ${c.target} — ${msg(c.reason.key, c.reason.params, lang)}`;
}

/** Changes grouped per body (the team first), each line in words. */
function formatPlan(programmeName: string, changes: Change[], lang: Lang, prune: boolean): string[] {
  if (changes.length === 0) return [t('sync.plan.none', {}, lang)];
  const lines = [t('sync.plan.header', { programme: programmeName, count: changes.length }, lang)];
  const groups = [...new Set(changes.map((c) => c.group))].sort((a, b) =>
    a === 'programma' ? -1 : b === 'programma' ? 1 : 0,
  );
  for (const g of groups) {
    lines.push(g === 'programma' ? t('sync.plan.groupProgramme', {}, lang) : t('sync.plan.group', { group: g }, lang));
    for (const c of changes.filter((x) => x.group === g)) lines.push(describeChange(c, lang));
  }
  const removals = changes.filter((c) => c.destructive).length;
  if (removals > 0 && !prune) lines.push(t('sync.plan.pruneHint', { count: removals }, lang));
  return lines;
}

function jsonChange(c: Change, lang: Lang) {
  return {
    id: c.id,
    kind: c.kind,
    action: c.action,
    group: c.group,
    target: c.target,
    reason: msg(c.reason.key, c.reason.params, lang),
    destructive: c.destructive,
    drift: c.drift,
  };
}

function requestLine(r: SyncResult, lang: Lang): string {
  const m = r.metrics;
  return t(
    'sync.apply.requests',
    {
      requests: m.requests,
      methods: Object.entries(m.byMethod)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      batches: m.batches,
      sub: m.subRequests,
      retries: m.retries,
      throttled: m.throttled,
    },
    lang,
  );
}

/** The result as JSON: the changes (or drift), for apply the summary and failures, and the request counts. */
function writeJson(
  io: CliIo,
  mode: 'plan' | 'apply' | 'drift',
  programmeId: string,
  result: SyncResult,
  lang: Lang,
): void {
  writeLine(
    io.stdout,
    JSON.stringify(
      {
        mode,
        programme: programmeId,
        changes: (mode === 'drift' ? result.drift : result.changes).map((c) => jsonChange(c, lang)),
        ...(mode === 'apply'
          ? {
              summary: result.summary,
              failures: result.outcomes
                .filter((o) => o.status === 'failed')
                .map((o) => ({
                  id: o.change.id,
                  target: o.change.target,
                  status: o.error?.status,
                  code: o.error?.code,
                  reason: o.reason ? msg(o.reason.key, o.reason.params, lang) : undefined,
                })),
            }
          : {}),
        ...jsonPeople(result.guests, result.placements, lang),
        requests: {
          total: result.metrics.requests,
          byMethod: result.metrics.byMethod,
          batches: result.metrics.batches,
          subRequests: result.metrics.subRequests,
          retries: result.metrics.retries,
          throttled: result.metrics.throttled,
        },
      },
      null,
      2,
    ),
  );
}

/** After apply: what was removed, what was skipped, what failed and why, the summary and the request counts. */
function writeApplyReport(io: CliIo, result: SyncResult, lang: Lang): void {
  const removed = result.outcomes.filter((o) => o.change.destructive && o.status === 'done');
  if (removed.length > 0) {
    writeLine(io.stdout, t('sync.apply.removals', {}, lang));
    for (const o of removed) writeLine(io.stdout, describeChange(o.change, lang));
  }
  for (const o of result.outcomes.filter((x) => x.change.action === 'skip'))
    writeLine(io.stdout, describeChange(o.change, lang));
  for (const o of result.outcomes.filter((x) => x.status === 'failed')) {
    writeLine(
      io.stdout,
      t(
        'sync.apply.failed',
        {
          target: o.change.target,
          reason: o.reason
            ? msg(o.reason.key, o.reason.params, lang)
            : `${o.error?.status ?? ''} ${o.error?.code ?? ''}`.trim(),
        },
        lang,
      ),
    );
  }
  writeLine(io.stdout, t('sync.apply.summary', { ...result.summary }, lang));
  writeLine(io.stdout, requestLine(result, lang));
}

export async function syncCommand(
  io: CliIo,
  config: Config,
  mode: 'plan' | 'apply' | 'drift',
  flags: SyncFlags,
  lang: Lang,
): Promise<number> {
  const display = path.relative(io.cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p, lang));
    return EXIT.invalid;
  }
  // Warnings (accepted, probably not meant) are shown before the plan, on stderr so --json stays clean.
  for (const w of loaded.warnings) writeLine(io.stderr, formatProblem(w, lang));
  const programme = loaded.programme;
  // plan and drift only read the records of earlier applies: without an embedded store (its directory never
  // created) there are none, so nothing is opened or created (./no-records.ts); apply and a server always open one.
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const [{ connectGraph }, { graphSync }, { runSync }, { embeddedStoreExists, noGuestRecords, noSyncRecords }] =
    await Promise.all([
      import('../../../adapters/graph/connect.ts'),
      import('../../../adapters/sync/graph.ts'),
      import('../../../app/sync.ts'),
      import('../../../adapters/store/no-records.ts'),
    ]);
  const storeless = mode !== 'apply' && !config.databaseUrl && !embeddedStoreExists(pgliteDir);
  // A tenant that cannot be reached or a data directory another process holds is a DependencyUnavailableError:
  // main() prints its message (what is missing and what to do) and exits 1.
  // The tenants' connection first (it only reads local-tenant.json locally), then the store: another process
  // holding the PGlite directory is refused before PGlite starts.
  const graph = await connectGraph(config);
  const store = storeless
    ? undefined
    : await import('../../../adapters/store/open.ts')
        .then(({ openStore }) =>
          openStore({ databaseUrl: config.databaseUrl, dataDir: pgliteDir, command: mode }).then(async (s) => {
            await s.migrate().catch(async (err: unknown) => {
              await s.close();
              throw err;
            });
            return s;
          }),
        )
        .catch(async (err: unknown) => {
          await graph.close();
          throw err;
        });
  const records = { sync: store?.sync ?? noSyncRecords(), guests: store?.guests ?? noGuestRecords() };
  try {
    const prune = flags.prune === true;
    const interactive = io.stdin.isTTY === true && !flags.json;
    if (mode === 'apply' && !flags.yes && !interactive) {
      writeLine(io.stderr, t('sync.apply.needYes', {}, lang));
      return EXIT.invalid;
    }
    const result = await runSync(
      { graph: graphSync(graph.gateway), store: records, programme, clock: systemClock },
      mode,
      {
        prune,
        ...(mode === 'apply' && !flags.yes
          ? {
              confirm: async (changes: Change[]) => {
                for (const line of formatPlan(programme.programme.name, changes, lang, prune))
                  writeLine(io.stdout, line);
                const rl = createInterface({ input: io.stdin, output: io.stdout });
                const answer = (await rl.question(t('sync.apply.confirm', {}, lang))).trim().toLowerCase();
                rl.close();
                return answer === 'j' || answer === 'ja' || answer === 'y' || answer === 'yes';
              },
            }
          : {}),
        ...(mode === 'apply' && !flags.json
          ? {
              onProgress: (done: number, total: number, c: Change) =>
                writeLine(
                  io.stderr,
                  `[${done}/${total}] ${t(`sync.kind.${c.kind}` as MessageKey, {}, lang)}: ${c.target}`,
                ),
            }
          : {}),
      },
    );
    if (result.aborted) {
      writeLine(io.stdout, t('sync.apply.aborted', {}, lang));
      return EXIT.ok;
    }
    if (flags.json) {
      writeJson(io, mode, programme.programme.id, result, lang);
    } else if (mode === 'plan') {
      for (const line of formatPlan(programme.programme.name, result.changes, lang, prune)) writeLine(io.stdout, line);
      for (const line of formatPeople(result.guests, result.placements, lang)) writeLine(io.stdout, line);
      writeLine(io.stdout, requestLine(result, lang));
    } else if (mode === 'drift') {
      if (result.drift.length === 0) writeLine(io.stdout, t('sync.drift.none', {}, lang));
      else {
        writeLine(io.stdout, t('sync.drift.header', { count: result.drift.length }, lang));
        for (const c of result.drift) writeLine(io.stdout, describeChange(c, lang));
      }
      for (const line of formatGuests(result.guests, lang)) writeLine(io.stdout, line);
    } else {
      writeApplyReport(io, result, lang);
      for (const line of formatPeople(result.guests, result.placements, lang)) writeLine(io.stdout, line);
    }
    return mode === 'apply' && result.summary.failed > 0 ? EXIT.failure : EXIT.ok;
  } finally {
    await store?.close();
    await graph.close();
  }
}
