// A stand-in for the Bot Connector service (the bot's serviceUrl): proactive messages, replies and updates
// under /v3/conversations, recorded so tests can count what arrived. Conversations appear on first use;
// a test hook marks one blocked (403) or gone (404). Rate limits are applied by the server (throttle.ts).
import {
  collection,
  GraphHttpError,
  type Entity,
  type LocalTenantState,
  type Route,
  type TenantContext,
  type TenantRequest,
} from './core.ts';
import { nameGuid } from './seed.ts';

export type ConversationState = 'active' | 'blocked' | 'gone';

export interface BotActivityRecord {
  seq: number;
  /** The activity id the connector answered with. */
  id: string;
  conversationId: string;
  tenantId: string;
  kind: 'send' | 'reply' | 'update' | 'delete';
  replyToId?: string;
  receivedAt: string;
  /** The activity as the bot sent it (absent for deletes). */
  activity?: Record<string, unknown>;
}

function botError(status: number, code: string, message: string): GraphHttpError {
  return new GraphHttpError(status, code, message);
}

function conversationEntity(ctx: TenantContext, tenantId: string, id: string): Entity {
  const all = collection(ctx.state, tenantId, 'botConversations');
  let conv = all[id];
  if (!conv) {
    conv = { id, state: 'active', createdDateTime: ctx.clock.now().toISOString() };
    all[id] = conv;
    ctx.changed();
  }
  return conv;
}

function usableConversation(ctx: TenantContext, req: TenantRequest): string {
  const id = req.params.conversationId ?? '';
  if (id.trim() === '') throw botError(400, 'BadArgument', 'A conversation id is required.');
  const conv = conversationEntity(ctx, req.tenantId, id);
  if (conv.state === 'blocked')
    throw botError(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.');
  if (conv.state === 'gone') throw botError(404, 'ConversationNotFound', 'Conversation not found.');
  return id;
}

function activityBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw botError(400, 'BadArgument', 'The activity must be a JSON object.');
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '')
    throw botError(400, 'BadArgument', "The activity needs a 'type'.");
  return activity;
}

/**
 * The user a one-on-one conversation is asked for, as an account of `tenantId`'s directory: the member's
 * `aadObjectId`, or its id (`29:<object id>` as this stand-in's activities carry it). Undefined when the tenant has no
 * such account, or only a guest account whose invitation is not redeemed yet (it cannot sign in there).
 */
function memberAccount(ctx: TenantContext, tenantId: string, member: { id: string; aadObjectId?: unknown }) {
  const users = collection(ctx.state, tenantId, 'users');
  const id = typeof member.aadObjectId === 'string' ? member.aadObjectId : member.id.replace(/^29:/, '');
  const user = Object.values(users).find((u) => String(u.id).toLowerCase() === id.toLowerCase());
  return user && user.externalUserState !== 'PendingAcceptance' ? user : undefined;
}

export class BotConnector {
  private records: BotActivityRecord[] = [];
  private seq = 0;

  /**
   * @param botTenantId the tenant a single-tenant bot is registered in (see LocalTenantOptions.botTenantId);
   * undefined: a bot of any tenant.
   */
  private readonly botTenantId: string | undefined;

  constructor(botTenantId?: string) {
    this.botTenantId = botTenantId;
  }

  /**
   * A single-tenant bot's token must come from its own tenant's token endpoint (docs: "Authenticate requests with the
   * Bot Connector API", bot to connector, single-tenant); one from another tenant is refused as the service refuses
   * a token it does not accept: 401 Unauthorized.
   */
  private checkTokenTenant(req: TenantRequest): void {
    if (this.botTenantId && req.tenantId.toLowerCase() !== this.botTenantId.toLowerCase())
      throw botError(401, 'Unauthorized', 'Authorization has been denied for this request.');
  }

  /** Recorded activities, oldest first, optionally for one conversation and/or tenant. */
  activities(filter: { conversationId?: string; tenantId?: string } = {}): BotActivityRecord[] {
    return this.records.filter(
      (r) =>
        (!filter.conversationId || r.conversationId === filter.conversationId) &&
        (!filter.tenantId || r.tenantId === filter.tenantId),
    );
  }

  clear(): void {
    this.records = [];
  }

  /**
   * Marks a conversation blocked, gone or active again. Conversation ids are unique across tenants, so
   * without a tenant id it is marked wherever it exists — or in every tenant when it is not seen yet.
   */
  setConversationState(
    state: LocalTenantState,
    conversationId: string,
    value: ConversationState,
    tenantId?: string,
  ): void {
    const tenants = tenantId ? [tenantId] : Object.keys(state.tenants);
    const known = tenants.filter((t) => state.tenants[t]?.collections.botConversations?.[conversationId]);
    for (const t of known.length > 0 ? known : tenants) {
      const tenant = state.tenants[t];
      if (!tenant) throw new Error(`unknown tenant ${t}`);
      tenant.collections.botConversations ??= {};
      const existing = tenant.collections.botConversations[conversationId];
      tenant.collections.botConversations[conversationId] = { ...(existing ?? { id: conversationId }), state: value };
    }
  }

  /**
   * A single-tenant bot reaches only people with an account in its own tenant (members and redeemed guests): apps
   * are not supported in one-on-one chats with external users, and a person of another tenant cannot have the app
   * installed for them in the bot's tenant. The service's answer when the bot has no standing with the user is 403
   * BotNotInConversationRoster (the closest documented status; docs/identiteit.md cites both pages).
   */
  private checkPersonalReach(ctx: TenantContext, body: Record<string, unknown>, member: { id: string }): void {
    const bot = this.botTenantId?.toLowerCase();
    if (!bot) return;
    const cd = (body.channelData ?? {}) as { tenant?: { id?: unknown } };
    const named = typeof cd.tenant?.id === 'string' ? cd.tenant.id.toLowerCase() : bot;
    if (named !== bot || !memberAccount(ctx, bot, member))
      throw botError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
  }

  private record(
    ctx: TenantContext,
    entry: Omit<BotActivityRecord, 'seq' | 'receivedAt' | 'id'> & { id?: string },
  ): BotActivityRecord {
    const seq = ++this.seq;
    const now = ctx.clock.now();
    // Teams message ids are millisecond timestamps; the sequence keeps them unique within one millisecond.
    const id = entry.id ?? `${now.getTime()}${String(seq % 1000).padStart(3, '0')}`;
    const rec: BotActivityRecord = { ...entry, id, seq, receivedAt: now.toISOString() };
    this.records.push(rec);
    return rec;
  }

  private find(conversationId: string, activityId: string): BotActivityRecord | undefined {
    return this.records.find(
      (r) => r.conversationId === conversationId && r.id === activityId && r.kind !== 'update' && r.kind !== 'delete',
    );
  }

  routes(): Route[] {
    const conversationKey = (req: TenantRequest) => `conversation:${req.params.conversationId ?? ''}`;
    return this.unguarded(conversationKey).map((route) => ({
      ...route,
      handler: (req, ctx) => {
        this.checkTokenTenant(req);
        return route.handler(req, ctx);
      },
    }));
  }

  private unguarded(conversationKey: (req: TenantRequest) => string): Route[] {
    return [
      {
        method: 'POST',
        pattern: '/conversations',
        handler: (req, ctx) => {
          if (typeof req.body !== 'object' || req.body === null)
            throw botError(400, 'BadArgument', 'The request body must be a JSON object.');
          const body = req.body as Record<string, unknown>;
          const members = body.members;
          if (!Array.isArray(members) || members.length !== 1)
            throw botError(400, 'BadArgument', 'Teams creates one-on-one conversations only: give exactly one member.');
          const member = members[0] as { id?: unknown } | null;
          if (typeof member?.id !== 'string' || member.id === '')
            throw botError(400, 'BadArgument', 'The member needs an id.');
          if (body.isGroup === true)
            throw botError(400, 'BadArgument', 'Group conversations cannot be created by a bot in Teams.');
          this.checkPersonalReach(ctx, body, member as { id: string; aadObjectId?: unknown });
          // The same bot and user always get the same one-on-one conversation.
          const id = `a:${nameGuid(req.tenantId, 'conversation', req.appId, member.id).replaceAll('-', '')}`;
          const conv = conversationEntity(ctx, req.tenantId, id);
          if (conv.state === 'blocked')
            throw botError(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.');
          let activityId: string | undefined;
          if (body.activity !== undefined) {
            activityId = this.record(ctx, {
              conversationId: id,
              tenantId: req.tenantId,
              kind: 'send',
              activity: activityBody(body.activity),
            }).id;
          }
          return { status: 201, body: activityId ? { id, activityId } : { id } };
        },
      },
      {
        method: 'POST',
        pattern: '/conversations/{conversationId}/activities',
        throttleKey: conversationKey,
        handler: (req, ctx) => {
          const conversationId = usableConversation(ctx, req);
          const rec = this.record(ctx, {
            conversationId,
            tenantId: req.tenantId,
            kind: 'send',
            activity: activityBody(req.body),
          });
          return { status: 201, body: { id: rec.id } };
        },
      },
      {
        method: 'POST',
        pattern: '/conversations/{conversationId}/activities/{activityId}',
        throttleKey: conversationKey,
        handler: (req, ctx) => {
          const conversationId = usableConversation(ctx, req);
          const replyToId = req.params.activityId ?? '';
          const rec = this.record(ctx, {
            conversationId,
            tenantId: req.tenantId,
            kind: 'reply',
            replyToId,
            activity: activityBody(req.body),
          });
          return { status: 201, body: { id: rec.id } };
        },
      },
      {
        method: 'PUT',
        pattern: '/conversations/{conversationId}/activities/{activityId}',
        throttleKey: conversationKey,
        handler: (req, ctx) => {
          const conversationId = usableConversation(ctx, req);
          const activityId = req.params.activityId ?? '';
          if (!this.find(conversationId, activityId)) throw botError(404, 'ActivityNotFound', 'Activity not found.');
          this.record(ctx, {
            id: activityId,
            conversationId,
            tenantId: req.tenantId,
            kind: 'update',
            activity: activityBody(req.body),
          });
          return { status: 200, body: { id: activityId } };
        },
      },
      {
        method: 'DELETE',
        pattern: '/conversations/{conversationId}/activities/{activityId}',
        throttleKey: conversationKey,
        handler: (req, ctx) => {
          const conversationId = usableConversation(ctx, req);
          const activityId = req.params.activityId ?? '';
          if (!this.find(conversationId, activityId)) throw botError(404, 'ActivityNotFound', 'Activity not found.');
          this.record(ctx, { id: activityId, conversationId, tenantId: req.tenantId, kind: 'delete' });
          return { status: 200 };
        },
      },
    ];
  }
}
