// Identity across tenants in the bot's use cases (docs/identiteit.md): where a progress ask goes (a personal chat,
// or the werkgroep's shared channel with an @mention), and whether the person answering a mention card is the one
// it mentions — checked by their Entra object id in their own gemeente's tenant against the programme.
import type { Inbound } from '../../adapters/bot/transport.ts';
import { askRoute, type AskRoute } from '../../domain/bot/ask-route.ts';
import { FOR_KEY, type Mentioned } from '../../domain/bot/mention.ts';
import type { Person } from '../../domain/programme/schema.ts';
import type { BotServiceOptions } from './service.ts';
import { homeId, homes } from '../../domain/programme/home.ts';

/** The route of one ask or nudge: the host tenant's accepted guests count as people with a host account. */
export async function askRouteOf(o: BotServiceOptions, recipient: string, werkgroep: string): Promise<AskRoute> {
  const p = o.programme;
  const accepted = (await o.store.guests.list(p.programme.id)).filter((g) => g.state === 'accepted');
  return askRoute(p, recipient, werkgroep, new Set(accepted.map((g) => g.personId)));
}

/** The mention of a programme person (their name and UPN), or undefined for an unknown id. */
export function mentionOf(o: BotServiceOptions, personId: string): Mentioned | undefined {
  const person = o.programme.people.find((x) => x.id === personId);
  return person ? { personId: person.id, name: person.name, upn: person.upn } : undefined;
}

/** The person a mention card's action data is for (`for`), or undefined when the card mentions nobody. */
export function mentionedIn(o: BotServiceOptions, data: Record<string, unknown>): Person | undefined | 'unknown' {
  const id = data[FOR_KEY];
  if (id === undefined) return undefined;
  return o.programme.people.find((x) => x.id === id) ?? 'unknown';
}

/**
 * Whether the Teams user behind `inbound` is `person`: their object id (`from.aadObjectId`) read in the tenant of
 * the person's own gemeente (not one the activity or the card names) has the person's UPN or e-mail address. A user
 * of another tenant, or one the directory does not know, is not them. Local mode: the Playground's user acts as
 * `localPerson`.
 */
export async function isPerson(o: BotServiceOptions, inbound: Inbound, person: Person): Promise<boolean> {
  if (o.localPerson === person.id) return true;
  const tenantId = homes(o.programme).find((g) => g.id === homeId(person))?.tenantId;
  const aad = inbound.from.aadObjectId;
  if (!tenantId || !aad || !o.users) return false;
  try {
    const r = await o.users(tenantId, aad);
    const names = [r.userPrincipalName, r.mail].filter((s): s is string => !!s).map((s) => s.toLowerCase());
    return names.includes(person.upn.toLowerCase()) || (!!person.email && names.includes(person.email.toLowerCase()));
  } catch {
    return false;
  }
}
