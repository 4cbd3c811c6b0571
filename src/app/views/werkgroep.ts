// Read model of one werkgroep: its people (with their home gemeente), the history of its updates, what it waits on
// and what waits on it (programme dependencies). Its actions come from the action list (?werkgroep=).
import type { Werkgroep } from '../../domain/programme/schema.ts';
import type { WerkgroepResponse } from '../contract.ts';
import { fail, ok, type AppDeps, type Result } from '../result.ts';

/** Error: not_found for an id that is not a werkgroep of the programme. */
export async function werkgroep(d: AppDeps, id: string): Promise<Result<WerkgroepResponse>> {
  const p = d.programme;
  const w = p.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep' && b.id === id);
  if (!w) return fail('not_found', 'api.werkgroepNotFound', { id });
  const gemeente = new Map(p.gemeenten.map((g) => [g.id, g.name]));
  const person = (pid: string) => {
    const x = p.people.find((y) => y.id === pid);
    return { id: pid, name: x?.name ?? pid, gemeente: x ? (gemeente.get(x.gemeente) ?? x.gemeente) : '' };
  };
  const bodyName = (bid: string) => p.bodies.find((b) => b.id === bid)?.name ?? bid;
  const updates = await d.store.bot.updates(p.programme.id, w.id);
  return ok({
    id: w.id,
    name: w.name,
    trekker: person(w.trekker),
    members: [...new Set([w.trekker, ...w.members])].map(person),
    updates: updates.map((u) => ({
      ...u.data,
      period: u.period,
      submittedAt: u.submittedAt.toISOString(),
      by: person(u.submittedBy).name,
    })),
    waitsOn: p.dependencies
      .filter((x) => x.werkgroep === w.id)
      .flatMap((x) => x.waitsOn.map((bid) => ({ id: bid, name: bodyName(bid), reason: x.reason ?? null }))),
    waitedOnBy: p.dependencies
      .filter((x) => x.waitsOn.includes(w.id))
      .map((x) => ({ id: x.werkgroep, name: bodyName(x.werkgroep), reason: x.reason ?? null })),
  });
}
