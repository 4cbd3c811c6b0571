// `regiekamer acties`: the action lists through the running server's API (the store belongs to the server while
// it runs), with an app token from the local tenant. Filters per werkgroep, person and overdue; `--wijzig ID`
// changes an action, which the server then writes to its Planner task.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMsalTokenSource } from '../../../adapters/auth/credentials.ts';
import { loadLocalTenantInfo, LocalTenantUnavailableError } from '../../../adapters/graph/connect.ts';
import { createHttpClient } from '../../../adapters/http/fetch.ts';
import { namingFetch } from '../../../adapters/http/unreachable.ts';
import type {
  ActionPatch,
  ActionPatchResponse,
  ActionsResponse,
  CapacityResponse,
  DecisionsResponse,
  ErrorResponse,
  RhythmInput,
  RhythmResponse,
} from '../../../app/contract.ts';
import { both, t, type Lang } from '../../../domain/i18n.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export interface ActiesFlags {
  werkgroep?: string;
  mine?: string;
  overdue?: boolean;
  json?: boolean;
  wijzig?: string;
  status?: string;
  titel?: string;
  deadline?: string;
  lang?: string;
}

/** An answer of the API: the route's response (src/app/contract.ts) when it went through, else its error body. */
export type Answer<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; body: Partial<ErrorResponse> };

/** Calls the running server's API with an app token from the local tenant; undefined (after a message) when it can't. */
export async function callApi<T>(
  io: CliIo,
  config: Config,
  lang: Lang,
  method: string,
  apiPath: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T> | undefined> {
  let server: { url: string };
  try {
    server = JSON.parse(await readFile(path.join(config.dataDir, 'server.json'), 'utf8')) as { url: string };
  } catch {
    writeLine(io.stderr, t('cli.acties.noServer', {}, lang));
    return undefined;
  }
  let info;
  try {
    info = await loadLocalTenantInfo(config.dataDir);
  } catch (err) {
    if (err instanceof LocalTenantUnavailableError) {
      writeLine(io.stderr, err.message);
      return undefined;
    }
    throw err;
  }
  const http = createHttpClient({ caCertPem: info.caCertPem });
  try {
    const token = await createMsalTokenSource({
      authorityHost: info.baseUrl,
      credential: { kind: 'secret', clientId: info.app.clientId, secret: info.app.clientSecret },
      // A local tenant that does not run is said in words (main() prints it), not as the identity library's error.
      fetch: namingFetch(http.fetch, () => ({ dependency: 'tenant', message: 'dependency.localTenant' })),
    }).token(info.tenants[0]?.id ?? '', 'api://regiekamer');
    const init: RequestInit = {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(`${server.url}/api${apiPath}`, init).catch(() => undefined);
    if (!res) {
      writeLine(io.stderr, t('cli.acties.noServer', {}, lang));
      return undefined;
    }
    const json: unknown = await res.json();
    return res.ok
      ? { ok: true, status: res.status, body: json as T }
      : { ok: false, status: res.status, body: json as Partial<ErrorResponse> };
  } finally {
    await http.close();
  }
}

/** `regiekamer capaciteit`: who carries what, against the hours they have; over the limit is flagged. */
export async function capaciteitCommand(
  io: CliIo,
  config: Config,
  flags: { json?: boolean },
  lang: Lang,
): Promise<number> {
  const r = await callApi<CapacityResponse>(io, config, lang, 'GET', '/capaciteit');
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return EXIT.failure;
  }
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify(r.body, null, 2));
    return EXIT.ok;
  }
  for (const p of r.body.people) {
    const flag = p.overLimit ? `  ${t('cli.capaciteit.over', {}, lang)}` : '';
    const line = t(
      'cli.capaciteit.line',
      {
        name: p.name.padEnd(28),
        load: String(p.loadHours).padStart(5),
        hours: String(p.hoursPerWeek).padEnd(3),
        open: p.openActions,
        overdue: p.overdueActions,
        werkgroepen: p.werkgroepen.length,
      },
      lang,
    );
    writeLine(io.stdout, `${line}${flag}`);
  }
  return EXIT.ok;
}

/** `regiekamer besluiten`: the decision log, where each decision is and how long it has taken, and the medians. */
export async function besluitenCommand(
  io: CliIo,
  config: Config,
  flags: { json?: boolean },
  lang: Lang,
): Promise<number> {
  const r = await callApi<DecisionsResponse>(io, config, lang, 'GET', '/besluiten');
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return EXIT.failure;
  }
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify(r.body, null, 2));
    return EXIT.ok;
  }
  for (const d of r.body.decisions) {
    const where = d.outcome
      ? `${d.outcome.kind} (${d.outcome.on})`
      : t(
          'cli.besluiten.at',
          { level: d.leadTimes.levels.at(-1)?.level ?? '-', days: d.leadTimes.levels.at(-1)?.days ?? 0 },
          lang,
        );
    writeLine(
      io.stdout,
      t(
        'cli.besluiten.line',
        { id: d.id, title: d.title, werkgroep: d.werkgroepName, where, days: d.leadTimes.totalDays },
        lang,
      ),
    );
  }
  const medians = r.body.medians;
  writeLine(io.stdout, t('cli.besluiten.medians', {}, lang));
  for (const l of medians.levels)
    writeLine(
      io.stdout,
      `  ${t('cli.besluiten.median', { level: l.level.padEnd(14), days: l.medianDays, count: l.count }, lang)}`,
    );
  if (medians.total)
    writeLine(
      io.stdout,
      `  ${t('cli.besluiten.median', { level: t('cli.besluiten.total', {}, lang).padEnd(14), days: medians.total.medianDays, count: medians.total.count }, lang)}`,
    );
  return EXIT.ok;
}

/**
 * Changes action `id` on the version it reads first (If-Match): a change made by someone else or in Planner in
 * between is refused (409, with the current values) instead of overwritten unseen; the API refuses an edit without
 * a version (428). An unknown id answers as the API would (404).
 */
async function changeAction(
  io: CliIo,
  config: Config,
  lang: Lang,
  id: string,
  patch: Partial<Record<keyof ActionPatch, unknown>>,
): Promise<Answer<ActionPatchResponse> | undefined> {
  const list = await callApi<ActionsResponse>(io, config, lang, 'GET', '/acties');
  if (!list?.ok) return list;
  const read = list.body.actions.find((a) => a.id === id);
  if (!read) return { ok: false, status: 404, body: { message: both('api.actionNotFound', { id }) } };
  return callApi<ActionPatchResponse>(io, config, lang, 'PATCH', `/acties/${encodeURIComponent(id)}`, patch, {
    'If-Match': `"${read.version}"`,
  });
}

/** `regiekamer acties`: the list (filters werkgroep, mine, overdue), or with `--wijzig ID` one action changed. */
export async function actiesCommand(io: CliIo, config: Config, flags: ActiesFlags, lang: Lang): Promise<number> {
  let r: Answer<ActionPatchResponse | ActionsResponse> | undefined;
  if (flags.wijzig) {
    // As typed: the server validates the values (and refuses all of them, changing nothing, if one is wrong).
    const patch: Partial<Record<keyof ActionPatch, unknown>> = {};
    if (flags.status) patch.status = flags.status;
    if (flags.titel) patch.title = flags.titel;
    if (flags.deadline) patch.due = flags.deadline === 'geen' ? null : flags.deadline;
    r = await changeAction(io, config, lang, flags.wijzig, patch);
  } else {
    const q = new URLSearchParams();
    if (flags.werkgroep) q.set('werkgroep', flags.werkgroep);
    if (flags.mine) q.set('mine', flags.mine);
    if (flags.overdue) q.set('overdue', '1');
    r = await callApi<ActionsResponse>(io, config, lang, 'GET', `/acties${q.size > 0 ? `?${q}` : ''}`);
  }
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return r.status === 400 || r.status === 404 ? EXIT.invalid : EXIT.failure;
  }
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify(r.body, null, 2));
    return EXIT.ok;
  }
  if (flags.wijzig) {
    const a = r.body as ActionPatchResponse;
    writeLine(io.stdout, `${a.id}: ${a.title} — ${a.status}${a.due ? `, ${a.due}` : ''}`);
    writeLine(io.stdout, t('cli.acties.saved', {}, lang));
    return EXIT.ok;
  }
  const list = (r.body as ActionsResponse).actions;
  if (list.length === 0) writeLine(io.stdout, t('cli.acties.none', {}, lang));
  let group = '';
  for (const a of list) {
    if (a.werkgroepName !== group) {
      group = a.werkgroepName;
      writeLine(io.stdout, group);
    }
    writeLine(
      io.stdout,
      `  ${a.id}  [${a.status}] ${a.title} — ${a.owners.map((o) => o.name).join(', ')}${a.due ? ` · ${a.due}` : ''}${a.overdue ? ` (${t('cli.acties.overdue', {}, lang)})` : ''}`,
    );
  }
  return EXIT.ok;
}

/** Dev: sends one meeting's reminder rhythm now (ask, nudge, overview, announcements), each message still once. */
export async function herinneringenCommand(
  io: CliIo,
  config: Config,
  bijeenkomst: string,
  flags: { json?: boolean },
  lang: Lang,
): Promise<number> {
  const r = await callApi<RhythmResponse>(io, config, lang, 'POST', '/bot/ritme', {
    meeting: bijeenkomst,
  } satisfies RhythmInput);
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return r.status === 400 || r.status === 404 ? EXIT.invalid : EXIT.failure;
  }
  if (flags.json) writeLine(io.stdout, JSON.stringify(r.body, null, 2));
  else {
    writeLine(
      io.stdout,
      t(
        'cli.herinneringen.done',
        { planned: r.body.planned, meeting: r.body.meeting, queued: String(r.body.dispatched) },
        lang,
      ),
    );
  }
  return EXIT.ok;
}
