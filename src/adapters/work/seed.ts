// Seed actions for a local start: per werkgroep the backlog topics of its vakgebied plus the steps every
// werkgroep takes, with owners, due dates, statuses and K's spread deterministically (same input, same set), so
// the dashboard has something true-to-life to show. All people are the programme's own (fictional) people.
import { createHash } from 'node:crypto';
import { normalise } from '../../domain/planner/merge.ts';
import { FOUR_KS, type ActionStatus, type FourK } from '../../domain/vocabulary.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { StoredAction } from '../store/action-records.ts';
import type { Measurement } from '../store/decision-records.ts';
import type { Decision } from '../../domain/work/model.ts';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import type { ProgressUpdate } from '../../domain/bot/update.ts';
import type { StoredUpdate } from '../store/bot-records.ts';

const STEPS = [
  'Huidige werkwijze per gemeente in kaart brengen',
  'Verschillen tussen de vier gemeenten op een rij',
  "Knelpunten en risico's benoemen",
  'Gesprek met teamhoofden plannen',
  'Conceptvoorstel schrijven',
  'Conceptvoorstel bespreken in de projectgroep',
  'Reacties verwerken',
  'Financiële gevolgen doorrekenen',
  'Personele gevolgen met HRM afstemmen',
  'Advies OR voorbereiden',
  'Planning implementatie opstellen',
  'Communicatie naar medewerkers voorbereiden',
  'Voortgangsrapportage voor de regiegroep',
  'Afhankelijkheden met andere werkgroepen nagaan',
  'Juridische toets aanvragen',
  'Leveranciers en contracten inventariseren',
  'Werkbezoek bij een andere samenwerking',
  'Besluitvoorstel formuleren',
];

function pick(seed: string, n: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % n;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function seedActions(p: Programme, today: string): StoredAction[] {
  const out: StoredAction[] = [];
  for (const body of p.bodies) {
    if (body.kind !== 'werkgroep') continue;
    // Half of the backlog has been turned into actions so far; the rest waits to be prioritised.
    const topics = p.backlog
      .filter((b) => b.vakgebied === body.vakgebied)
      .flatMap((b) =>
        b.topics
          .filter((_, i) => i % 2 === 1)
          .map((t) => ({ title: t.title, origin: { kind: 'backlog' as const, ref: t.id } })),
      );
    const items = [...topics, ...STEPS.map((title) => ({ title, origin: null }))];
    for (const [i, item] of items.entries()) {
      const key = `${p.programme.id}:${body.id}:${i}`;
      const statuses: ActionStatus[] = ['open', 'open', 'loopt', 'loopt', 'wacht', 'gereed'];
      const status = statuses[pick(`${key}:s`, statuses.length)] as ActionStatus;
      const people = body.members.length > 0 ? body.members : [body.trekker];
      const owner = pick(`${key}:o`, 3) === 0 ? body.trekker : (people[pick(`${key}:p`, people.length)] as string);
      const second = pick(`${key}:2`, 4) === 0 ? [people[pick(`${key}:q`, people.length)] as string] : [];
      const due = addDays(today, pick(`${key}:d`, 120) - 40);
      const k = FOUR_KS[pick(`${key}:k`, FOUR_KS.length)] as (typeof FOUR_KS)[number];
      out.push({
        id: `seed-${body.id}-${String(i + 1).padStart(2, '0')}`,
        werkgroep: body.id,
        fields: normalise({ title: item.title, due, status, ks: [k], owners: [owner, ...second], notes: '' }),
        base: null,
        blockedBy: [],
        origin: item.origin,
        createdOn: addDays(today, -60 + pick(`${key}:c`, 50)),
        deleted: false,
        taskId: null,
        taskEtag: null,
        detailsEtag: null,
      });
    }
  }
  return out;
}

const DECISIONS = [
  'Gezamenlijke inkoop van het zaaksysteem',
  'Eén salarisadministratie vanaf 2027',
  'Harmonisatie van de verlofregeling',
  'Verdeelsleutel voor de kosten van de werkorganisatie',
  'Locatie van het gezamenlijke servicecentrum',
  'Keuze voor één financieel pakket',
  'Mandaatregeling voor de teamhoofden',
  'Plaatsingsprocedure voor medewerkers',
  'Gemeenschappelijke regeling: lichte of zware vorm',
  'Informatiebeveiligingsbeleid voor de vier gemeenten',
  'Uitgangspunten dienstverleningsconcept',
  'Tijdelijke inhuur tijdens de overgang',
];

/** A dozen decisions at various levels of the programme's route, some decided, some waiting, some blocking actions. */
export function seedDecisions(p: Programme, today: string, actions: readonly StoredAction[]): Decision[] {
  const werkgroepen = p.bodies.filter((b) => b.kind === 'werkgroep').map((b) => b.id);
  const route = [...p.decisionRoute];
  return DECISIONS.map((title, i) => {
    const key = `${p.programme.id}:besluit:${i}`;
    const reached = 1 + pick(`${key}:n`, route.length);
    const gaps = Array.from({ length: reached }, (_, j) => 7 + pick(`${key}:g${j}`, 45));
    const decided = pick(`${key}:o`, 3) === 0;
    const total = gaps.reduce((a, b) => a + b, 0) + (decided ? 0 : pick(`${key}:w`, 20));
    let at = addDays(today, -total);
    const steps = route.slice(0, reached).map((level, j) => {
      const step = { level, reachedOn: at };
      at = addDays(at, gaps[j] as number);
      return step;
    });
    const werkgroep = werkgroepen[i % werkgroepen.length] as string;
    const blocks = decided
      ? []
      : actions
          .filter((a) => a.werkgroep === werkgroep && a.fields.status === 'wacht')
          .slice(0, 2)
          .map((a) => a.id);
    return {
      id: `besluit-${String(i + 1).padStart(2, '0')}`,
      title,
      proposal: `Voorstel van de werkgroep: ${title.toLowerCase()}.`,
      werkgroep,
      route,
      steps,
      blocks,
      ...(decided
        ? {
            outcome: {
              kind: pick(`${key}:k`, 4) === 0 ? ('afgewezen' as const) : ('besloten' as const),
              on: at > today ? today : at,
            },
          }
        : {}),
    };
  });
}

/**
 * Four quarterly values per indicator, ending last quarter: most move the better way, some not, so the four K's
 * view has trends to show. Fictional numbers in a plausible range for the unit.
 */
export function seedMeasurements(p: Programme, today: string): Measurement[] {
  return p.indicators.flatMap((ind) => {
    const key = `${p.programme.id}:indicator:${ind.id}`;
    const grade = /cijfer/i.test(ind.unit);
    const percent = /procent|%/i.test(ind.unit);
    const base = grade
      ? 6 + pick(`${key}:b`, 15) / 10
      : percent
        ? 40 + pick(`${key}:b`, 30)
        : /euro/i.test(ind.unit)
          ? 50_000 + 1_000 * pick(`${key}:b`, 150)
          : 5 + pick(`${key}:b`, 40);
    const improving = pick(`${key}:i`, 4) !== 0;
    const step = (grade ? 0.2 : base * 0.06) * (improving === (ind.better === 'higher') ? 1 : -1);
    return [3, 2, 1, 0].map((q, i) => {
      const noise = grade ? 0 : (pick(`${key}:n${i}`, 5) - 2) * base * 0.01;
      const raw = base + step * i + noise;
      const value = grade ? Math.round(raw * 10) / 10 : percent ? Math.min(100, Math.round(raw)) : Math.round(raw);
      return { indicatorId: ind.id, on: addDays(today, -91 * (q + 1)), value, note: '', recordedBy: null };
    });
  });
}

const UPDATE_TEXTS = [
  {
    progress: 'Inventarisatie van de werkprocessen in alle vier gemeenten afgerond.',
    successes: 'Gezamenlijke procesplaat vastgesteld in de werkgroep.',
    nextSteps: 'Conceptvoorstel voor de nieuwe werkwijze schrijven.',
  },
  {
    progress: 'Gesprekken met de teamhoofden gevoerd; knelpunten op een rij.',
    nextSteps: 'Financiële gevolgen laten doorrekenen.',
    blockers: 'Wachten op cijfers van één gemeente.',
    decisionsNeeded: 'Akkoord op één gezamenlijk zaaksysteem vanaf 2028.',
  },
  {
    progress: 'Conceptvoorstel besproken in de projectgroep; reacties verwerkt.',
    successes: 'Draagvlak bij de teamhoofden.',
    nextSteps: 'Advies van de OR vragen.',
  },
] as const;

/**
 * Local mode: progress updates for the next meeting of the reminder body (the regiegroep), as the bot's cards would
 * have filed them (period = the meeting's key), from about half of the werkgroepen — so the agenda shows updates in
 * full, one with a decision needed from the regiegroep, and a list of who has not sent one yet. `now` is an instant;
 * each update is dated 1–4 days before it. Empty when the programme has no such meeting ahead.
 */
export function seedUpdates(p: Programme, now: Date): Omit<StoredUpdate, 'revision'>[] {
  const body = p.bodies.find((b) => b.kind === p.reminders.bodyKind);
  const next = body
    ? meetingOccurrences(p).find((m) => m.bodyIds.includes(body.id) && m.end > now && m.start > now)
    : undefined;
  if (!next) return [];
  const werkgroepen = p.bodies.filter((b) => b.kind === 'werkgroep');
  return werkgroepen
    .filter((_, i) => i % 2 === 1)
    .map((w, i) => {
      const text = UPDATE_TEXTS[i % UPDATE_TEXTS.length] as (typeof UPDATE_TEXTS)[number];
      const daysBefore = 1 + pick(`${w.id}:update`, 4);
      const update: ProgressUpdate = {
        werkgroep: w.id,
        period: next.key,
        status: i % 3 === 1 ? 'aandacht' : 'op-koers',
        ...text,
        ks: [{ k: FOUR_KS[i % FOUR_KS.length] as FourK, note: 'Minder kwetsbaar door gedeelde kennis.' }],
        actionIds: [],
      };
      return {
        werkgroep: w.id,
        period: next.key,
        data: update as unknown as Record<string, unknown>,
        submittedBy: w.kind === 'werkgroep' ? w.trekker : '',
        submittedAt: new Date(now.getTime() - daysBefore * 86_400_000),
      };
    });
}
