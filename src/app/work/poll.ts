// Use case: the Planner poll as the server and the CLI run it: finds the team the sync made and the host
// tenant's users, then polls every werkgroep's plan (planner-sync.ts).
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { both } from '../../domain/i18n.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { pollPlanner, type PlannerGraph, type PollSummary } from './planner-sync.ts';
import { homeId } from '../../domain/programme/home.ts';

/** The host tenant as the poll needs it: Planner, and the directory's users (Graph GET /users, paged). */
export interface PlannerTenant {
  planner(tenantId: string): PlannerGraph;
  users(tenantId: string): Promise<{ id: string; userPrincipalName: string }[]>;
}

/** One poll of every werkgroep's plan; skipped (with the reason, both languages) before the sync made the team. */
export async function pollOnce(
  tenant: PlannerTenant,
  store: Store,
  programme: Programme,
  clock: Clock,
): Promise<PollSummary | { skipped: string }> {
  const host = programme.gemeenten.find((g) => g.host)?.tenantId;
  const team = (await store.sync.objects(programme.programme.id)).find((o) => o.key === 'team');
  if (!host || !team) return { skipped: both('server.planner.noTeam') };
  const byUpn = new Map<string, string>();
  for (const u of await tenant.users(host)) byUpn.set(u.userPrincipalName.toLowerCase(), u.id);
  const hostGemeenten = new Set(programme.gemeenten.filter((g) => g.tenantId === host).map((g) => g.id));
  const userOf = new Map<string, string>();
  for (const p of programme.people) {
    const id = hostGemeenten.has(homeId(p)) ? byUpn.get(p.upn.toLowerCase()) : undefined;
    if (id) userOf.set(p.id, id);
  }
  const personOf = new Map([...userOf].map(([p, u]) => [u, p]));
  return pollPlanner({
    graph: tenant.planner(host),
    store,
    programme,
    clock,
    tenantId: host,
    groupId: team.graphId,
    userIdOf: (p) => userOf.get(p),
    personOfUser: (u) => personOf.get(u),
  });
}
