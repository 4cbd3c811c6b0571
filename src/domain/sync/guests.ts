// People of other gemeenten who join the host tenant's team as guests (bodies whose channel has
// `externalAccess: guest`): their state (not invited · invited · accepted), found in the host tenant's directory by
// mail address, and the invitation the sync sends when the programme asks for it (`guests.invite`). Pure.
// Graph: POST /invitations makes a guest user whose externalUserState is 'PendingAcceptance' until the person
// redeems the invitation, then 'Accepted' (docs/platform.md#permissions-and-consent).
import type { DesiredPerson, DesiredState } from './desired.ts';
import type { ActualState, DirectoryEntry, Push, Resolution } from './plan.ts';

/** Where a guest is: no guest account in the host tenant, invited (not yet redeemed), or accepted. */
type GuestState = 'not-invited' | 'invited' | 'accepted';

/** One guest person of the programme and their state, as read from the host tenant. */
export interface GuestStatus {
  personId: string;
  name: string;
  email: string;
  gemeente: string;
  state: GuestState;
  /** The guest account's object id in the host tenant (invited and accepted). */
  userId: string | undefined;
  /** The bodies (ids) that make this person a guest. */
  bodies: string[];
}

const lower = (s: string) => s.toLowerCase();

/** The guest account of a person in the host tenant's directory (by mail, then UPN), if any. */
function guestEntry(d: DesiredState, a: ActualState, person: DesiredPerson): DirectoryEntry | undefined {
  const dir = a.directory[d.hostTenantId] ?? {};
  return dir[lower(person.email)] ?? dir[lower(person.upn)];
}

/** A guest's state from their host-tenant account: none, PendingAcceptance, or anything else (accepted). */
function stateOf(entry: DirectoryEntry | undefined): GuestState {
  if (!entry) return 'not-invited';
  return entry.externalUserState === 'PendingAcceptance' ? 'invited' : 'accepted';
}

/** Every guest person of the programme with their state, in the order of the file. */
export function guestStatuses(d: DesiredState, a: ActualState): GuestStatus[] {
  return d.guests.people.flatMap((id) => {
    const person = d.people[id];
    if (!person) return [];
    const entry = guestEntry(d, a, person);
    return [
      {
        personId: id,
        name: person.name,
        email: person.email,
        gemeente: person.gemeente,
        state: stateOf(entry),
        userId: entry?.id,
        bodies: d.guests.bodies[id] ?? [],
      },
    ];
  });
}

/**
 * How a guest person is found for team and channel membership: their accepted guest account in the host tenant;
 * otherwise why not (not invited — with or without an invitation planned —, invitation pending, disabled).
 */
export function guestResolution(d: DesiredState, a: ActualState, person: DesiredPerson): Resolution {
  const entry = guestEntry(d, a, person);
  const params = { person: person.name, upn: person.email };
  if (!entry)
    return {
      ok: false,
      reason: { key: d.guests.invite ? 'sync.reason.guestToInvite' : 'sync.reason.noGuest', params },
    };
  if (!entry.enabled) return { ok: false, reason: { key: 'sync.reason.disabled', params } };
  if (stateOf(entry) === 'invited') return { ok: false, reason: { key: 'sync.reason.guestPending', params } };
  return { ok: true, userId: entry.id, tenantId: undefined };
}

/** An invitation for every guest person without a guest account, when the programme asks Regiekamer to invite. */
export function planGuests(d: DesiredState, a: ActualState, push: Push): void {
  if (!d.guests.invite) return;
  for (const g of guestStatuses(d, a)) {
    if (g.state !== 'not-invited') continue;
    push({
      id: `guest:${g.personId}:invite`,
      kind: 'guest',
      action: 'invite',
      group: 'programma',
      target: g.name,
      reason: { key: 'sync.reason.invite', params: { email: g.email, bodies: g.bodies.join(', ') } },
      apply: {
        op: 'invitePerson',
        personId: g.personId,
        email: g.email,
        displayName: g.name,
        redirectUrl: d.guests.redirectUrl,
      },
    });
  }
}
