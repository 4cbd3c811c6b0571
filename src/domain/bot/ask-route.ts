// Where a werkgroep's progress ask (and its nudge) for one person goes, by identity across tenants
// (docs/identiteit.md): a personal chat only with people who have an account in the host tenant — the host
// gemeente's own people and accepted B2B guests there — as a single-tenant bot in the host tenant cannot reach a
// person of another tenant one-on-one; everyone else is asked in their werkgroep's shared channel, @mentioned. Pure.
import type { Programme } from '../programme/schema.ts';
import { homeId } from '../programme/home.ts';

/**
 * personal: the person's personal chat with the bot · channel: the werkgroep's shared channel with an @mention ·
 * none: no way to reach them (not in the programme, or another tenant's person in a werkgroep without a shared
 * channel — they could not be a direct member of any other kind of channel either).
 */
export type AskRoute =
  | { via: 'personal' }
  | { via: 'channel'; werkgroep: string }
  | { via: 'none'; reason: 'unknown-person' | 'no-shared-channel' };

/**
 * The route of the ask for `personId` in werkgroep `werkgroepId`. `hostAccounts`: ids of the programme's people of
 * other gemeenten who have an accepted guest account in the host tenant (guest_invitations, state accepted). A
 * programme without a host gemeente is one tenant: everyone is asked personally.
 */
export function askRoute(
  programme: Programme,
  personId: string,
  werkgroepId: string,
  hostAccounts: ReadonlySet<string>,
): AskRoute {
  const person = programme.people.find((p) => p.id === personId);
  if (!person) return { via: 'none', reason: 'unknown-person' };
  const host = programme.gemeenten.find((g) => g.host);
  if (!host || homeId(person) === host.id || hostAccounts.has(personId)) return { via: 'personal' };
  const werkgroep = programme.bodies.find((b) => b.id === werkgroepId && b.kind === 'werkgroep');
  return werkgroep?.channel?.kind === 'shared'
    ? { via: 'channel', werkgroep: werkgroep.id }
    : { via: 'none', reason: 'no-shared-channel' };
}
