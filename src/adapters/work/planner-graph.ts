// Microsoft Planner through the Graph gateway: the PlannerGraph port of the Planner poll (src/app/work/
// planner-sync.ts), bound to one tenant. Lists are read with paging; writes with an ETag send If-Match and ask
// for the representation back, so the new ETag needs no second read.
import type { PlannerGraph, PlannerTask } from '../../app/work/planner-sync.ts';
import type { PlannerTenant } from '../../app/work/poll.ts';
import { users } from '../graph/endpoints/directory.ts';
import { planner } from '../graph/endpoints/planner.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import { GraphConflictError, GraphError, type GraphCall } from '../graph/types.ts';

const REPRESENTATION = { Prefer: 'return=representation' };
const PLANNER_APP = 'com.microsoft.teamspace.tab.planner';
const PLANNER_APP_BIND = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${PLANNER_APP}`;

/**
 * Tasks are read with their details expanded ($expand=details on the task's `details` relationship,
 * docs/platform.md#planner), so an edited description shows in the one list read. Should the service refuse the
 * expansion (400), the plain read is used and the poll keeps the store's notes (it cannot see Planner's).
 */
const DETAILS = { expand: 'details' };

/** Planner in `tenantId` over `gateway`; errors are the gateway's (GraphError, GraphConflictError for 409/412). */
export function plannerGraph(gateway: GraphGateway, tenantId: string): PlannerGraph {
  const all = async <T>(call: GraphCall): Promise<T[]> => {
    const out: T[] = [];
    for await (const x of gateway.pages<T>(tenantId, call)) out.push(x);
    return out;
  };
  const body = async <T>(call: GraphCall): Promise<T> => (await gateway.request<T>(tenantId, call)).body;
  let detailsRefused = false;
  const withDetails = async <T>(expanded: () => Promise<T>, plain: () => Promise<T>): Promise<T> => {
    if (detailsRefused) return plain();
    try {
      return await expanded();
    } catch (err) {
      if (!(err instanceof GraphError) || err.status !== 400) throw err;
      detailsRefused = true;
      return plain();
    }
  };
  return {
    plansOfGroup: (groupId) => all(planner.plansOfGroup(groupId)),
    createPlan: (groupId, title) => body(planner.createPlan(groupId, title)),
    buckets: (planId) => all(planner.buckets(planId)),
    createBucket: (planId, name) => body(planner.createBucket(planId, name)),
    async labelCategories(planId, labels) {
      const details = await body<{ '@odata.etag': string }>(planner.planDetails(planId));
      await gateway.request(
        tenantId,
        planner.updatePlanDetails(planId, details['@odata.etag'], { categoryDescriptions: labels }),
      );
    },
    addTab: (groupId, channelId, planId) => addPlannerTab(gateway, tenantId, groupId, channelId, planId),
    tasks: (planId) =>
      withDetails(
        () => all<PlannerTask>(planner.tasks(planId, DETAILS)),
        () => all<PlannerTask>(planner.tasks(planId)),
      ),
    task: (taskId) =>
      withDetails(
        () => body<PlannerTask>(planner.task(taskId, DETAILS)),
        () => body<PlannerTask>(planner.task(taskId)),
      ),
    createTask: (planId, fields) => body<PlannerTask>(planner.createTask(planId, fields)),
    updateTask: (taskId, etag, patch) =>
      body<PlannerTask>({
        ...planner.updateTask(taskId, etag, patch),
        headers: { 'If-Match': etag, ...REPRESENTATION },
      }),
    async setNotes(taskId, notes, known) {
      const etag = known ?? (await body<{ '@odata.etag': string }>(planner.taskDetails(taskId)))['@odata.etag'];
      const r = await body<{ '@odata.etag': string }>({
        ...planner.updateTaskDetails(taskId, etag, { description: notes }),
        headers: { 'If-Match': etag, ...REPRESENTATION },
      });
      return r['@odata.etag'];
    },
    async deleteTask(taskId, etag) {
      await gateway.request(tenantId, planner.deleteTask(taskId, etag));
    },
    failure: (err) =>
      err instanceof GraphError
        ? { status: err.status, code: err.code, conflict: err instanceof GraphConflictError }
        : undefined,
  };
}

/** The plan as a tab "Acties" in the channel, the Planner app installed in the team first. */
async function addPlannerTab(
  gateway: GraphGateway,
  tenantId: string,
  groupId: string,
  channelId: string,
  planId: string,
): Promise<void> {
  const team = encodeURIComponent(groupId);
  const installed: { teamsApp?: { id: string } }[] = [];
  for await (const a of gateway.pages<{ teamsApp?: { id: string } }>(tenantId, {
    method: 'GET',
    path: `/teams/${team}/installedApps?$expand=teamsApp`,
  }))
    installed.push(a);
  if (!installed.some((a) => a.teamsApp?.id === PLANNER_APP)) {
    try {
      await gateway.request(tenantId, {
        method: 'POST',
        path: `/teams/${team}/installedApps`,
        body: { 'teamsApp@odata.bind': PLANNER_APP_BIND },
      });
    } catch (err) {
      // Plans are made side by side: another one may just have installed the app (409). That is what we wanted.
      if (!(err instanceof GraphConflictError)) throw err;
    }
  }
  const tabs: { configuration?: { entityId?: string } }[] = [];
  for await (const tab of gateway.pages<{ configuration?: { entityId?: string } }>(tenantId, {
    method: 'GET',
    path: `/teams/${team}/channels/${encodeURIComponent(channelId)}/tabs`,
  }))
    tabs.push(tab);
  if (tabs.some((tab) => tab.configuration?.entityId === planId)) return;
  await gateway.request(tenantId, {
    method: 'POST',
    path: `/teams/${team}/channels/${encodeURIComponent(channelId)}/tabs`,
    body: {
      displayName: 'Acties',
      'teamsApp@odata.bind': PLANNER_APP_BIND,
      configuration: {
        entityId: planId,
        contentUrl: `https://tasks.teams.microsoft.com/teamsui/{tid}/Home/PlannerFrame?page=7&auth_pvr=OrgId&auth_upn={userPrincipalName}&groupId=${groupId}&planId=${planId}&channelId={channelId}&entityId={entityId}&tid={tid}&userObjectId={userObjectId}&subEntityId={subEntityId}&sessionId={sessionId}&theme={theme}&mkt={locale}&ringId={ringId}&PlannerRouteHint={tid}`,
        websiteUrl: `https://tasks.office.com/${tenantId}/Home/PlanViews/${planId}`,
      },
    },
  });
}

/** The Planner poll's host tenant (PlannerTenant of src/app/work/poll.ts) over `gateway`. */
export function plannerTenant(gateway: GraphGateway): PlannerTenant {
  return {
    planner: (tenantId) => plannerGraph(gateway, tenantId),
    async users(tenantId) {
      const out: { id: string; userPrincipalName: string }[] = [];
      for await (const u of gateway.pages<{ id: string; userPrincipalName: string }>(
        tenantId,
        users.list({ select: ['id', 'userPrincipalName'] }),
      ))
        out.push(u);
      return out;
    },
  };
}
