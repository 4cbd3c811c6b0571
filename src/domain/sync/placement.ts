// Where every person of the programme file is placed, per body they are in, and if not, why: nobody is left out
// without a word. Derived from the desired state and the planned changes (and, after apply, their outcomes). Pure.
import type { Programme } from '../programme/schema.ts';
import type { DesiredChannel, DesiredState } from './desired.ts';
import { resolve, type ActualState, type Change, type Reason } from './plan.ts';

/**
 * placed: there now · planned: this sync adds it · waiting: a guest invitation is planned or not yet accepted ·
 * not-placed: cannot be placed (the reason says why) · no-channel: the body has no channel, so nothing to place.
 */
type PlacementStatus = 'placed' | 'planned' | 'waiting' | 'not-placed' | 'no-channel';

/** One (person, body) pair of the file — or a person in no body (bodyId undefined) — and where they end up. */
export interface Placement {
  personId: string;
  name: string;
  bodyId: string | undefined;
  status: PlacementStatus;
  reason: Reason;
}

/** How apply ended for one change (from the executor's outcomes). */
export interface ChangeResult {
  status: 'done' | 'failed' | 'skipped';
  reason?: Reason;
}

const WAITING = new Set(['sync.reason.guestPending', 'sync.reason.guestToInvite']);

/**
 * Every (person, body) membership of the file and every person in no body, with a status and a reason.
 * `results` (change id → apply outcome) turns planned placements into placed or not-placed after apply.
 */
export function placements(
  programme: Programme,
  d: DesiredState,
  a: ActualState,
  changes: Change[],
  results?: ReadonlyMap<string, ChangeResult>,
): Placement[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const guests = new Set(d.guests.people);
  const teamMembers = new Set(d.team.members);
  /** Whether the person is really there now: in the team, or in the channel's members (found as plan finds them). */
  const present = (personId: string, channel: DesiredChannel | undefined): boolean => {
    const person = d.people[personId];
    const asGuest = channel ? channel.externalAccess === 'guest' || channel.kind === 'private' : guests.has(personId);
    const res = person ? resolve(d, a, person, asGuest) : undefined;
    if (!res?.ok) return false;
    const name = channel?.displayName.toLowerCase();
    const members =
      name === undefined
        ? (a.team?.members ?? [])
        : (a.channels.find((c) => c.displayName.toLowerCase() === name)?.members ?? []);
    return members.some((m) => m.userId === res.userId);
  };
  const teamSkip = byId.get('team:skip');
  const teamCreate = byId.get('team:create');
  const out: Placement[] = [];
  const inSomeBody = new Set<string>();
  for (const body of programme.bodies) {
    const channel = d.channels.find((c) => c.bodyId === body.id);
    for (const personId of new Set(body.members)) {
      inSomeBody.add(personId);
      const name = d.people[personId]?.name ?? personId;
      const entry = (status: PlacementStatus, reason: Reason): void => {
        out.push({ personId, name, bodyId: body.id, status, reason });
      };
      if (!channel) {
        entry('no-channel', { key: 'placement.noChannel', params: { body: body.name } });
        continue;
      }
      const viaTeam = channel.kind === 'standard';
      const where: Reason = viaTeam
        ? { key: 'placement.team', params: { channel: channel.displayName } }
        : { key: 'placement.channel', params: { channel: channel.displayName } };
      const channelSkip = byId.get(`${channel.key}:skip`);
      if (teamSkip) {
        entry('not-placed', teamSkip.reason);
        continue;
      }
      if (channelSkip) {
        entry('not-placed', channelSkip.reason);
        continue;
      }
      // Nothing in the desired state takes this person there: a gap in the product, reported, never silent.
      if (viaTeam ? !teamMembers.has(personId) : !channel.members.includes(personId)) {
        entry('not-placed', { key: 'placement.unrouted', params: { channel: channel.displayName } });
        continue;
      }
      const prefix = viaTeam ? `team-member:${personId}` : `${channel.key}:member:${personId}`;
      const skip = byId.get(`${prefix}:skip`);
      if (skip) {
        entry(WAITING.has(skip.reason.key) ? 'waiting' : 'not-placed', skip.reason);
        continue;
      }
      // Added by this sync: its own change, or (the owner a team or channel is created with) the creation.
      const add = byId.get(`${prefix}:add`) ?? (viaTeam ? teamCreate : byId.get(`${channel.key}:create`));
      if (!add) {
        if (present(personId, viaTeam ? undefined : channel)) entry('placed', where);
        else entry('not-placed', { key: 'placement.unrouted', params: { channel: channel.displayName } });
        continue;
      }
      const result = results?.get(add.id);
      if (!results) entry('planned', where);
      else if (result?.status === 'done') entry('placed', where);
      else entry('not-placed', result?.reason ?? add.reason);
    }
  }
  for (const [personId, person] of Object.entries(d.people)) {
    if (inSomeBody.has(personId)) continue;
    out.push({
      personId,
      name: person.name,
      bodyId: undefined,
      status: 'no-channel',
      reason: { key: 'placement.noBody', params: {} },
    });
  }
  return out;
}
