// The part of `regiekamer plan | apply | drift` that accounts for every person of the file (issue 14 §4): each
// guest's invitation state, and every (person, body) pair that is not placed, with the reason — nobody is left out
// without a word. Placed pairs are counted, not listed.
import { isMessageKey, t, type Lang, type MessageKey } from '../../../domain/i18n.ts';
import type { GuestStatus } from '../../../domain/sync/guests.ts';
import type { Placement } from '../../../domain/sync/placement.ts';

const msg = (key: string, params: Record<string, string | number>, lang: Lang): string =>
  isMessageKey(key) ? t(key, params, lang) : key;

/** Each guest person with their invitation state and the bodies that make them a guest (nothing without guests). */
export function formatGuests(guests: GuestStatus[], lang: Lang): string[] {
  if (guests.length === 0) return [];
  return [
    t('placement.guestsHeader', { count: guests.length }, lang),
    ...guests.map(
      (g) =>
        `  ${g.name} (${g.gemeente}, ${g.email}): ${t(`guest.state.${g.state}` as MessageKey, {}, lang)} — ${g.bodies.join(', ')}`,
    ),
  ];
}

/** The guest section, then the count of (person, body) pairs per status and every pair not placed, with its reason. */
export function formatPeople(guests: GuestStatus[], placements: Placement[], lang: Lang): string[] {
  const lines = formatGuests(guests, lang);
  const counts = new Map<string, number>();
  for (const p of placements) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  lines.push(
    t(
      'placement.header',
      {
        pairs: placements.length,
        placed: counts.get('placed') ?? 0,
        planned: counts.get('planned') ?? 0,
        waiting: counts.get('waiting') ?? 0,
        notPlaced: counts.get('not-placed') ?? 0,
        noChannel: counts.get('no-channel') ?? 0,
      },
      lang,
    ),
  );
  for (const p of placements) {
    if (p.status === 'placed' || p.status === 'planned') continue;
    const status = t(`placement.status.${p.status}` as MessageKey, {}, lang);
    lines.push(`  ${p.name} · ${p.bodyId ?? '—'}: ${status} — ${msg(p.reason.key, p.reason.params, lang)}`);
  }
  return lines;
}

/** The same as JSON: guests with their state, every placement with its reason in words. */
export function jsonPeople(guests: GuestStatus[], placements: Placement[], lang: Lang) {
  return {
    guests: guests.map((g) => ({
      person: g.personId,
      name: g.name,
      gemeente: g.gemeente,
      state: g.state,
      bodies: g.bodies,
    })),
    placements: placements.map((p) => ({
      person: p.personId,
      body: p.bodyId ?? null,
      status: p.status,
      reason: msg(p.reason.key, p.reason.params, lang),
    })),
  };
}
