// The JSON API the tab, the bot and the CLI share, for action lists first. Every call carries a bearer token
// validated against the tenant's keys (issuer, audience, expiry, tenant allow-list); input is validated whole
// before anything changes; errors are 4xx with a message in Dutch and English, never a stack trace.
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { TokenValidator, ValidatedToken } from '../../adapters/auth/validate.ts';
import { TokenRejectedError } from '../../adapters/auth/validate.ts';
import { toDomainAction, type ActionConflict, type StoredAction } from '../../adapters/store/action-records.ts';
import type { Store } from '../../adapters/store/store.ts';
import { both } from '../../domain/i18n.ts';
import { ACTION_STATUSES, KS, normalise } from '../../domain/planner/merge.ts';
import { BODY_KINDS, type Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { capacity } from '../../domain/work/capacity.ts';
import { isOpenAction } from '../../domain/work/model.ts';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import { changeDecision, leadTimes, medianLeadTimes } from '../../domain/work/decisions.ts';
import { indicatorTrend } from '../../domain/work/indicators.ts';
import { addBlock, blockedChains, liveBlockers } from '../../domain/work/dependencies.ts';
import { WorkError, type Action, type Decision } from '../../domain/work/model.ts';

export interface ApiDeps {
  store: Store;
  programme: Programme;
  clock: Clock;
  validate: TokenValidator;
  /** Today in the programme's time zone (for "overdue"). */
  today(): string;
  /** Called after a change, e.g. to poll Planner now so the change reaches the task. */
  changed(): void;
  /** Local mode (dev): send one meeting's reminder rhythm now. */
  triggerRhythm?(occurrenceKey: string): Promise<{ planned: number; dispatched: number } | undefined>;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

/** What was wrong with the input, field by field ("status: Invalid option; due: …"). */
const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');

/** 400 with the reason in Dutch and English; nothing was changed. */
function badInput(res: Response, detail: string): void {
  res.status(400).json({ error: 'ongeldige_invoer', message: both('api.badInput', { detail }) });
}

/** The last `n` calendar quarters up to and including today's, oldest first (label 2026-K3). */
export function quartersBefore(today: string, n: number): { label: string; from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const out: { label: string; from: string; to: string }[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const idx = y * 4 + q - i;
    const year = Math.floor(idx / 4);
    const quarter = idx % 4;
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    out.push({ label: `${year}-K${quarter + 1}`, from: `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, to: `${year}-${ends[quarter] ?? '12-31'}` });
  }
  return out;
}

export function apiRouter(d: ApiDeps): Router {
  const router = express.Router();
  const people = new Map(d.programme.people.map((p) => [p.id, p.name]));
  const werkgroepen = new Map(d.programme.bodies.filter((b) => b.kind === 'werkgroep').map((b) => [b.id, b.name]));
  const Patch = z.strictObject({
    title: z.string().trim().min(1).max(255).optional(),
    due: date.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    ks: z.array(z.enum(KS)).max(4).optional(),
    owners: z.array(z.string().refine((id) => people.has(id), { message: 'unknown person' })).max(20).optional(),
    notes: z.string().max(32_000).optional(),
  });

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = await d.validate(req.headers.authorization);
      res.locals['tenantId'] = token.tenantId;
      res.locals['token'] = token;
      next();
    } catch (err) {
      if (!(err instanceof TokenRejectedError)) {
        next(err);
        return;
      }
      res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ error: 'niet_aangemeld', reason: err.reason, message: both('api.unauthorized') });
    }
  });
  router.use(express.json({ limit: '64kb' }));

  /**
   * What every open action waits on now (open actions, undecided decisions, with their titles) and the merge
   * conflicts with Planner of the last 30 days (Planner won; the value entered here is kept in the record).
   */
  const actionContext = async () => {
    const pid = d.programme.programme.id;
    const actions = await d.store.actions.list(pid, { includeDeleted: true });
    const decisions = await d.store.decisions.list(pid);
    const live = liveBlockers(actions.map(toDomainAction), decisions);
    const title = new Map([...actions.map((a) => [`action:${a.id}`, a.fields.title] as const), ...decisions.map((x) => [`decision:${x.id}`, x.title] as const)]);
    const since = d.clock.now().getTime() - 30 * 86_400_000;
    const conflicts = new Map<string, ActionConflict[]>();
    for (const c of await d.store.actions.conflicts(pid)) if (c.at.getTime() >= since) conflicts.set(c.actionId, [...(conflicts.get(c.actionId) ?? []), c]);
    return {
      actions,
      of: (id: string) => (live.get(id) ?? []).map((r) => ({ ...r, naam: title.get(`${r.kind}:${r.id}`) ?? r.id })),
      conflictsOf: (id: string) => (conflicts.get(id) ?? []).map((c) => ({ veld: c.field, hier: c.ours, planner: c.theirs, op: c.at.toISOString() })),
    };
  };
  /** A version of an action's fields: an edit made on an older version is refused (409), not silently applied. */
  const versionOf = (a: StoredAction) => createHash('sha256').update(JSON.stringify(a.fields)).digest('base64url').slice(0, 16);
  const view = (a: StoredAction, blockers: Awaited<ReturnType<typeof actionContext>>) => ({
    id: a.id, werkgroep: a.werkgroep, werkgroepNaam: werkgroepen.get(a.werkgroep) ?? a.werkgroep, ...a.fields,
    owners: a.fields.owners.map((id) => ({ id, name: people.get(id) ?? id })),
    overdue: a.fields.due !== null && a.fields.due < d.today() && a.fields.status !== 'gereed',
    inPlanner: a.taskId !== null,
    blockedBy: blockers.of(a.id),
    conflicten: blockers.conflictsOf(a.id),
    versie: versionOf(a),
  });

  // Who is calling: a person (delegated token, matched on UPN in the programme) or the app itself (CLI, jobs).
  const callerOf = (res: Response): { person?: Programme['people'][number]; app: boolean } => {
    const token = res.locals['token'] as ValidatedToken | undefined;
    if (!token?.delegated) return { app: true };
    const upn = token.upn?.toLowerCase();
    const person = d.programme.people.find((p) => p.upn.toLowerCase() === upn || p.email?.toLowerCase() === upn);
    return person ? { person, app: false } : { app: false };
  };
  const werkgroepenOf = (personId: string) => d.programme.bodies.filter((b) => b.kind === 'werkgroep' && (b.members.includes(personId) || b.trekker === personId)).map((b) => b.id);

  // Decisions are moved on by the projectleider and the regiegroep (its chair and members); the app itself may too.
  const regiegroep = new Set(d.programme.bodies.flatMap((b) => (b.kind === 'regiegroep' ? [...b.members, ...(b.chair ? [b.chair] : [])] : [])));
  const mayDecide = (c: ReturnType<typeof callerOf>) => c.app || (c.person !== undefined && (c.person.roles.includes('projectleider') || regiegroep.has(c.person.id)));

  router.get('/ik', (_req, res) => {
    const c = callerOf(res);
    res.json({
      persoon: c.person ? { id: c.person.id, naam: c.person.name, gemeente: c.person.gemeente, rollen: c.person.roles } : null,
      app: c.app,
      magBesluiten: mayDecide(c),
      werkgroepen: c.person ? werkgroepenOf(c.person.id) : [],
      programma: { id: d.programme.programme.id, naam: d.programme.programme.name },
    });
  });

  // The dashboard's first page: phases, the next meeting per body, and per werkgroep its latest update and actions.
  router.get('/overzicht', async (_req, res) => {
    const today = d.today();
    const blockers = await actionContext();
    const actions = blockers.actions.map(toDomainAction).filter(isOpenAction);
    const updates = await d.store.bot.updates(d.programme.programme.id);
    const now = d.clock.now();
    const next = new Map<string, { bijeenkomst: string; start: string; einde: string }>();
    for (const m of meetingOccurrences(d.programme)) {
      if (m.end < now) continue;
      for (const b of m.bodyIds) if (!next.has(b)) next.set(b, { bijeenkomst: m.key, start: m.start.toISOString(), einde: m.end.toISOString() });
    }
    res.json({
      programma: { id: d.programme.programme.id, naam: d.programme.programme.name },
      vandaag: today,
      fasen: d.programme.phases.map((f) => ({ nummer: f.number, naam: f.name, start: f.start, einde: f.end })),
      bijeenkomsten: d.programme.bodies.filter((b) => next.has(b.id)).map((b) => ({ orgaan: b.id, naam: b.name, ...next.get(b.id) })),
      werkgroepen: d.programme.bodies.filter((b) => b.kind === 'werkgroep').map((w) => {
        const mine = actions.filter((a) => a.werkgroep === w.id);
        const u = updates.find((x) => x.werkgroep === w.id);
        const data = u?.data as { status?: string; progress?: string } | undefined;
        return {
          id: w.id, naam: w.name, trekker: w.kind === 'werkgroep' ? { id: w.trekker, naam: people.get(w.trekker) ?? w.trekker } : null,
          open: mine.length, teLaat: mine.filter((a) => a.due && a.due < today).length, geblokkeerd: mine.filter((a) => blockers.of(a.id).length > 0).length,
          laatsteUpdate: u ? { status: data?.status ?? null, voortgang: data?.progress ?? '', ingediend: u.submittedAt.toISOString(), dagenOud: Math.max(0, Math.floor((now.getTime() - u.submittedAt.getTime()) / 86_400_000)) } : null,
        };
      }),
    });
  });

  // One werkgroep: its people (with their home gemeente), the history of its updates, and what it waits on and
  // what waits on it (programme dependencies). Its actions come from /acties?werkgroep=.
  router.get('/werkgroepen/:id', async (req, res) => {
    const w = werkgroepOf(String(req.params['id']));
    if (!w) {
      res.status(404).json({ error: 'niet_gevonden', message: both('api.werkgroepNotFound', { id: String(req.params['id']) }) });
      return;
    }
    const gemeente = new Map(d.programme.gemeenten.map((g) => [g.id, g.name]));
    const person = (id: string) => {
      const p = d.programme.people.find((x) => x.id === id);
      return { id, naam: p?.name ?? id, gemeente: p ? gemeente.get(p.gemeente) ?? p.gemeente : '' };
    };
    const updates = await d.store.bot.updates(d.programme.programme.id, w.id);
    const bodyName = (id: string) => d.programme.bodies.find((b) => b.id === id)?.name ?? id;
    res.json({
      id: w.id, naam: w.name, trekker: person(w.trekker),
      leden: [...new Set([w.trekker, ...w.members])].map(person),
      updates: updates.map((u) => ({ periode: u.period, ingediend: u.submittedAt.toISOString(), door: person(u.submittedBy).naam, ...u.data })),
      wachtOp: d.programme.dependencies.filter((x) => x.werkgroep === w.id).flatMap((x) => x.waitsOn.map((id) => ({ id, naam: bodyName(id), reden: x.reason ?? null }))),
      wachtenOpDeze: d.programme.dependencies.filter((x) => x.waitsOn.includes(w.id)).map((x) => ({ id: x.werkgroep, naam: bodyName(x.werkgroep), reden: x.reason ?? null })),
    });
  });

  // The four K's: the programme's indicators per K with their values, the successes werkgroepen reported for each K
  // in updates, and how many actions serve it.
  router.get('/vierks', async (_req, res) => {
    const updates = await d.store.bot.updates(d.programme.programme.id);
    const measured = await d.store.indicators.list(d.programme.programme.id);
    const actions = await d.store.actions.list(d.programme.programme.id);
    res.json({
      ks: KS.map((k) => ({
        k,
        // How many actions (open or done) serve this K.
        acties: actions.filter((a) => a.fields.ks.includes(k)).length,
        indicatoren: d.programme.indicators.filter((i) => i.k === k).map((i) => {
          const metingen = measured.filter((m) => m.indicatorId === i.id).map((m) => ({ datum: m.on, waarde: m.value, toelichting: m.note }));
          return { id: i.id, naam: i.name, eenheid: i.unit, beter: i.better, metingen, trend: indicatorTrend(metingen.map((m) => ({ on: m.datum, value: m.waarde })), i.better) };
        }),
        successen: updates.flatMap((u) => ((u.data['ks'] ?? []) as { k: string; note: string }[]).filter((x) => x.k === k).map((x) => ({ werkgroep: werkgroepen.get(u.werkgroep) ?? u.werkgroep, tekst: x.note, ingediend: u.submittedAt.toISOString() }))),
      })),
    });
  });

  router.get('/acties', async (req, res) => {
    const q = z.strictObject({ werkgroep: z.string().optional(), mine: z.string().optional(), overdue: z.enum(['1', 'true']).optional() }).safeParse(req.query);
    if (!q.success) {
      badInput(res, q.error.issues.map((i) => i.path.join('.') || i.message).join(', '));
      return;
    }
    const blockers = await actionContext();
    const list = blockers.actions.filter((a) => !a.deleted && (!q.data.werkgroep || a.werkgroep === q.data.werkgroep)).map((a) => view(a, blockers))
      .filter((a) => !q.data.mine || a.owners.some((o) => o.id === q.data.mine))
      .filter((a) => !q.data.overdue || a.overdue);
    res.json({ acties: list });
  });

  router.patch('/acties/:id', async (req, res) => {
    const parsed = Patch.safeParse(req.body);
    if (!parsed.success) {
      badInput(res, issuesOf(parsed.error));
      return;
    }
    const id = String(req.params['id']);
    const action = await d.store.actions.get(d.programme.programme.id, id);
    if (!action || action.deleted) {
      res.status(404).json({ error: 'niet_gevonden', message: both('api.actionNotFound', { id }) });
      return;
    }
    // A werkgroep's actions are changed by its members (and projectleiders); the app itself (CLI, jobs) may too.
    const caller = callerOf(res);
    if (!caller.app && !(caller.person && (werkgroepenOf(caller.person.id).includes(action.werkgroep) || caller.person.roles.includes('projectleider')))) {
      res.status(403).json({ error: 'geen_toegang', message: both('api.notMember', { werkgroep: werkgroepen.get(action.werkgroep) ?? action.werkgroep }) });
      return;
    }
    // Edited on an older version (someone else, or Planner through the poll, changed it since): refused with the
    // current values, so the person sees what changed instead of overwriting it unseen.
    // The write itself is conditional on the fields read here, so a change landing in between is caught too.
    const changedMeanwhile = async () => {
      const current = await d.store.actions.get(d.programme.programme.id, id);
      res.status(409).json({ error: 'gewijzigd', message: both('api.actionChanged', { title: action.fields.title }), ...(current ? { actie: view(current, await actionContext()) } : {}) });
    };
    const ifMatch = req.get('if-match')?.replace(/^W\//, '').replace(/"/g, '');
    if (ifMatch && ifMatch !== '*' && ifMatch !== versionOf(action)) {
      await changedMeanwhile();
      return;
    }
    const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    const fields = normalise({ ...action.fields, ...patch });
    if (!(await d.store.actions.updateFields(d.programme.programme.id, id, action.fields, fields, d.clock.now()))) {
      await changedMeanwhile();
      return;
    }
    d.changed();
    res.json(view({ ...action, fields }, await actionContext()));
  });

  // The decision log with lead time per level, and the medians over the last year: the number to bring down.
  router.get('/besluiten', async (_req, res) => {
    const today = d.today();
    const decisions = await d.store.decisions.list(d.programme.programme.id);
    const from = `${String(Number(today.slice(0, 4)) - 1)}${today.slice(4)}`;
    res.json({
      besluiten: decisions.map((x) => ({ ...x, werkgroepNaam: werkgroepen.get(x.werkgroep) ?? x.werkgroep, leadTimes: leadTimes(x, today) })),
      medianen: medianLeadTimes(decisions, { from, to: today }, today),
      periode: { from, to: today },
      // The same per quarter over the last four quarters: whether decisions get faster.
      perKwartaal: quartersBefore(today, 4).map((q) => ({ kwartaal: q.label, ...medianLeadTimes(decisions, { from: q.from, to: q.to < today ? q.to : today }, today) })),
    });
  });

  // A decision reaches the next level of its route (or a named higher one), or gets its outcome; dated today.
  const DecisionChange = z.discriminatedUnion('actie', [
    z.strictObject({ actie: z.literal('volgende'), niveau: z.enum(BODY_KINDS).optional() }),
    z.strictObject({ actie: z.literal('uitkomst'), uitkomst: z.enum(['besloten', 'afgewezen', 'aangehouden', 'teruggestuurd']) }),
  ]);
  router.post('/besluiten/:id', async (req, res) => {
    const parsed = DecisionChange.safeParse(req.body);
    if (!parsed.success) {
      badInput(res, issuesOf(parsed.error));
      return;
    }
    if (!mayDecide(callerOf(res))) {
      res.status(403).json({ error: 'geen_toegang', message: both('api.notDecider') });
      return;
    }
    const id = String(req.params['id']);
    const decision = (await d.store.decisions.list(d.programme.programme.id)).find((x) => x.id === id);
    if (!decision) {
      res.status(404).json({ error: 'niet_gevonden', message: both('work.decision.unknown', { id }) });
      return;
    }
    let changed: Decision;
    try {
      changed = changeDecision(decision, parsed.data.actie === 'volgende' ? { kind: 'reach', level: parsed.data.niveau } : { kind: 'outcome', outcome: parsed.data.uitkomst }, d.today());
    } catch (err) {
      if (!(err instanceof WorkError)) throw err;
      res.status(409).json({ error: 'niet_mogelijk', message: both(err.key, err.params) });
      return;
    }
    await d.store.decisions.save(d.programme.programme.id, changed, d.clock.now());
    res.json({ ...changed, werkgroepNaam: werkgroepen.get(changed.werkgroep) ?? changed.werkgroep, leadTimes: leadTimes(changed, d.today()) });
  });

  // A measured value of an indicator (one per day; the same day again corrects it), recorded by those who
  // account for the programme's results: the projectleider and the regiegroep.
  const Measurement = z.strictObject({ datum: date, waarde: z.number().finite(), toelichting: z.string().trim().max(500).optional() });
  router.post('/indicatoren/:id/metingen', async (req, res) => {
    const parsed = Measurement.safeParse(req.body);
    if (!parsed.success) {
      badInput(res, issuesOf(parsed.error));
      return;
    }
    const caller = callerOf(res);
    if (!mayDecide(caller)) {
      res.status(403).json({ error: 'geen_toegang', message: both('api.notMeasurer') });
      return;
    }
    const indicator = d.programme.indicators.find((i) => i.id === req.params['id']);
    if (!indicator) {
      res.status(404).json({ error: 'niet_gevonden', message: both('api.indicatorNotFound', { id: String(req.params['id']) }) });
      return;
    }
    if (parsed.data.datum > d.today()) {
      res.status(400).json({ error: 'ongeldige_invoer', message: both('api.measuredInFuture', { date: parsed.data.datum }) });
      return;
    }
    await d.store.indicators.record(d.programme.programme.id, { indicatorId: indicator.id, on: parsed.data.datum, value: parsed.data.waarde, note: parsed.data.toelichting ?? '', recordedBy: caller.person?.id ?? null }, d.clock.now());
    res.status(201).json({ indicator: indicator.id, datum: parsed.data.datum, waarde: parsed.data.waarde });
  });

  const domainActions = async (): Promise<Action[]> => (await d.store.actions.list(d.programme.programme.id)).map(toDomainAction);

  // The backlog of a werkgroep's vakgebied (Bijlage 1): topics with the werkgroep's priority, and whether an
  // action was made from it; a topic is prioritised, or turned into an action (which then goes to Planner).
  const werkgroepOf = (id: string) => d.programme.bodies.find((b) => b.kind === 'werkgroep' && b.id === id) as Extract<Programme['bodies'][number], { kind: 'werkgroep' }> | undefined;
  const topicsOf = (w: ReturnType<typeof werkgroepOf>) => (w ? d.programme.backlog.filter((b) => b.vakgebied === w.vakgebied).flatMap((b) => b.topics) : []);
  router.get('/backlog', async (req, res) => {
    const w = werkgroepOf(String(req.query['werkgroep'] ?? ''));
    if (!w) {
      badInput(res, 'werkgroep');
      return;
    }
    const priorities = await d.store.backlog.priorities(d.programme.programme.id, w.id);
    const actions = await d.store.actions.list(d.programme.programme.id, { werkgroep: w.id });
    const topics = topicsOf(w).map((t) => ({ id: t.id, title: t.title, priority: priorities.get(t.id) ?? null, actie: actions.find((a) => a.origin?.kind === 'backlog' && a.origin.ref === t.id)?.id ?? null }))
      .sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
    res.json({ werkgroep: w.id, topics });
  });
  router.put('/backlog/:topic/prioriteit', async (req, res) => {
    const parsed = z.strictObject({ werkgroep: z.string(), priority: z.number().int().min(1).max(99) }).safeParse(req.body);
    const w = parsed.success ? werkgroepOf(parsed.data.werkgroep) : undefined;
    const topic = topicsOf(w).find((t) => t.id === req.params['topic']);
    if (!parsed.success || !w || !topic) {
      badInput(res, parsed.success ? 'werkgroep/topic' : issuesOf(parsed.error));
      return;
    }
    await d.store.backlog.setPriority(d.programme.programme.id, w.id, topic.id, parsed.data.priority, d.clock.now());
    res.json({ werkgroep: w.id, topic: topic.id, priority: parsed.data.priority });
  });
  router.post('/backlog/:topic/actie', async (req, res) => {
    const parsed = z.strictObject({ werkgroep: z.string(), owners: z.array(z.string().refine((id) => people.has(id))).max(20).optional(), due: date.optional() }).safeParse(req.body);
    const w = parsed.success ? werkgroepOf(parsed.data.werkgroep) : undefined;
    const topic = topicsOf(w).find((t) => t.id === req.params['topic']);
    if (!parsed.success || !w || !topic) {
      badInput(res, parsed.success ? 'werkgroep/topic' : issuesOf(parsed.error));
      return;
    }
    const id = `bl-${w.id}-${topic.id}`;
    const existing = (await d.store.actions.list(d.programme.programme.id, { werkgroep: w.id })).find((a) => a.origin?.kind === 'backlog' && a.origin.ref === topic.id);
    if (existing) {
      res.status(409).json({ error: 'bestaat_al', message: both('api.topicHasAction', { topic: topic.title, id: existing.id }) });
      return;
    }
    const today = d.today();
    const fields = normalise({ title: topic.title, due: parsed.data.due ?? null, status: 'open', ks: [], owners: parsed.data.owners ?? [w.trekker], notes: '' });
    const action: StoredAction = { id, werkgroep: w.id, fields, base: null, blockedBy: [], origin: { kind: 'backlog', ref: topic.id }, createdOn: today, deleted: false, taskId: null, taskEtag: null, detailsEtag: null };
    await d.store.actions.save(d.programme.programme.id, action, d.clock.now());
    d.changed();
    res.status(201).json(view(action, await actionContext()));
  });

  // What waits on what, oldest wait first: werkgroepen on werkgroepen, actions on actions and decisions.
  router.get('/wachtrij', async (_req, res) => {
    res.json({ ketens: blockedChains(d.programme, await domainActions(), await d.store.decisions.list(d.programme.programme.id), d.today()) });
  });

  // An action starts waiting on another action or a decision; a block that would make a cycle is refused.
  router.post('/acties/:id/blokkades', async (req, res) => {
    const parsed = z.strictObject({ kind: z.enum(['action', 'decision']), id: z.string().min(1) }).safeParse(req.body);
    if (!parsed.success) {
      badInput(res, issuesOf(parsed.error));
      return;
    }
    const id = String(req.params['id']);
    const decisions = await d.store.decisions.list(d.programme.programme.id);
    if (parsed.data.kind === 'decision' && !decisions.some((x) => x.id === parsed.data.id)) {
      badInput(res, `besluit ${parsed.data.id}`);
      return;
    }
    let updated: Action[];
    try {
      updated = addBlock(await domainActions(), id, parsed.data, d.today());
      blockedChains(d.programme, updated, decisions, d.today());
    } catch (err) {
      if (!(err instanceof WorkError)) throw err;
      res.status(err.key === 'work.action.unknown' ? 404 : 400).json({ error: err.key === 'work.cycle' ? 'kringloop' : 'ongeldige_invoer', message: both(err.key, err.params) });
      return;
    }
    const target = updated.find((a) => a.id === id);
    const stored = await d.store.actions.get(d.programme.programme.id, id);
    if (!target || !stored) {
      res.status(404).json({ error: 'niet_gevonden', message: both('api.actionNotFound', { id }) });
      return;
    }
    await d.store.actions.save(d.programme.programme.id, { ...stored, blockedBy: target.blockedBy, ...(target.blockedSince ? { blockedSince: target.blockedSince } : {}) }, d.clock.now());
    res.status(201).json({ id, blockedBy: target.blockedBy });
  });

  // Load per person: open and overdue actions and werkgroepen against the hours each has for the programme.
  router.get('/capaciteit', async (_req, res) => {
    res.json({ personen: capacity(d.programme, await domainActions(), d.today()) });
  });

  if (d.triggerRhythm) {
    const trigger = d.triggerRhythm;
    router.post('/bot/ritme', async (req, res) => {
      const parsed = z.strictObject({ bijeenkomst: z.string().regex(/^[a-z0-9-]+:\d{4}-\d{2}-\d{2}$/) }).safeParse(req.body);
      if (!parsed.success) {
        badInput(res, 'bijeenkomst: <cadans>:<JJJJ-MM-DD>');
        return;
      }
      const r = await trigger(parsed.data.bijeenkomst);
      if (!r) {
        res.status(404).json({ error: 'niet_gevonden', message: both('api.meetingNotFound', { key: parsed.data.bijeenkomst }) });
        return;
      }
      res.status(202).json({ bijeenkomst: parsed.data.bijeenkomst, gepland: r.planned, verstuurd: r.dispatched });
    });
  }
  router.use((_req, res) => {
    res.status(404).json({ error: 'niet_gevonden', message: both('api.notFound') });
  });
  return router;
}
