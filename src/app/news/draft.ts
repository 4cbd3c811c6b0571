// What the month brought, gathered for the news draft (issue 16 §3): successes from the werkgroepen' updates submitted
// in the month, milestones of the month reached by today, decisions taken (besloten) in the month, and the next
// bijeenkomst: the next occurrence of a cadence for everyone (audience `everyone`) or with communication audiences.
// Dates are local dates in the programme's time zone (src/app/result.ts AppDeps.today).
import { DateTime } from 'luxon';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import type { Lang } from '../../domain/i18n.ts';
import { composeNews, type NewsFacts } from '../../domain/news/compose.ts';
import type { AppDeps } from '../result.ts';

const inMonth = (date: string, month: string) => date.slice(0, 7) === month;

/** The month's facts (`month` YYYY-MM). */
async function newsFacts(d: AppDeps, month: string): Promise<NewsFacts> {
  const p = d.programme;
  const pid = p.programme.id;
  const zone = p.programme.timeZone;
  const today = d.today();
  const local = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
  const nameOf = (id: string) => p.bodies.find((b) => b.id === id)?.name ?? id;
  const updates = (await d.store.bot.updates(pid)).filter((u) => inMonth(local(u.submittedAt), month));
  // One line per werkgroep: the latest update's successes first (updates come newest first), then older ones.
  const byWerkgroep = new Map<string, string[]>();
  for (const u of updates) {
    const s = u.data['successes'];
    if (typeof s !== 'string' || s.trim() === '') continue;
    const seen = byWerkgroep.get(u.werkgroep) ?? [];
    if (!seen.includes(s.trim())) byWerkgroep.set(u.werkgroep, [...seen, s.trim()]);
  }
  const decisions = (await d.store.decisions.list(pid)).filter(
    (x) => x.outcome?.kind === 'besloten' && inMonth(x.outcome.on, month),
  );
  const now = d.clock.now();
  const forEveryone = new Set(
    p.cadences.filter((c) => c.audience === 'everyone' || c.audiences.length > 0).map((c) => c.id),
  );
  const next = meetingOccurrences(p)
    .filter((m) => forEveryone.has(m.cadenceId) && !m.cancelled && m.start > now)
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  const start = next ? DateTime.fromJSDate(next.start, { zone }) : undefined;
  return {
    month,
    programmeName: p.programme.name,
    successes: [...byWerkgroep].map(([id, texts]) => ({ werkgroepName: nameOf(id), text: texts.join(' ') })),
    milestones: p.milestones
      .filter((m) => inMonth(m.date, month) && m.date <= today)
      .map((m) => ({ title: m.title, date: m.date, celebrate: m.celebrate })),
    decisions: decisions.map((x) => ({ title: x.title, date: x.outcome?.on ?? '' })),
    bijeenkomst:
      next && start
        ? {
            name: p.cadences.find((c) => c.id === next.cadenceId)?.name ?? next.cadenceId,
            date: start.toISODate() ?? '',
            time: start.toFormat('HH:mm'),
          }
        : undefined,
  };
}

/** The month's draft composed from its data as it is now, in `lang`. */
export const composedDraft = async (d: AppDeps, month: string, lang: Lang) =>
  composeNews(await newsFacts(d, month), lang);
