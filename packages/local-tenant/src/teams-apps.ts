// Tabs and installed apps of the local tenant: channel tabs (their app installed in the team first) and apps
// installed for a team or a user.
import {
  collection,
  type Entity,
  type Json,
  type TenantContext,
  type TenantRequest,
  type TenantResponse,
} from './core.ts';
import { asObject, badRequest, findUser, publicOf, requiredString } from './entities.ts';
import {
  BUILT_IN_APP,
  expandSet,
  getChannel,
  getTeam,
  installApp,
  installationsFor,
  installationView,
  notFound,
  teamAppBind,
  teamsAppView,
} from './teams-core.ts';

// ---------------------------------------------------------------------------------------------------------------
// Tabs and installed apps

export function listTabs(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { channel } = getChannel(ctx, req);
  const expand = expandSet(req);
  const value = Object.values(collection(ctx.state, req.tenantId, 'tabs'))
    .filter((t) => t._channelId === channel.id)
    .map((t) => {
      const out = publicOf(t);
      if (expand.has('teamsApp')) out.teamsApp = teamsAppView(String(t._teamsAppId));
      return out;
    });
  return { status: 200, body: { value } };
}

export function addTab(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const { team, channel } = getChannel(ctx, req);
  const body = asObject(req.body);
  const displayName = requiredString(body, 'displayName', 128);
  const appId = teamAppBind(body);
  if (
    !BUILT_IN_APP.test(appId) &&
    installationsFor(ctx, req.tenantId, 'team', String(team.id)).every((i) => i._teamsAppId !== appId)
  ) {
    throw badRequest(`The app '${appId}' is not installed in the team; install it before adding its tab.`);
  }
  const config = body.configuration === undefined ? {} : asObject(body.configuration, 'configuration');
  const configuration: Record<string, Json> = {};
  for (const key of ['entityId', 'contentUrl', 'websiteUrl', 'removeUrl']) {
    const v = config[key];
    if (v !== undefined && v !== null && typeof v !== 'string')
      throw badRequest(`configuration.${key} must be a string.`);
    configuration[key] = (v as string | undefined) ?? null;
  }
  const id = ctx.newId();
  const tab: Entity = {
    id,
    displayName,
    configuration,
    webUrl: `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${id}?webUrl=${encodeURIComponent(String(configuration.websiteUrl ?? ''))}&label=${encodeURIComponent(displayName)}`,
    _channelId: String(channel.id),
    _teamsAppId: appId,
  };
  collection(ctx.state, req.tenantId, 'tabs')[id] = tab;
  ctx.changed();
  return { status: 201, body: publicOf(tab) };
}

export function listTeamApps(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const team = getTeam(ctx, req);
  return {
    status: 200,
    body: { value: installationsFor(ctx, req.tenantId, 'team', String(team.id)).map((i) => installationView(req, i)) },
  };
}

export function installTeamApp(req: TenantRequest, ctx: TenantContext): TenantResponse {
  installApp(ctx, req, 'team', String(getTeam(ctx, req).id));
  return { status: 201 };
}

export function listUserApps(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const user = findUser(ctx, req.tenantId, req.params['user-id'] ?? '');
  if (!user) throw notFound('User', req.params['user-id'] ?? '');
  return {
    status: 200,
    body: { value: installationsFor(ctx, req.tenantId, 'user', String(user.id)).map((i) => installationView(req, i)) },
  };
}

export function installUserApp(req: TenantRequest, ctx: TenantContext): TenantResponse {
  const user = findUser(ctx, req.tenantId, req.params['user-id'] ?? '');
  if (!user || user.accountEnabled === false) throw notFound('User', req.params['user-id'] ?? '');
  installApp(ctx, req, 'user', String(user.id));
  return { status: 201 };
}
