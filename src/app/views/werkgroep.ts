// Read model of one werkgroep: its people (with their home gemeente), the history of its updates, what it waits on
// and what waits on it (programme dependencies). Its actions come from the action list (?werkgroep=).
import type { WaitsOn, Werkgroep } from '../../domain/programme/schema.ts';
import { homeId } from '../../domain/programme/home.ts';
import { dependencyMet } from '../../domain/work/dependencies.ts';
import { updateRef, type WerkgroepResponse } from '../contract.ts';
import { fail, ok, type AppDeps, type Result } from '../result.ts';

/** Per member: their guest state when the werkgroep's channel takes them as a guest (not stored yet: not invited). */
async function guestStates(
  d: AppDeps,
  w: Werkgroep,
): Promise<(personId: string) => WerkgroepResponse['members'][number]['guest']> {
  const host = d.programme.gemeenten.find((g) => g.host)?.id;
  if (w.channel?.externalAccess !== 'guest') return () => null;
  const stored = new Map((await d.store.guests.list(d.programme.programme.id)).map((g) => [g.personId, g.state]));
  return (pid) => {
    const person = d.programme.people.find((x) => x.id === pid);
    const home = person ? homeId(person) : undefined;
    if (home === undefined || home === host) return null;
    return stored.get(pid) ?? 'not-invited';
  };
}

/** Error: not_found for an id that is not a werkgroep of the programme. */
export async function werkgroep(d: AppDeps, id: string): Promise<Result<WerkgroepResponse>> {
  const p = d.programme;
  const w = p.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep' && b.id === id);
  if (!w) return fail('not_found', 'api.werkgroepNotFound', { id });
  const gemeente = new Map([...p.gemeenten, ...p.organisaties].map((g) => [g.id, g.name]));
  const guestOf = await guestStates(d, w);
  const person = (pid: string) => {
    const x = p.people.find((y) => y.id === pid);
    const name = x?.name ?? pid;
    return { id: pid, name, gemeente: x ? (gemeente.get(homeId(x)) ?? homeId(x)) : '', guest: guestOf(pid) };
  };
  const bodyName = (bid: string) => p.bodies.find((b) => b.id === bid)?.name ?? bid;
  const updates = await d.store.bot.updates(p.programme.id, w.id);
  const decisions = await d.store.decisions.list(p.programme.id);
  const today = d.today();
  const waitsOn = (x: WaitsOn, reason: string | null) => {
    const met = dependencyMet(x, p.phases, decisions, today);
    if (typeof x === 'string') return { id: x, name: bodyName(x), reason, kind: 'werkgroep' as const, met };
    if ('besluit' in x) {
      const title = decisions.find((y) => y.id === x.besluit)?.title ?? x.besluit;
      return { id: x.besluit, name: title, reason, kind: 'besluit' as const, met };
    }
    const phase = p.phases.find((y) => y.number === x.phase);
    return { id: String(x.phase), name: phase?.name ?? String(x.phase), reason, kind: 'phase' as const, met };
  };
  // The decision proposed from each update (the bot's "Al voorgesteld als besluit X", src/app/bot/proposals.ts).
  const proposed = new Map<string, { id: string; title: string }>();
  for (const x of decisions)
    if (x.origin?.kind === 'update' && !proposed.has(x.origin.ref))
      proposed.set(x.origin.ref, { id: x.id, title: x.title });
  return ok({
    id: w.id,
    name: w.name,
    trekker: person(w.trekker),
    members: [...new Set([w.trekker, ...w.members])].map(person),
    updates: updates.map((u) => {
      const id = updateRef(w.id, u.period);
      const as = proposed.get(id);
      return {
        ...u.data,
        id,
        period: u.period,
        submittedAt: u.submittedAt.toISOString(),
        by: person(u.submittedBy).name,
        ...(as ? { proposedAs: as } : {}),
      };
    }),
    waitsOn: p.dependencies
      .filter((x) => x.werkgroep === w.id)
      .flatMap((x) => x.waitsOn.map((y) => waitsOn(y, x.reason ?? null))),
    waitedOnBy: p.dependencies
      .filter((x) => x.waitsOn.includes(w.id))
      .map((x) => ({ id: x.werkgroep, name: bodyName(x.werkgroep), reason: x.reason ?? null })),
  });
}
