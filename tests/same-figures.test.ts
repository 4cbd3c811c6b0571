// The bot and the tab tell the same story: on BLNP seeded as `npm start` seeds it, every figure a bot card shows is
// the figure the API (the tab's source) answers — per werkgroep the open, overdue and blocked actions of the status
// card against the overview tile and the action list; the regiegroep overview's blocked and overdue actions and
// their waiting days against the action list and the wait chains; each person's open and overdue actions of
// "mijn acties" against the capacity view; the days each open decision has been at its level against the decision log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../src/adapters/auth/testing.ts';
import type { Inbound } from '../src/adapters/bot/transport.ts';
import { MEMORY, openStore } from '../src/adapters/store/open.ts';
import type { Store } from '../src/adapters/store/store.ts';
import { seedActions, seedDecisions } from '../src/adapters/work/seed.ts';
import { createBotService } from '../src/app/bot/service.ts';
import type {
  ActionView,
  CapacityResponse,
  DecisionsResponse,
  OverviewResponse,
  WaitsResponse,
} from '../src/app/contract.ts';
import { meetingOccurrences } from '../src/domain/bot/rhythm.ts';
import type { Programme, Werkgroep } from '../src/domain/programme/schema.ts';
import { FixedClock } from '../src/domain/time/clock.ts';
import { serveApi, type ApiServer } from './helpers/api-server.ts';
import { loadProgramme } from './helpers/programmes.ts';

const TODAY = '2026-11-23';
const clock = new FixedClock(`${TODAY}T10:00:00Z`);
let p: Programme;
let store: Store;
let api: ApiServer;
let base: string;
let token: string;
let werkgroepen: Werkgroep[];
const inbound: Inbound = {
  conversation: { id: 'c-figures', type: 'personal', tenantId: 't1' },
  serviceUrl: 'https://smba.example/',
  from: { id: 'u-figures' },
  recipient: { id: 'bot' },
  locale: 'nl-NL',
};

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${base}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** Every text a card shows (TextBlocks and facts), in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o['type'] === 'TextBlock' ? [String(o['text'])] : [];
  const facts = o['type'] === 'FactSet' ? (o['facts'] as { title: string; value: string }[]) : [];
  return [
    ...own,
    ...facts.map((f) => `${f.title}: ${f.value}`),
    ...Object.values(o).flatMap((v) => (typeof v === 'object' ? texts(v) : [])),
  ];
}
const cardOf = (activity: unknown) =>
  (activity as { attachments?: { content: unknown }[] } | undefined)?.attachments?.[0]?.content;
/** Items listed, plus those summed up as "+n meer". */
const listed = (lines: string[], item: RegExp) =>
  lines.filter((l) => item.test(l)).length + lines.reduce((n, l) => n + Number(/^\+(\d+) meer$/.exec(l)?.[1] ?? 0), 0);
/** Card markdown escapes, undone: the plain title again. */
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = p.programme.id;
  // As `npm start` seeds (src/entry/server/stack.ts, seedLocal): actions, then decisions that block some of them.
  for (const a of seedActions(p, TODAY)) await store.actions.save(pid, a, clock.now());
  for (const d of seedDecisions(p, TODAY, await store.actions.list(pid)))
    await store.decisions.save(pid, d, clock.now());
  werkgroepen = p.bodies.filter((b): b is Werkgroep => b.kind === 'werkgroep');

  const issuer = await testIssuer();
  const leider = p.people.find((x) => x.roles.includes('projectleider'));
  const tid = p.gemeenten.find((g) => g.id === leider?.gemeente)?.tenantId;
  if (!leider || !tid) throw new Error('BLNP has a projectleider in a tenant');
  token = await issuer.userToken(tid, leider.upn, clock.now());
  api = await serveApi({
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => TODAY,
    triggerRhythm: async () => undefined,
  });
  base = api.base;
}, 120_000);

afterAll(async () => {
  await api.close();
  await store.close();
});

/** The person who asks the bot: the projectleider (the programme's figures are for its people only, as on the API). */
const reader = (): string => {
  const id = p.people.find((x) => x.roles.includes('projectleider'))?.id;
  if (!id) throw new Error('BLNP has a projectleider');
  return id;
};

describe('the bot and the tab tell the same story', () => {
  it(
    'status card and overview tile: open, overdue and blocked, for every werkgroep',
    { timeout: 120_000 },
    async () => {
      const tiles = (await get<OverviewResponse>('/overzicht')).werkgroepen;
      const actions = (await get<{ actions: ActionView[] }>('/acties')).actions;
      const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: reader() });
      for (const w of werkgroepen) {
        const [answer] = await bot.message(inbound, `status ${w.id}`);
        const line = texts(cardOf(answer)).find((t) => t.startsWith('Acties:')) ?? '';
        const m = /^Acties: (\d+) open, (\d+) te laat, (\d+) geblokkeerd\.$/.exec(line);
        expect(m, `${w.id}: ${line}`).not.toBeNull();
        const card = { open: Number(m?.[1]), overdue: Number(m?.[2]), blocked: Number(m?.[3]) };
        const tile = tiles.find((t) => t.id === w.id);
        expect(card, w.id).toEqual({ open: tile?.open, overdue: tile?.overdue, blocked: tile?.blocked });
        const mine = actions.filter((a) => a.werkgroep === w.id && a.status !== 'gereed');
        expect(card, w.id).toEqual({
          open: mine.length,
          overdue: mine.filter((a) => a.overdue).length,
          blocked: mine.filter((a) => a.blockedBy.length > 0).length,
        });
      }
      // The seeded decisions block actions in several werkgroepen: a count of 0 everywhere would prove nothing.
      expect(tiles.filter((t) => t.blocked > 0).length).toBeGreaterThan(1);
    },
  );

  it('the regiegroep overview: blocked and overdue actions and how long each waits', { timeout: 120_000 }, async () => {
    const actions = (await get<{ actions: ActionView[] }>('/acties')).actions.filter((a) => a.status !== 'gereed');
    const chains = (await get<WaitsResponse>('/wachtrij')).chains;
    const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
    const meeting = meetingOccurrences(p).find((m) => regiegroep && m.bodyIds.includes(regiegroep.id));
    if (!regiegroep || !meeting) throw new Error('BLNP has regiegroep meetings');
    const pid = p.programme.id;
    await store.bot.saveConversation(pid, {
      conversationId: 'ch-regiegroep',
      kind: 'channel',
      tenantId: 't1',
      serviceUrl: 'https://smba.example/',
      bodyId: regiegroep.id,
      installedAt: clock.now(),
    });
    const bot = createBotService({ store, programme: p, clock, lang: 'nl' });
    const composed = await bot.compose({
      key: 'compile-test',
      kind: 'compile',
      occurrenceKey: meeting.key,
      recipient: `channel:${regiegroep.id}`,
      werkgroep: null,
      dueAt: clock.now(),
      status: 'pending',
      attempts: 0,
      activityId: null,
      conversationId: null,
      reason: null,
      payload: null,
      sentAt: null,
    });
    if (!('activity' in composed)) throw new Error(`compile skipped: ${JSON.stringify(composed)}`);
    const lines = texts(cardOf(composed.activity));
    const at = (heading: string) => lines.indexOf(heading);
    const blockedLines = lines.slice(at('Geblokkeerde acties'), at('Te late acties'));
    const overdueLines = lines.slice(at('Te late acties'));
    const blocked = actions.filter((a) => a.blockedBy.length > 0);
    expect(blocked.length).toBeGreaterThan(0);
    expect(listed(blockedLines, /^• .*, wacht \d+ dag/)).toBe(blocked.length);
    expect(listed(overdueLines, /^• .*, uiterlijk /)).toBe(actions.filter((a) => a.overdue).length);
    const waits = new Map(chains.flatMap((c) => c.items).map((i) => [`${i.kind}:${i.id}`, i.waitDays]));
    for (const line of blockedLines) {
      const m = /^• (.*) \((.*), wacht (\d+) dagen?\)$/.exec(line);
      if (!m) continue;
      const a = blocked.find((x) => x.title === unescape(m[1] ?? '') && x.werkgroepName === unescape(m[2] ?? ''));
      expect(a, line).toBeDefined();
      expect(Number(m[3]), line).toBe(waits.get(`action:${a?.id ?? ''}`));
    }
  });

  it(
    "each person's open and overdue actions: 'mijn acties' against the capacity view",
    { timeout: 120_000 },
    async () => {
      const load = (await get<CapacityResponse>('/capaciteit')).people;
      const owners = load.filter((x) => x.openActions > 0);
      expect(owners.some((x) => x.overdueActions > 0)).toBe(true);
      for (const person of owners) {
        const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: person.personId });
        const [answer] = await bot.message(inbound, 'mijn acties');
        const lines = texts(cardOf(answer));
        expect(listed(lines, /^\*\*.*\*\* · /), person.personId).toBe(person.openActions);
        // Overdue ones are marked; the card lists the earliest due first, so every overdue one is among those shown.
        expect(lines.filter((l) => / · TE LAAT \(was /.test(l)).length, person.personId).toBe(
          Math.min(person.overdueActions, 15),
        );
      }
    },
  );

  it('the days each open decision has been at its level: the bot against the decision log', async () => {
    const log = (await get<DecisionsResponse>('/besluiten')).decisions;
    const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: reader() });
    const [answer] = await bot.message(inbound, 'besluiten');
    const lines = texts(cardOf(answer)).filter((l) => l.startsWith('**'));
    const open = log.filter((d) => d.leadTimes.levels.some((l) => l.current));
    expect(open.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(Math.min(open.length, 15));
    for (const line of lines) {
      const m = /^\*\*(.*)\*\* · bij (\S+), (\d+) dagen?$/.exec(line);
      const d = open.find((x) => x.title === unescape(m?.[1] ?? ''));
      const current = d?.leadTimes.levels.find((l) => l.current);
      expect([m?.[2], Number(m?.[3])], line).toEqual([current?.level, current?.days]);
    }
  });
});
