// `regiekamer agenda [--body ID] [--date JJJJ-MM-DD] [--json]`: the agenda of a meeting of the regiegroep or a
// projectgroep (issue 18 §2), read through the running server's API like `regiekamer acties` (GET /api/agenda).
import type { AgendaAddedView, AgendaResponse } from '../../../app/contract.ts';
import { t, type Lang } from '../../../domain/i18n.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';
import { callApi } from './acties.ts';

export interface AgendaFlags {
  body?: string;
  date?: string;
  /** Adds an item with this title first (the projectleider, or the app's token: agenda.edit). */
  punt?: string;
  toelichting?: string;
  json?: boolean;
  lang?: string;
}

/** The agenda as lines of text in `lang`: updates (or "no update yet"), missing updates, decisions, waits, load. */
export function agendaLines(a: AgendaResponse, lang: Lang): string[] {
  const none = t('agenda.cli.none', {}, lang);
  const lines = [t('agenda.cli.title', { body: a.body.name, date: a.meeting.date }, lang), ''];
  lines.push(t('agendaItems.cli.items', {}, lang));
  let n = 0;
  for (const i of a.items)
    lines.push(i.removed ? `-  ${i.title} ${t('agendaItems.cli.removed', {}, lang)}` : `${String(++n)}. ${i.title}`);
  lines.push('');
  lines.push(t('agenda.cli.updates', {}, lang));
  for (const w of a.werkgroepen) {
    const u = w.update;
    lines.push(
      `- ${w.name} (${w.trekker.name}): ${u ? `[${u.status}] ${u.progress}` : t('agenda.cli.noUpdate', {}, lang)}`,
    );
    if (!u) continue;
    for (const text of [u.successes, u.nextSteps, u.blockers, u.decisionsNeeded]) if (text) lines.push(`    ${text}`);
    for (const k of u.ks) lines.push(`    ${k.k}: ${k.note}`);
  }
  const missing = a.missingUpdates.map((m) => `${m.werkgroepName} (${m.trekkerName})`);
  lines.push('', t('agenda.cli.missing', { count: missing.length, list: missing.join(', ') || none }, lang));
  lines.push('', t('agenda.cli.decisions', {}, lang));
  if (a.decisions.length === 0) lines.push(`- ${none}`);
  for (const d of a.decisions)
    lines.push(
      `- ${t('agenda.cli.decision', { title: d.title, werkgroep: d.werkgroepName, days: d.daysWaiting, since: d.since }, lang)}`,
    );
  lines.push('', t('agenda.cli.chains', { count: a.blockedChains.length }, lang));
  const chainItem = (i: { kind: string; id: string }) =>
    i.kind === 'phase' ? t('dependency.phase', { number: i.id }, lang) : i.id;
  for (const c of a.blockedChains) lines.push(`- ${c.items.map(chainItem).join(' → ')}`);
  lines.push('', t('agenda.cli.overdueTitle', {}, lang));
  if (a.overdueActions.length === 0) lines.push(`- ${none}`);
  for (const x of a.overdueActions)
    lines.push(
      `- ${t('agenda.cli.overdue', { title: x.title, werkgroep: x.werkgroep, days: x.daysOverdue, due: x.due }, lang)}`,
    );
  lines.push('', t('agenda.cli.capacityTitle', {}, lang));
  if (a.capacityAlerts.length === 0) lines.push(`- ${none}`);
  for (const p of a.capacityAlerts)
    lines.push(
      `- ${t('agenda.cli.capacity', { name: p.name, load: p.loadHours, meetings: p.meetingHours, hours: p.hoursPerWeek }, lang)}`,
    );
  return lines;
}

/**
 * Exit 0 with the agenda (after adding the item of `--punt`, on the version just read); 2 when the server refuses
 * the input (unknown body, bad date, an empty title, not the projectleider, a change landed in between: 4xx); 1
 * when it can't.
 */
export async function agendaCommand(io: CliIo, config: Config, flags: AgendaFlags, lang: Lang): Promise<number> {
  const query = new URLSearchParams();
  if (flags.body !== undefined) query.set('body', flags.body);
  if (flags.date !== undefined) query.set('date', flags.date);
  const qs = query.size > 0 ? `?${query}` : '';
  let r = await callApi<AgendaResponse>(io, config, lang, 'GET', `/agenda${qs}`);
  if (r?.ok && flags.punt !== undefined) {
    const { body, meeting, version } = r.body;
    const input = { body: body.id, date: meeting.date, title: flags.punt, note: flags.toelichting };
    const added = await callApi<AgendaResponse & AgendaAddedView>(io, config, lang, 'POST', '/agenda/punten', input, {
      'if-match': `"${String(version)}"`,
    });
    if (added?.ok)
      writeLine(io.stdout, t('agendaItems.cli.added', { title: flags.punt.trim(), id: added.body.added }, lang));
    r = added;
  }
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return r.status >= 400 && r.status < 500 ? EXIT.invalid : EXIT.failure;
  }
  if (flags.json) writeLine(io.stdout, JSON.stringify(r.body, null, 2));
  else for (const line of agendaLines(r.body, lang)) writeLine(io.stdout, line);
  return EXIT.ok;
}
