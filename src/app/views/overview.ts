// Read models of the programme as a whole: who is signed in (with what they may do), and the dashboard's first
// page — phases, the next meeting per body, and per werkgroep its latest update and its actions.
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import type { Werkgroep } from '../../domain/programme/schema.ts';
import { may, werkgroepenOf, type Caller } from '../access.ts';
import type { MeResponse, OverviewResponse, WerkgroepTile } from '../contract.ts';
import type { AppDeps } from '../result.ts';
import { figuresOf } from '../work/figures.ts';
import { homeId } from '../../domain/programme/home.ts';

const DAY_MS = 86_400_000;

/** The caller as the tab greets them, and whether it should offer the decision and measurement buttons. */
export function me(d: AppDeps, caller: Caller): MeResponse {
  const p = caller.kind === 'person' ? caller.person : undefined;
  return {
    person: p ? { id: p.id, name: p.name, gemeente: homeId(p), roles: p.roles } : null,
    app: caller.kind === 'app',
    mayDecide: may(d.programme, caller, { do: 'decision.change' }),
    werkgroepen: p ? werkgroepenOf(d.programme, p.id).map((w) => w.id) : [],
    programme: { id: d.programme.programme.id, name: d.programme.programme.name },
  };
}

/** The next meeting (not yet ended) of each body that has one. */
function nextMeetings(d: AppDeps): OverviewResponse['meetings'] {
  const now = d.clock.now();
  const next = new Map<string, { occurrence: string; start: string; end: string }>();
  for (const m of meetingOccurrences(d.programme)) {
    if (m.end < now) continue;
    for (const b of m.bodyIds)
      if (!next.has(b)) next.set(b, { occurrence: m.key, start: m.start.toISOString(), end: m.end.toISOString() });
  }
  return d.programme.bodies
    .flatMap((b) => {
      const m = next.get(b.id);
      return m ? [{ body: b.id, name: b.name, ...m }] : [];
    })
    .sort((a, b) => a.start.localeCompare(b.start));
}

export async function overview(d: AppDeps): Promise<OverviewResponse> {
  const today = d.today();
  const now = d.clock.now();
  // The same counts as the bot's status card (src/app/bot/service.ts): one function counts both.
  const figures = await figuresOf(d, today);
  const updates = await d.store.bot.updates(d.programme.programme.id);
  const nameOf = (id: string) => d.programme.people.find((p) => p.id === id)?.name ?? id;
  const tile = (w: Werkgroep): WerkgroepTile => {
    const u = updates.find((x) => x.werkgroep === w.id);
    const data = u?.data as { status?: string; progress?: string } | undefined;
    return {
      id: w.id,
      name: w.name,
      trekker: { id: w.trekker, name: nameOf(w.trekker) },
      ...figures.werkgroep(w.id),
      latestUpdate: u
        ? {
            status: data?.status ?? null,
            progress: data?.progress ?? '',
            submittedAt: u.submittedAt.toISOString(),
            ageDays: Math.max(0, Math.floor((now.getTime() - u.submittedAt.getTime()) / DAY_MS)),
          }
        : null,
    };
  };
  return {
    programme: { id: d.programme.programme.id, name: d.programme.programme.name },
    today,
    phases: d.programme.phases.map((f) => ({ number: f.number, name: f.name, start: f.start, end: f.end })),
    milestones: [...d.programme.milestones]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => ({
        id: m.id,
        date: m.date,
        title: m.title,
        phase: m.phase ?? null,
        celebrate: m.celebrate,
        reached: m.date <= today,
      })),
    meetings: nextMeetings(d),
    timeZone: d.programme.programme.timeZone,
    werkgroepen: d.programme.bodies.filter((b): b is Werkgroep => b.kind === 'werkgroep').map(tile),
  };
}
