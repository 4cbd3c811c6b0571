// `regiekamer acties`: the action lists through the running server's API (the store belongs to the server while
// it runs), with an app token from the local tenant. Filters per werkgroep, person and overdue; `--wijzig ID`
// changes an action, which the server then writes to its Planner task.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMsalTokenSource } from '../../../adapters/auth/credentials.ts';
import { loadLocalTenantInfo, LocalTenantUnavailableError } from '../../../adapters/graph/connect.ts';
import { createHttpClient } from '../../../adapters/http/fetch.ts';
import type { Lang } from '../../../domain/i18n.ts';
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

interface ActieView {
  id: string; werkgroep: string; werkgroepNaam: string; title: string; due: string | null; status: string; ks: string[];
  owners: { id: string; name: string }[]; overdue: boolean;
}

const words = {
  noServer: { nl: 'Regiekamer draait niet: start het eerst met `npm start` (dit commando werkt met de gegevens van de draaiende server).', en: 'Regiekamer is not running: start it first with `npm start` (this command works on the running server\'s data).' },
  none: { nl: 'Geen acties gevonden.', en: 'No actions found.' },
  overdue: { nl: 'te laat', en: 'overdue' },
  saved: { nl: 'Bijgewerkt; de server zet het door naar Planner.', en: 'Updated; the server passes it on to Planner.' },
} as const;

/** Calls the running server's API with an app token from the local tenant; undefined (after a message) when it can't. */
async function callApi(io: CliIo, config: Config, lang: Lang, method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  let server: { url: string };
  try {
    server = JSON.parse(await readFile(path.join(config.dataDir, 'server.json'), 'utf8')) as { url: string };
  } catch {
    writeLine(io.stderr, words.noServer[lang]);
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
    const token = await createMsalTokenSource({ authorityHost: info.baseUrl, credential: { kind: 'secret', clientId: info.app.clientId, secret: info.app.clientSecret }, fetch: http.fetch }).token(info.tenants[0]?.id ?? '', 'api://regiekamer');
    const init: RequestInit = { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetch(`${server.url}/api${apiPath}`, init).catch(() => undefined);
    if (!res) {
      writeLine(io.stderr, words.noServer[lang]);
      return undefined;
    }
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  } finally {
    await http.close();
  }
}

interface PersonLoadView { name: string; openActions: number; overdueActions: number; werkgroepen: string[]; loadHours: number; hoursPerWeek: number; overLimit: boolean }

/** `regiekamer capaciteit`: who carries what, against the hours they have; over the limit is flagged. */
export async function capaciteitCommand(io: CliIo, config: Config, flags: { json?: boolean }, lang: Lang): Promise<number> {
  const r = await callApi(io, config, lang, 'GET', '/capaciteit');
  if (!r) return EXIT.failure;
  if (r.status >= 400) {
    writeLine(io.stderr, String(r.body['message'] ?? `HTTP ${r.status}`));
    return EXIT.failure;
  }
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify(r.body, null, 2));
    return EXIT.ok;
  }
  for (const p of (r.body['personen'] ?? []) as PersonLoadView[]) {
    const flag = p.overLimit ? (lang === 'nl' ? '  ⚠ boven de beschikbare uren' : '  ⚠ over the available hours') : '';
    writeLine(io.stdout, `${p.name.padEnd(28)} ${String(p.loadHours).padStart(5)} / ${String(p.hoursPerWeek).padEnd(3)} u/wk · ${p.openActions} open, ${p.overdueActions} te laat · ${p.werkgroepen.length} werkgroep(en)${flag}`);
  }
  return EXIT.ok;
}

interface DecisionView {
  id: string; title: string; werkgroepNaam: string; outcome?: { kind: string; on: string };
  leadTimes: { levels: { level: string; days: number; current: boolean }[]; totalDays: number };
}

/** `regiekamer besluiten`: the decision log, where each decision is and how long it has taken, and the medians. */
export async function besluitenCommand(io: CliIo, config: Config, flags: { json?: boolean }, lang: Lang): Promise<number> {
  const r = await callApi(io, config, lang, 'GET', '/besluiten');
  if (!r) return EXIT.failure;
  if (r.status >= 400) {
    writeLine(io.stderr, String(r.body['message'] ?? `HTTP ${r.status}`));
    return EXIT.failure;
  }
  if (flags.json) {
    writeLine(io.stdout, JSON.stringify(r.body, null, 2));
    return EXIT.ok;
  }
  const days = lang === 'nl' ? 'dagen' : 'days';
  for (const d of (r.body['besluiten'] ?? []) as DecisionView[]) {
    const where = d.outcome ? `${d.outcome.kind} (${d.outcome.on})` : `${d.leadTimes.levels.at(-1)?.level ?? '-'} ${lang === 'nl' ? 'sinds' : 'for'} ${d.leadTimes.levels.at(-1)?.days ?? 0} ${days}`;
    writeLine(io.stdout, `${d.id}  ${d.title} — ${d.werkgroepNaam} · ${where} · ${lang === 'nl' ? 'totaal' : 'total'} ${d.leadTimes.totalDays} ${days}`);
  }
  const medians = r.body['medianen'] as { levels: { level: string; medianDays: number; count: number }[]; total?: { medianDays: number; count: number } } | undefined;
  if (medians) {
    writeLine(io.stdout, lang === 'nl' ? 'Mediane doorlooptijd per niveau (afgelopen jaar):' : 'Median lead time per level (past year):');
    for (const l of medians.levels) writeLine(io.stdout, `  ${l.level.padEnd(14)} ${l.medianDays} ${days} (${l.count})`);
    if (medians.total) writeLine(io.stdout, `  ${(lang === 'nl' ? 'totaal' : 'total').padEnd(14)} ${medians.total.medianDays} ${days} (${medians.total.count})`);
  }
  return EXIT.ok;
}

export async function actiesCommand(io: CliIo, config: Config, flags: ActiesFlags, lang: Lang): Promise<number> {
  let server: { url: string };
  try {
    server = JSON.parse(await readFile(path.join(config.dataDir, 'server.json'), 'utf8')) as { url: string };
  } catch {
    writeLine(io.stderr, words.noServer[lang]);
    return EXIT.failure;
  }
  let info;
  try {
    info = await loadLocalTenantInfo(config.dataDir);
  } catch (err) {
    if (err instanceof LocalTenantUnavailableError) {
      writeLine(io.stderr, err.message);
      return EXIT.failure;
    }
    throw err;
  }
  const http = createHttpClient({ caCertPem: info.caCertPem });
  try {
    const host = info.tenants[0]?.id ?? '';
    const token = await createMsalTokenSource({ authorityHost: info.baseUrl, credential: { kind: 'secret', clientId: info.app.clientId, secret: info.app.clientSecret }, fetch: http.fetch }).token(host, 'api://regiekamer');
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    let res: Response;
    try {
      if (flags.wijzig) {
        const body: Record<string, unknown> = {};
        if (flags.status) body['status'] = flags.status;
        if (flags.titel) body['title'] = flags.titel;
        if (flags.deadline) body['due'] = flags.deadline === 'geen' ? null : flags.deadline;
        res = await fetch(`${server.url}/api/acties/${encodeURIComponent(flags.wijzig)}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
      } else {
        const q = new URLSearchParams();
        if (flags.werkgroep) q.set('werkgroep', flags.werkgroep);
        if (flags.mine) q.set('mine', flags.mine);
        if (flags.overdue) q.set('overdue', '1');
        res = await fetch(`${server.url}/api/acties${q.size > 0 ? `?${q}` : ''}`, { headers });
      }
    } catch {
      writeLine(io.stderr, words.noServer[lang]);
      return EXIT.failure;
    }
    const body = await res.json() as { message?: string; acties?: ActieView[] } & Partial<ActieView>;
    if (!res.ok) {
      writeLine(io.stderr, body.message ?? `HTTP ${res.status}`);
      return res.status === 400 || res.status === 404 ? EXIT.invalid : EXIT.failure;
    }
    if (flags.json) {
      writeLine(io.stdout, JSON.stringify(body, null, 2));
      return EXIT.ok;
    }
    if (flags.wijzig) {
      writeLine(io.stdout, `${body.id}: ${body.title} — ${body.status}${body.due ? `, ${body.due}` : ''}`);
      writeLine(io.stdout, words.saved[lang]);
      return EXIT.ok;
    }
    const list = body.acties ?? [];
    if (list.length === 0) writeLine(io.stdout, words.none[lang]);
    let group = '';
    for (const a of list) {
      if (a.werkgroepNaam !== group) {
        group = a.werkgroepNaam;
        writeLine(io.stdout, group);
      }
      writeLine(io.stdout, `  ${a.id}  [${a.status}] ${a.title} — ${a.owners.map((o) => o.name).join(', ')}${a.due ? ` · ${a.due}` : ''}${a.overdue ? ` (${words.overdue[lang]})` : ''}`);
    }
    return EXIT.ok;
  } finally {
    await http.close();
  }
}

/** Dev: sends one meeting's reminder rhythm now (ask, nudge, overview, announcements), each message still once. */
export async function herinneringenCommand(io: CliIo, config: Config, bijeenkomst: string, flags: { json?: boolean }, lang: Lang): Promise<number> {
  const r = await callApi(io, config, lang, 'POST', '/bot/ritme', { bijeenkomst });
  if (!r) return EXIT.failure;
  if (r.status >= 400) {
    writeLine(io.stderr, String(r.body['message'] ?? `HTTP ${r.status}`));
    return r.status === 400 || r.status === 404 ? EXIT.invalid : EXIT.failure;
  }
  if (flags.json) writeLine(io.stdout, JSON.stringify(r.body, null, 2));
  else writeLine(io.stdout, lang === 'nl'
    ? `${String(r.body['gepland'])} berichten voor ${bijeenkomst} ingepland voor nu; ${String(r.body['verstuurd'])} naar de wachtrij (al verstuurde gaan niet nog eens).`
    : `${String(r.body['gepland'])} messages for ${bijeenkomst} scheduled for now; ${String(r.body['verstuurd'])} queued (ones already sent are not sent again).`);
  return EXIT.ok;
}
