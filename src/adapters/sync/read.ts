// Reads what exists in the tenants (the "actual" side of plan): the directory entries of the programme's people,
// the team and its channels and members, and the programme's meetings in the organizer mailbox. Each collection
// is read once, with paging; nothing is written.
import { DateTime } from 'luxon';
import type { DesiredState } from '../../domain/sync/desired.ts';
import type {
  ActualChannel,
  ActualMeeting,
  ActualMember,
  ActualState,
  DirectoryEntry,
} from '../../domain/sync/plan.ts';
import { events } from '../graph/endpoints/calendar.ts';
import { groups, users } from '../graph/endpoints/directory.ts';
import { literal } from '../graph/endpoints/query.ts';
import { channels, teams } from '../graph/endpoints/teams.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import { GraphError } from '../graph/types.ts';
import type { SyncObject } from '../store/sync-records.ts';
import { ianaZone } from '../../domain/time/graph-zone.ts';
import { meetingIdentity } from '../../domain/sync/single-meetings.ts';

type Json = Record<string, unknown>;

async function all<T = Json>(
  g: GraphGateway,
  tenantId: string,
  call: Parameters<GraphGateway['pages']>[1],
): Promise<T[]> {
  const out: T[] = [];
  for await (const item of g.pages<T>(tenantId, call)) out.push(item);
  return out;
}

function members(list: Json[]): ActualMember[] {
  return list.map((m) => ({
    membershipId: String(m['id']),
    userId: String(m['userId'] ?? ''),
    roles: Array.isArray(m['roles']) ? m['roles'].map(String) : [],
    ...(typeof m['tenantId'] === 'string' ? { tenantId: m['tenantId'] } : {}),
  }));
}

/** The team: by the id the store has, else by its name in the host tenant (a run that crashed after creating it). */
export async function findTeam(
  g: GraphGateway,
  d: DesiredState,
  known: string | undefined,
): Promise<string | undefined> {
  const tenant = d.hostTenantId;
  if (known) {
    try {
      await g.request(tenant, teams.get(known, { select: ['id'] }));
      return known;
    } catch (err) {
      if (!(err instanceof GraphError) || err.status !== 404) throw err;
    }
  }
  const candidates = await all<{ id: string }>(
    g,
    tenant,
    groups.list({ filter: `displayName eq ${literal(d.team.displayName)}`, select: ['id', 'displayName'] }),
  );
  for (const c of candidates) {
    try {
      await g.request(tenant, teams.get(c.id, { select: ['id'] }));
      return c.id;
    } catch (err) {
      if (!(err instanceof GraphError) || err.status !== 404) throw err;
    }
  }
  return undefined;
}

function localDate(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).toISODate() ?? iso.slice(0, 10);
}

/** A dateTimeTimeZone read with Prefer: outlook.timezone in the meeting's zone: its local wall-clock part. */
function localOf(v: unknown): string {
  const s = String((v as { dateTime?: unknown } | undefined)?.dateTime ?? '');
  return s.slice(0, 19);
}

/** A dateTimeTimeZone as Graph returns it without a Prefer header (UTC) as local wall-clock time in `zone`. */
function localIn(v: unknown, zone: string): string {
  const t = v as { dateTime?: unknown; timeZone?: unknown } | undefined;
  const s = String(t?.dateTime ?? '');
  // A Windows zone name (as our events are written, docs/platform.md#input-limits) is read as its IANA zone.
  const from = typeof t?.timeZone === 'string' && t.timeZone !== '' ? (ianaZone(t.timeZone) ?? 'UTC') : 'UTC';
  const at = DateTime.fromISO(s, { zone: from });
  return at.isValid ? at.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ss") : s.slice(0, 19);
}

/** The directory entries of every tenant a person of the programme lives in, by lower-case UPN and mail. */
export async function readDirectory(
  g: GraphGateway,
  d: DesiredState,
): Promise<Record<string, Record<string, DirectoryEntry>>> {
  // Directory: every tenant a person of the programme lives in, plus the host (guest accounts).
  const tenants = new Set<string>([d.hostTenantId]);
  for (const p of Object.values(d.people)) if (p.tenantId) tenants.add(p.tenantId);
  const directory: Record<string, Record<string, DirectoryEntry>> = {};
  await Promise.all(
    [...tenants].map(async (tid) => {
      const list = await all<Json>(
        g,
        tid,
        users.list({ select: ['id', 'userPrincipalName', 'mail', 'accountEnabled', 'userType', 'externalUserState'] }),
      );
      const map: Record<string, DirectoryEntry> = {};
      for (const u of list) {
        const entry: DirectoryEntry = {
          id: String(u['id']),
          enabled: u['accountEnabled'] !== false,
          ...(typeof u['externalUserState'] === 'string' ? { externalUserState: u['externalUserState'] } : {}),
        };
        if (typeof u['userPrincipalName'] === 'string') map[u['userPrincipalName'].toLowerCase()] = entry;
        if (typeof u['mail'] === 'string') map[u['mail'].toLowerCase()] ??= entry;
      }
      directory[tid] = map;
    }),
  );
  return directory;
}

export async function readActual(g: GraphGateway, d: DesiredState, known: SyncObject[]): Promise<ActualState> {
  const directoryRead = readDirectory(g, d);

  // The team side (limited per team) and the calendar side (limited per mailbox) are read side by side.
  const readTeam = async (): Promise<{ team: ActualState['team']; channels: ActualChannel[] }> => {
    const teamId = await findTeam(g, d, known.find((o) => o.key === 'team')?.graphId);
    let team: ActualState['team'];
    const actualChannels: ActualChannel[] = [];
    if (teamId) {
      const tenant = d.hostTenantId;
      const [info, teamMembers, channelList] = await Promise.all([
        g.request<Json>(tenant, teams.get(teamId, { select: ['id', 'displayName', 'description'] })),
        all<Json>(g, tenant, teams.members(teamId)),
        all<Json>(g, tenant, channels.list(teamId, { select: ['id', 'displayName', 'description', 'membershipType'] })),
      ]);
      team = {
        id: teamId,
        displayName: String(info.body['displayName'] ?? ''),
        description: String(info.body['description'] ?? ''),
        members: members(teamMembers),
      };
      // Read side by side; the gateway's pacing keeps them under the team's limit.
      actualChannels.push(
        ...(await Promise.all(
          channelList.map(async (c): Promise<ActualChannel> => {
            const kind = (c['membershipType'] ?? 'standard') as ActualChannel['kind'];
            const list =
              kind === 'standard' ? [] : await all<Json>(g, tenant, channels.members(teamId, String(c['id'])));
            return {
              id: String(c['id']),
              displayName: String(c['displayName'] ?? ''),
              description: String(c['description'] ?? ''),
              kind,
              members: members(list),
            };
          }),
        )),
      );
    }
    return { team, channels: actualChannels };
  };
  const readMeetings = async (): Promise<ActualMeeting[]> => {
    // Meetings of this programme in the organizer mailbox, recognised by their transactionId.
    const prefix = `rk-${d.programmeId}-`;
    const list = await all<Json>(
      g,
      d.hostTenantId,
      events.list(d.organizer, {
        select: ['id', 'subject', 'body', 'attendees', 'transactionId', 'recurrence', 'type', 'start', 'end'],
      }),
    );
    const singleZone = new Map(d.meetings.map((x) => [x.cadenceId, x.timeZone]));
    const fileZone = d.meetings[0]?.timeZone ?? 'UTC';
    const mine = list.filter((e) => typeof e['transactionId'] === 'string' && e['transactionId'].startsWith(prefix));
    const meetings: ActualMeeting[] = await Promise.all(
      mine.map(async (e): Promise<ActualMeeting> => {
        const txn = String(e['transactionId']);
        const start = e['start'] as { dateTime?: string; timeZone?: string } | undefined;
        const recurrence = (e['recurrence'] ?? undefined) as Json | undefined;
        const range = recurrence?.['range'] as
          { startDate?: string; endDate?: string; recurrenceTimeZone?: string } | undefined;
        // Graph answers the Windows zone name it was sent (docs/platform.md#input-limits); dates are computed in IANA.
        // Without a zone Graph knows to us (none should occur), the file's own zone is taken: no zone is built in.
        const graphTz = range?.recurrenceTimeZone ?? start?.timeZone ?? '';
        const tz = ianaZone(graphTz) ?? fileZone;
        const attendees = Array.isArray(e['attendees'])
          ? e['attendees'].map((a) =>
              String((a as { emailAddress?: { address?: string } }).emailAddress?.address ?? ''),
            )
          : [];
        const body = e['body'] as { content?: string } | undefined;
        const m: ActualMeeting = {
          id: String(e['id']),
          transactionId: txn,
          subject: String(e['subject'] ?? ''),
          bodyHtml: String(body?.content ?? ''),
          attendees,
          instances: [],
        };
        if (recurrence && range?.startDate && range.endDate) {
          m.endDate = range.endDate;
          m.recurrence = recurrence;
          const inst = await all<Json>(g, d.hostTenantId, {
            ...events.instances(d.organizer, m.id, `${range.startDate}T00:00:00Z`, `${range.endDate}T23:59:59Z`, {
              select: ['id', 'originalStart', 'start', 'type'],
            }),
            headers: { Prefer: `outlook.timezone="${graphTz}"` },
          });
          m.instances = inst.map((i) => ({
            id: String(i['id']),
            originalDate: localDate(String(i['originalStart']), tz),
            start: localOf(i['start']),
            isException: i['type'] === 'exception',
          }));
        } else {
          // A single meeting: read in UTC (no Prefer header), placed in its cadence's zone to compare with the file.
          const zone = singleZone.get(meetingIdentity(d.programmeId, txn)?.cadenceId ?? '') ?? 'Europe/Amsterdam';
          const local = (v: unknown) => localIn(v, zone);
          m.instances = [
            { id: m.id, originalDate: local(start).slice(0, 10), start: local(start), isException: false },
          ];
          m.end = local(e['end']);
        }
        return m;
      }),
    );
    return meetings;
  };
  const [directory, teamSide, meetings] = await Promise.all([directoryRead, readTeam(), readMeetings()]);
  return { directory, team: teamSide.team, channels: teamSide.channels, meetings };
}
