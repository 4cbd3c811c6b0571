// The one executor: applies planned changes through the gateway in phases (team → channels and team members →
// channel members → meetings → single occurrences), each phase as $batch waves. Every change is journaled
// before it is sent and after its answer; ids of what was made are saved for the bot and the tab.
import type { ActualState, Change, Reason } from '../../domain/sync/plan.ts';
import type { DesiredState } from '../../domain/sync/desired.ts';
import { DateTime } from 'luxon';
import { events } from '../graph/endpoints/calendar.ts';
import { invitations } from '../graph/endpoints/invitations.ts';
import { channels, teams, userMember } from '../graph/endpoints/teams.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import { GraphError, type BatchItem, type BatchItemResult, type GraphCall } from '../graph/types.ts';
import type { SyncObject, SyncRecords } from '../store/sync-records.ts';

type OutcomeStatus = 'done' | 'failed' | 'skipped';

export interface Outcome {
  change: Change;
  status: OutcomeStatus;
  /** For failures: status and code of Graph's answer (no personal data); `message` is the service's own words. */
  error?: { status: number; code: string; message?: string };
  /** For failures: what went wrong, in words for the person reading the summary. */
  reason?: Reason;
}

/** Graph's answer to a failed change, in words: what a projectleider can act on. */
export function failureReason(change: Change, error: { status: number; code: string; message?: string }): Reason {
  const a = change.apply;
  if (error.status === 403 && a.op === 'addChannelMember' && a.tenantId)
    return { key: 'sync.error.noDirectConnect', params: { target: change.target } };
  if (error.status === 404 && (a.op === 'addChannelMember' || a.op === 'addTeamMember'))
    return { key: 'sync.error.personGone', params: { target: change.target } };
  if (error.status === 429 || error.status === 503 || error.status === 504)
    return { key: 'sync.error.throttled', params: { status: error.status } };
  if (error.code === 'ParentMissing') return { key: 'sync.error.parentMissing', params: {} };
  if (error.status === 409 || error.status === 412) return { key: 'sync.error.conflict', params: {} };
  // Graph's own reason (e.g. a name too long): shown to the person running apply, not journaled.
  if (error.message) {
    return { key: 'sync.error.service', params: { status: error.status, code: error.code, message: error.message } };
  }
  return { key: 'sync.error.other', params: { status: error.status, code: error.code } };
}

export interface ApplyOptions {
  prune: boolean;
  runId: number;
  records: SyncRecords;
  now: () => Date;
  /** Wait between polls of an async operation (team, shared channel); default 1000 ms. */
  pollDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (done: number, total: number, change: Change) => void;
  /** Stops between waves (a server shutting down); what was sent is journaled, the rest waits for the next run. */
  signal?: AbortSignal;
}

const PHASE: Record<Change['apply']['op'], number> = {
  none: 0,
  createTeam: 1,
  updateTeam: 1,
  addTeamMember: 2,
  removeTeamMember: 2,
  createChannel: 2,
  updateChannel: 2,
  removeChannel: 2,
  addChannelMember: 3,
  removeChannelMember: 3,
  createMeeting: 4,
  updateMeeting: 4,
  endSeries: 4,
  removeMeeting: 4,
  cancelOccurrence: 5,
  moveOccurrence: 5,
  invitePerson: 2,
};

const sleepReal = (ms: number) => new Promise<void>((resolve) => void setTimeout(resolve, ms));

/** A change's answer, to journal: done, or failed with Graph's status and code. */
type RecordEntry = { change: Change; ok: boolean; error?: { status: number; code: string; message?: string } };

function errorOf(r: BatchItemResult | GraphError): { status: number; code: string; message?: string } {
  const words = (m: unknown) => (typeof m === 'string' && m.trim() !== '' ? { message: m.trim().slice(0, 500) } : {});
  if (r instanceof GraphError) return { status: r.status, code: r.code, ...words(r.serviceMessage) };
  const e = (r.body as { error?: { code?: string; message?: unknown } } | undefined)?.error;
  return { status: r.status, code: e?.code ?? `http${r.status}`, ...words(e?.message) };
}

export async function applyChanges(
  g: GraphGateway,
  d: DesiredState,
  actual: ActualState,
  changes: Change[],
  o: ApplyOptions,
): Promise<{ outcomes: Outcome[]; objects: SyncObject[] }> {
  const sleep = o.sleep ?? sleepReal;
  const pollDelay = o.pollDelayMs ?? 1000;
  const tenant = d.hostTenantId;
  const outcomes: Outcome[] = [];
  const objects: SyncObject[] = [];
  const runnable = changes.filter((c) => c.action !== 'skip' && (!c.destructive || o.prune));
  for (const c of changes) if (!runnable.includes(c)) outcomes.push({ change: c, status: 'skipped' });
  let done = 0;
  const total = runnable.length;
  const progress = (c: Change) => {
    done++;
    o.onProgress?.(done, total, c);
  };

  const known = knownObjects(d, actual, objects);
  let teamId = known.teamId;
  const { channelIds, meetingIds } = known;

  const finish = (location: string | undefined, fallbackTeam?: string) =>
    awaitOperation(g, tenant, location, fallbackTeam, () => sleep(pollDelay));

  const record = recorder(o, outcomes, progress);

  // Two independent lanes run side by side: the team (team → channels and members → channel members) and the
  // organizer's calendar (series → occurrences); each is limited by a different Graph limit.
  const lane = async (phases: number[]) => {
    for (const phase of phases) {
      if (o.signal?.aborted) return;
      await runPhase(phase);
    }
  };
  await Promise.all([lane([1, 2, 3]), lane([4, 5])]);

  async function runPhase(phase: number): Promise<void> {
    const inPhase = runnable.filter((c) => PHASE[c.apply.op] === phase);
    if (inPhase.length === 0) return;
    await o.records.journal(
      o.runId,
      inPhase.map((c) => ({ changeId: c.id, state: 'sending' as const })),
      o.now(),
    );

    if (phase === 1) {
      await runTeamPhase(g, tenant, inPhase, {
        teamId: () => teamId,
        setTeamId: (id) => (teamId = id),
        finish,
        record,
        objects,
      });
      return;
    }

    if (phase === 5) {
      const { items, missing } = await occurrenceCalls(g, d, inPhase, meetingIds);
      await record(
        missing.map((change) => ({ change, ok: false, error: { status: 404, code: 'OccurrenceNotFound' } })),
      );
      await runBatch(items);
      return;
    }

    const items: { change: Change; call: GraphCall }[] = [];
    const unresolved: Change[] = [];
    for (const c of inPhase) {
      const call = callFor(c.apply, d, teamId, channelIds);
      if (call) items.push({ change: c, call });
      else unresolved.push(c);
    }
    // A change whose parent could not be made (no team, no channel) fails with that reason, not silently.
    await record(unresolved.map((change) => ({ change, ok: false, error: { status: 424, code: 'ParentMissing' } })));
    await runBatch(items);
  }

  async function runBatch(items: { change: Change; call: GraphCall }[]): Promise<void> {
    if (items.length === 0) return;
    const results = await g.batch(
      tenant,
      items.map((i, n): BatchItem => ({ id: String(n + 1), ...i.call })),
    );
    const entries: { change: Change; ok: boolean; error?: { status: number; code: string } }[] = [];
    await Promise.all(
      items.map(async (item, n) => {
        const r = results[n] as BatchItemResult;
        const a = item.change.apply;
        let ok = r.status < 400;
        if (ok && a.op === 'createChannel') {
          const body = r.body as { id?: string } | undefined;
          const id = r.status === 202 ? await finish(r.headers['location'], teamId) : body?.id;
          if (id) {
            channelIds.set(a.channelKey, id);
            objects.push({ key: a.channelKey, tenantId: tenant, graphId: id });
          } else ok = false;
        }
        if (ok && a.op === 'createMeeting') {
          const id = (r.body as { id?: string } | undefined)?.id;
          if (id) {
            meetingIds.set(a.meetingKey, id);
            objects.push({ key: a.meetingKey, tenantId: tenant, graphId: id });
          }
        }
        entries.push({ change: item.change, ok, ...(ok ? {} : { error: errorOf(r) }) });
      }),
    );
    await record(entries);
  }

  await o.records.saveObjects(d.programmeId, objects, o.now());
  return { outcomes, objects };
}

/** Journals answered changes and adds them to the outcomes (with a reason in words for failures). */
function recorder(o: ApplyOptions, outcomes: Outcome[], progress: (c: Change) => void) {
  return async (entries: RecordEntry[]): Promise<void> => {
    await o.records.journal(
      o.runId,
      entries.map((e) => ({
        changeId: e.change.id,
        state: e.ok ? 'done' : 'failed',
        ...(e.error ? { detail: `${e.error.status} ${e.error.code}` } : {}),
      })),
      o.now(),
    );
    for (const e of entries) {
      outcomes.push({
        change: e.change,
        status: e.ok ? 'done' : 'failed',
        ...(e.error ? { error: e.error, reason: failureReason(e.change, e.error) } : {}),
      });
      progress(e.change);
    }
  };
}

/** What the team phase (1) shares with the rest of the run: the team id, polling, journaling and made objects. */
interface TeamPhaseContext {
  teamId: () => string | undefined;
  setTeamId: (id: string | undefined) => void;
  finish: (location: string | undefined) => Promise<string | undefined>;
  record: (entries: RecordEntry[]) => Promise<void>;
  objects: SyncObject[];
}

/** Phase 1: the team is made (and awaited) or updated one change at a time, not in a batch. */
async function runTeamPhase(g: GraphGateway, tenant: string, inPhase: Change[], ctx: TeamPhaseContext): Promise<void> {
  for (const c of inPhase) {
    try {
      if (c.apply.op === 'createTeam') {
        const r = await g.request(
          tenant,
          teams.create({
            'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
            displayName: c.apply.displayName,
            description: c.apply.description,
            members: [userMember(c.apply.ownerUserId, ['owner'])],
          }),
        );
        const teamId = await ctx.finish(r.headers['location']);
        ctx.setTeamId(teamId);
        if (!teamId) throw new GraphError(500, 'TeamCreationFailed', '', 'POST', '/teams');
        ctx.objects.push({ key: 'team', tenantId: tenant, graphId: teamId });
      } else if (c.apply.op === 'updateTeam') {
        const teamId = ctx.teamId();
        if (teamId)
          await g.request(tenant, {
            method: 'PATCH',
            path: `/teams/${encodeURIComponent(teamId)}`,
            body: c.apply.patch,
          });
      }
      await ctx.record([{ change: c, ok: true }]);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      await ctx.record([{ change: c, ok: false, error: errorOf(err) }]);
    }
  }
}

/** The ids of what already exists (team, channels, series), as sync objects too. */
function knownObjects(d: DesiredState, actual: ActualState, objects: SyncObject[]) {
  const tenant = d.hostTenantId;
  const teamId = actual.team?.id;
  if (teamId) objects.push({ key: 'team', tenantId: tenant, graphId: teamId });
  const channelIds = new Map<string, string>();
  for (const c of d.channels) {
    const found = actual.channels.find((x) => x.displayName.toLowerCase() === c.displayName.toLowerCase());
    if (found) {
      channelIds.set(c.key, found.id);
      objects.push({ key: c.key, tenantId: tenant, graphId: found.id });
    }
  }
  const meetingIds = new Map<string, string>();
  for (const m of d.meetings) {
    const found = actual.meetings.find((x) => x.transactionId === m.transactionId);
    if (found) {
      meetingIds.set(m.key, found.id);
      objects.push({ key: m.key, tenantId: tenant, graphId: found.id });
    }
  }
  return { teamId, channelIds, meetingIds };
}

/** The Graph call of a team, channel or series change; undefined when its parent (team, channel) is not there. */
function callFor(
  a: Change['apply'],
  d: DesiredState,
  teamId: string | undefined,
  channelIds: Map<string, string>,
): GraphCall | undefined {
  switch (a.op) {
    case 'addTeamMember':
      return teamId
        ? teams.addMember(teamId, userMember(a.userId, a.owner ? ['owner'] : a.guest ? ['guest'] : []))
        : undefined;
    case 'removeTeamMember':
      return teamId ? teams.removeMember(teamId, a.membershipId) : undefined;
    case 'createChannel':
      return teamId
        ? channels.create(teamId, {
            displayName: a.displayName,
            description: a.description,
            kind: a.kind,
            ...(a.ownerUserId && a.kind !== 'standard' ? { members: [userMember(a.ownerUserId, ['owner'])] } : {}),
          })
        : undefined;
    case 'updateChannel':
      return teamId ? channels.update(teamId, a.channelId, a.patch) : undefined;
    case 'removeChannel':
      return teamId ? channels.remove(teamId, a.channelId) : undefined;
    case 'addChannelMember': {
      const channelId = channelIds.get(a.channelKey);
      return teamId && channelId
        ? channels.addMember(teamId, channelId, userMember(a.userId, a.guest ? ['guest'] : [], a.tenantId))
        : undefined;
    }
    case 'removeChannelMember':
      return teamId ? channels.removeMember(teamId, a.channelId, a.membershipId) : undefined;
    case 'createMeeting':
      return events.create(d.organizer, a.event);
    case 'updateMeeting':
      return events.update(d.organizer, a.eventId, a.patch);
    case 'endSeries':
      return events.update(d.organizer, a.eventId, { recurrence: a.recurrence });
    case 'removeMeeting':
      return events.remove(d.organizer, a.eventId);
    case 'invitePerson':
      return invitations.create(a);
    default:
      return undefined;
  }
}

/** The calls of single-occurrence changes (phase 5), their instance ids read once per series; `missing`: no such occurrence. */
async function occurrenceCalls(
  g: GraphGateway,
  d: DesiredState,
  inPhase: Change[],
  meetingIds: Map<string, string>,
): Promise<{ items: { change: Change; call: GraphCall }[]; missing: Change[] }> {
  const tenant = d.hostTenantId;
  // Instance ids: one read of each affected series' occurrences.
  const bySeries = new Map<string, Map<string, string>>();
  for (const c of inPhase) {
    if (c.apply.op !== 'cancelOccurrence' && c.apply.op !== 'moveOccurrence') continue;
    const key = c.apply.meetingKey;
    if (bySeries.has(key)) continue;
    const id = meetingIds.get(key);
    const m = d.meetings.find((x) => x.key === key);
    const map = new Map<string, string>();
    if (id && m) {
      const first = m.ruleDates[0] ?? m.start.slice(0, 10);
      const last = m.ruleDates[m.ruleDates.length - 1] ?? first;
      for await (const i of g.pages<{ id: string; originalStart: string }>(
        tenant,
        events.instances(d.organizer, id, `${first}T00:00:00Z`, `${last}T23:59:59Z`, {
          select: ['id', 'originalStart'],
        }),
      )) {
        map.set(DateTime.fromISO(i.originalStart, { zone: 'UTC' }).setZone(m.timeZone).toISODate() ?? '', i.id);
      }
    }
    bySeries.set(key, map);
  }
  const items: { change: Change; call: GraphCall }[] = [];
  const missing: Change[] = [];
  for (const c of inPhase) {
    if (c.apply.op !== 'cancelOccurrence' && c.apply.op !== 'moveOccurrence') continue;
    const inst = bySeries.get(c.apply.meetingKey)?.get(c.apply.originalDate);
    if (!inst) {
      missing.push(c);
      continue;
    }
    items.push({
      change: c,
      call:
        c.apply.op === 'cancelOccurrence'
          ? events.cancel(d.organizer, inst, c.apply.comment)
          : events.update(d.organizer, inst, {
              start: { dateTime: c.apply.start, timeZone: c.apply.timeZone },
              end: { dateTime: c.apply.end, timeZone: c.apply.timeZone },
            }),
    });
  }
  return { items, missing };
}

/** Polls a teamsAsyncOperation (Location header) until it succeeds (at most 60 polls); returns its target id. */
async function awaitOperation(
  g: GraphGateway,
  tenant: string,
  location: string | undefined,
  fallbackTeam: string | undefined,
  pause: () => Promise<void>,
): Promise<string | undefined> {
  const team = /teams\('([^']+)'\)/.exec(location ?? '')?.[1] ?? fallbackTeam;
  const op = /operations\('([^']+)'\)/.exec(location ?? '')?.[1];
  if (!team || !op) return undefined;
  for (let i = 0; i < 60; i++) {
    const r = await g.request<{ status: string; targetResourceId?: string }>(tenant, teams.operation(team, op));
    if (r.body.status === 'succeeded') return r.body.targetResourceId ?? team;
    if (r.body.status === 'failed') return undefined;
    await pause();
  }
  return undefined;
}
