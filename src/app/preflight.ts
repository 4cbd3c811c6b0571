// Use case: the pre-flight check of tenant mode (`regiekamer controleer`), per gemeente, in words: a token, the
// consented application roles against the one table (src/domain/permissions.ts), the organizer mailbox writable and
// no other, the host team and Planner, the programme's people in their home tenants, B2B direct connect between the
// host and each partner, and (once) the bot's and the Teams package's settings. It reads through the PreflightGraph
// port (src/adapters/preflight/graph.ts, over the one Graph gateway) and needs no permission the product lacks.
import type { MessageKey, Params } from '../domain/i18n.ts';
import { entraRolesFor, POLICY_READ_ROLES, REQUIRED_ROLES } from '../domain/permissions.ts';
import type { DesiredState } from '../domain/sync/desired.ts';
import { guestStatuses } from '../domain/sync/guests.ts';
import { resolve, type ActualState } from '../domain/sync/plan.ts';
import { deploymentChecks, type DeploymentSettings } from './preflight-deployment.ts';

type CheckStatus = 'ok' | 'fail' | 'warn' | 'manual';
type CheckId =
  'tenant' | 'token' | 'roles' | 'mailbox' | 'team' | 'planner' | 'people' | 'directConnect' | 'bot' | 'package';

/** A message of the catalogue with its parameters (the CLI words it in the reader's language). */
export interface Words {
  key: MessageKey;
  params: Params;
  /** Parameters whose value is itself a message (worded in the same language), e.g. a role's why. */
  nested?: Record<string, MessageKey>;
}

/** One check's outcome: what was found, how to fix it (not for ok), and the items it lists (roles, people). */
export interface CheckResult {
  check: CheckId;
  status: CheckStatus;
  what: Words;
  fix?: Words;
  items?: Words[];
}

interface GemeenteReport {
  gemeente: string;
  name: string;
  tenantId: string | undefined;
  host: boolean;
  checks: CheckResult[];
}

export interface PreflightReport {
  gemeenten: GemeenteReport[];
  /** The bot's and the Teams package's settings (once, not per gemeente). */
  deployment: CheckResult[];
  /** No check failed. */
  passed: boolean;
}

/** A Graph answer that is not a success: its status and code (no personal data). */
export interface Refusal {
  status: number;
  code: string;
}

/** Whether a probe succeeded, or how Graph refused it. */
export type Probe = { ok: true } | ({ ok: false } & Refusal);

/** What the check reads from the tenants; every Graph call goes through the one gateway. */
export interface PreflightGraph {
  /** The `roles` claim of an app-only Graph token for the tenant, or why no token could be had (an error code). */
  token(tenantId: string): Promise<{ ok: true; roles: string[] } | { ok: false; code: string }>;
  /** Reads the mailbox's calendar object (GET …/calendar?$select=id): reachable or refused. */
  readMailbox(tenantId: string, mailbox: string): Promise<Probe>;
  /** Creates an attendee-less event in the mailbox and deletes it at once; `cleanup` fails when the delete did. */
  writeMailbox(tenantId: string, mailbox: string): Promise<Probe & { cleanup?: Refusal; subject: string }>;
  /** The directory of every tenant the programme's people live in (as the sync reads it). */
  directory(d: DesiredState): Promise<ActualState['directory']>;
  /** The team by its name in the host tenant, with its channel count; undefined when there is none yet. */
  team(d: DesiredState): Promise<{ id: string; channels: number } | undefined>;
  /** The Planner plans of the team's group (a count). */
  plans(tenantId: string, groupId: string): Promise<number>;
  /** B2B direct connect in `tenantId`'s cross-tenant access settings towards `partnerTenantId` (partner or default). */
  directConnect(tenantId: string, partnerTenantId: string): Promise<{ inbound: boolean; outbound: boolean }>;
  /** A Graph refusal thrown by the calls above, else undefined (the caller rethrows anything else). */
  refusal(err: unknown): Refusal | undefined;
}

export interface PreflightInput {
  desired: DesiredState;
  /** Every gemeente of the programme file (id, name, tenant id), in file order, then every organisatie with a tenant. */
  gemeenten: { id: string; name: string; tenantId: string | undefined }[];
  /** The app registration's client id (consent URL, RBAC commands). */
  clientId: string;
  authorityHost: string;
  deployment: DeploymentSettings;
}

/** Runs every check; a Graph refusal becomes a failed check in words, anything else (unreachable) is thrown. */
export async function runPreflight(graph: PreflightGraph, input: PreflightInput): Promise<PreflightReport> {
  const { desired: d } = input;
  const tokens = new Map<string, { ok: true; roles: string[] } | { ok: false; code: string }>();
  for (const g of input.gemeenten) if (g.tenantId) tokens.set(g.tenantId, await graph.token(g.tenantId));
  const rolesOf = (tid: string | undefined) => {
    const t = tid ? tokens.get(tid) : undefined;
    return t?.ok ? t.roles : undefined;
  };
  const guarded = async (what: CheckId, gemeente: string, tid: string, run: () => Promise<CheckResult>) => {
    try {
      return await run();
    } catch (err) {
      const r = graph.refusal(err);
      if (!r) throw err;
      return refused(what, r, gemeente, consentUrl(input, tid));
    }
  };
  let directory: ActualState['directory'] | Refusal | undefined;
  const readDirectory = async () => {
    if (directory === undefined) {
      try {
        directory = await graph.directory(d);
      } catch (err) {
        const r = graph.refusal(err);
        if (!r) throw err;
        directory = r;
      }
    }
    return directory;
  };
  const out: GemeenteReport[] = [];
  for (const g of input.gemeenten) {
    const host = g.tenantId !== undefined && g.tenantId === d.hostTenantId;
    const report: GemeenteReport = { gemeente: g.id, name: g.name, tenantId: g.tenantId, host, checks: [] };
    out.push(report);
    if (!g.tenantId) {
      report.checks.push({
        check: 'tenant',
        status: 'fail',
        what: { key: 'controleer.noTenantId', params: { gemeente: g.name } },
        fix: { key: 'controleer.noTenantId.fix', params: {} },
      });
      continue;
    }
    const tid = g.tenantId;
    const token = tokens.get(tid);
    const url = consentUrl(input, tid);
    if (!token?.ok) {
      report.checks.push({
        check: 'token',
        status: 'fail',
        what: { key: 'controleer.token.fail', params: { code: token?.code ?? 'unknown' } },
        fix: { key: 'controleer.token.fix', params: { gemeente: g.name, url } },
      });
      continue;
    }
    report.checks.push({ check: 'token', status: 'ok', what: { key: 'controleer.token.ok', params: {} } });
    report.checks.push(...rolesCheck(input, g.name, host, token.roles, url));
    report.checks.push(await guarded('mailbox', g.name, tid, () => mailboxCheck(graph, input, host, token.roles, tid)));
    if (host) {
      const team = await guarded('team', g.name, tid, async () => teamCheck(graph, d));
      report.checks.push(team);
      const teamId = team.what.params['teamId'] as string | undefined;
      report.checks.push(
        await guarded('planner', g.name, tid, () => plannerCheck(graph, tid, teamId, team.status === 'fail')),
      );
    }
    const dir = await readDirectory();
    report.checks.push(peopleCheck(d, g, dir, url));
    report.checks.push(...(await directConnectChecks(graph, input, g, rolesOf)));
  }
  const deployment = deploymentChecks(input.deployment, d.hostTenantId);
  const passed = [...out.flatMap((g) => g.checks), ...deployment].every((c) => c.status !== 'fail');
  return { gemeenten: out, deployment, passed };
}

/** `{AUTHORITY_HOST}/{tenantId}/adminconsent?client_id=…`: where an administrator of the tenant (Privileged Role Administrator or Global Administrator) consents. */
function consentUrl(input: Pick<PreflightInput, 'authorityHost' | 'clientId'>, tenantId: string): string {
  const host = input.authorityHost.replace(/\/+$/, '');
  return `${host}/${tenantId}/adminconsent?client_id=${encodeURIComponent(input.clientId)}`;
}

function refused(check: CheckId, r: Refusal, gemeente: string, url: string): CheckResult {
  return {
    check,
    status: 'fail',
    what: { key: 'controleer.graphRefused', params: { status: r.status, code: r.code } },
    fix: { key: 'controleer.graphRefused.fix', params: { gemeente, url } },
  };
}

/** The token's roles against the table: missing ones (fail), optional ones missing and extra ones (warn). */
function rolesCheck(input: PreflightInput, gemeente: string, host: boolean, roles: string[], url: string) {
  const have = new Set(roles);
  const needed = entraRolesFor(host, input.desired.guests.invite);
  const missing = needed.filter((r) => !have.has(r.role));
  const checks: CheckResult[] = [];
  if (missing.length > 0) {
    const names = missing.map((r) => r.role).join(', ');
    checks.push({
      check: 'roles',
      status: 'fail',
      what: { key: 'controleer.roles.missing', params: { count: missing.length, roles: names } },
      fix: { key: 'controleer.roles.fix', params: { roles: names, gemeente, url } },
      items: missing.map((r) => ({
        key: 'controleer.roles.missingItem',
        params: { role: r.role },
        nested: { why: r.why },
      })),
    });
  } else {
    checks.push({
      check: 'roles',
      status: 'ok',
      what: { key: 'controleer.roles.ok', params: { count: needed.length } },
    });
  }
  if (host)
    for (const r of REQUIRED_ROLES.filter((x) => x.need === 'prune' && !have.has(x.role)))
      checks.push({
        check: 'roles',
        status: 'warn',
        what: { key: 'controleer.roles.optional', params: { role: r.role }, nested: { why: r.why } },
        fix: { key: 'controleer.roles.fix', params: { roles: r.role, gemeente, url } },
      });
  if (have.has('Calendars.ReadWrite') || have.has('Calendars.Read'))
    checks.push({
      check: 'roles',
      status: 'fail',
      what: { key: 'controleer.roles.calendarsTenantWide', params: { gemeente } },
      fix: {
        key: 'controleer.roles.calendarsTenantWide.fix',
        params: { mailbox: input.desired.organizer, clientId: input.clientId },
      },
    });
  const known = new Set([...REQUIRED_ROLES.map((r) => r.role), ...POLICY_READ_ROLES]);
  const usable = new Set(REQUIRED_ROLES.filter((r) => host || r.tenant === 'every').map((r) => r.role));
  const extra = roles.filter((r) => !r.startsWith('Calendars.') && (!usable.has(r) || !known.has(r)));
  const notNeeded = extra.filter((r) => !POLICY_READ_ROLES.includes(r));
  if (notNeeded.length > 0)
    checks.push({
      check: 'roles',
      status: 'warn',
      what: { key: 'controleer.roles.extra', params: { roles: notNeeded.join(', ') } },
      fix: { key: 'controleer.roles.extra.fix', params: {} },
    });
  return checks;
}

/** Other mailboxes of the tenant to test the scope with: people of the programme there, not the organizer. */
function otherMailboxes(d: DesiredState, tenantId: string): string[] {
  const organizer = d.organizer.toLowerCase();
  return Object.values(d.people)
    .filter((p) => p.tenantId === tenantId && p.upn.toLowerCase() !== organizer)
    .map((p) => p.upn)
    .slice(0, 3);
}

/**
 * Reads other mailboxes until one answers: readable (the scope is too wide), or refused (403, as it should be).
 * A mailbox that does not exist (404: no such user, or no mailbox) says nothing about the scope and is passed over.
 */
async function probeOthers(
  graph: PreflightGraph,
  tid: string,
  others: string[],
): Promise<{ mailbox: string; readable: boolean } | undefined> {
  for (const mailbox of others) {
    const read = await graph.readMailbox(tid, mailbox);
    if (read.ok) return { mailbox, readable: true };
    if (read.status !== 404) return { mailbox, readable: false };
  }
  return undefined;
}

/** Host: the organizer mailbox writable, another refused. Partner: no mailbox reachable (or no calendar role). */
async function mailboxCheck(
  graph: PreflightGraph,
  input: PreflightInput,
  host: boolean,
  roles: string[],
  tid: string,
): Promise<CheckResult> {
  const d = input.desired;
  const others = otherMailboxes(d, tid);
  const clientId = input.clientId;
  const tooWide = (o: string): CheckResult => ({
    check: 'mailbox',
    status: 'fail',
    what: { key: 'controleer.mailbox.tooWide', params: { other: o } },
    fix: { key: 'controleer.mailbox.tooWide.fix', params: { clientId } },
  });
  if (!host) {
    const probe = await probeOthers(graph, tid, others);
    if (probe?.readable) return tooWide(probe.mailbox);
    const calendars = roles.some((r) => r.startsWith('Calendars.'));
    return {
      check: 'mailbox',
      status: 'ok',
      what:
        calendars && probe
          ? { key: 'controleer.mailbox.partnerOk', params: { other: probe.mailbox } }
          : { key: 'controleer.mailbox.partnerNoRole', params: {} },
    };
  }
  const mailbox = d.organizer;
  const write = await graph.writeMailbox(tid, mailbox);
  if (!write.ok)
    return {
      check: 'mailbox',
      status: 'fail',
      what: { key: 'controleer.mailbox.notWritable', params: { mailbox, status: write.status, code: write.code } },
      fix: { key: 'controleer.mailbox.notWritable.fix', params: { mailbox, clientId } },
    };
  if (write.cleanup)
    return {
      check: 'mailbox',
      status: 'warn',
      what: { key: 'controleer.mailbox.cleanup', params: { mailbox, ...write.cleanup, subject: write.subject } },
    };
  const probe = await probeOthers(graph, tid, others);
  if (!probe)
    return { check: 'mailbox', status: 'ok', what: { key: 'controleer.mailbox.okNoOther', params: { mailbox } } };
  if (probe.readable) return tooWide(probe.mailbox);
  return {
    check: 'mailbox',
    status: 'ok',
    what: { key: 'controleer.mailbox.ok', params: { mailbox, other: probe.mailbox } },
  };
}

async function teamCheck(graph: PreflightGraph, d: DesiredState): Promise<CheckResult> {
  const team = await graph.team(d);
  if (!team)
    return {
      check: 'team',
      status: 'warn',
      what: { key: 'controleer.team.missing', params: { team: d.team.displayName } },
    };
  return {
    check: 'team',
    status: 'ok',
    what: { key: 'controleer.team.ok', params: { team: d.team.displayName, channels: team.channels, teamId: team.id } },
  };
}

async function plannerCheck(
  graph: PreflightGraph,
  tid: string,
  teamId: string | undefined,
  teamFailed: boolean,
): Promise<CheckResult> {
  if (!teamId)
    return {
      check: 'planner',
      status: teamFailed ? 'fail' : 'warn',
      what: teamFailed ? { key: 'controleer.skipped', params: {} } : { key: 'controleer.planner.noTeam', params: {} },
    };
  const plans = await graph.plans(tid, teamId);
  return { check: 'planner', status: 'ok', what: { key: 'controleer.planner.ok', params: { plans } } };
}

const UNKNOWN = new Set(['sync.reason.unknownPerson', 'sync.reason.noTenant']);
const GUEST_MISSING = new Set(['sync.reason.noGuest', 'sync.reason.guestToInvite']);

/**
 * The programme's people of one gemeente, resolved as the sync resolves them (resolve(), the same code placements()
 * of issue 14 builds on): unknown, disabled, guest missing, invitation pending — counted and each listed.
 */
function peopleCheck(
  d: DesiredState,
  g: { id: string; name: string },
  dir: ActualState['directory'] | Refusal,
  url: string,
): CheckResult {
  if ('status' in dir && typeof dir.status === 'number') return refused('people', dir as Refusal, g.name, url);
  const a: ActualState = { directory: dir as ActualState['directory'], team: undefined, channels: [], meetings: [] };
  const guests = new Set(d.guests.people);
  const pending = new Set(
    guestStatuses(d, a)
      .filter((s) => s.state === 'invited')
      .map((s) => s.personId),
  );
  const people = Object.values(d.people).filter((p) => p.gemeente === g.id);
  const counts = { unknown: 0, disabled: 0, guestMissing: 0, pending: 0 };
  const items: Words[] = [];
  for (const p of people) {
    // Their own account in their home tenant, and for a guest also their guest account in the host tenant.
    const results = [resolve(d, a, p, false), ...(guests.has(p.personId) ? [resolve(d, a, p, true)] : [])];
    for (const res of results) {
      if (res.ok) continue;
      const key = res.reason.key;
      if (UNKNOWN.has(key)) counts.unknown++;
      else if (key === 'sync.reason.disabled') counts.disabled++;
      else if (GUEST_MISSING.has(key)) counts.guestMissing++;
      else if (key === 'sync.reason.guestPending' || pending.has(p.personId)) counts.pending++;
      else continue;
      items.push({ key: key as MessageKey, params: res.reason.params });
      break;
    }
  }
  if (items.length === 0)
    return {
      check: 'people',
      status: 'ok',
      what: { key: 'controleer.people.ok', params: { count: people.length, gemeente: g.name } },
    };
  return {
    check: 'people',
    status: 'fail',
    what: { key: 'controleer.people.problems', params: { count: items.length, total: people.length, ...counts } },
    fix: { key: 'controleer.people.fix', params: { gemeente: g.name } },
    items,
  };
}

/** Partner gemeenten (tenant ids) whose people join the host's shared channels by B2B direct connect. */
function directConnectPartners(d: DesiredState): Set<string> {
  const out = new Set<string>();
  for (const c of d.channels) {
    if (c.kind !== 'shared' || c.externalAccess !== 'direct-connect') continue;
    for (const id of c.members) {
      const tid = d.people[id]?.tenantId;
      if (tid && tid !== d.hostTenantId) out.add(tid);
    }
  }
  return out;
}

/**
 * B2B direct connect for the shared channels: the host's inbound setting for each partner, a partner's outbound
 * setting for the host. Read from the cross-tenant access settings only when the token may (Policy.Read.All);
 * otherwise a manual check with the admin-centre path.
 */
async function directConnectChecks(
  graph: PreflightGraph,
  input: PreflightInput,
  g: { id: string; name: string; tenantId: string | undefined },
  rolesOf: (tid: string | undefined) => string[] | undefined,
): Promise<CheckResult[]> {
  const d = input.desired;
  const partners = directConnectPartners(d);
  const tid = g.tenantId as string;
  const host = tid === d.hostTenantId;
  const pairs = host ? [...partners] : partners.has(tid) ? [d.hostTenantId] : [];
  const canRead = (rolesOf(tid) ?? []).some((r) => POLICY_READ_ROLES.includes(r));
  const nameOf = (t: string) => input.gemeenten.find((x) => x.tenantId === t)?.name ?? t;
  const direction = host ? 'inbound' : 'outbound';
  const checks: CheckResult[] = [];
  for (const other of pairs) {
    const params = { direction, partner: nameOf(other), partnerTenantId: other };
    const fix: Words = { key: 'controleer.direct.fix', params: { direction, partnerTenantId: other } };
    if (!canRead) {
      checks.push({ check: 'directConnect', status: 'manual', what: { key: 'controleer.direct.manual', params }, fix });
      continue;
    }
    try {
      const setting = await graph.directConnect(tid, other);
      const open = host ? setting.inbound : setting.outbound;
      checks.push(
        open
          ? { check: 'directConnect', status: 'ok', what: { key: 'controleer.direct.ok', params } }
          : { check: 'directConnect', status: 'fail', what: { key: 'controleer.direct.blocked', params }, fix },
      );
    } catch (err) {
      const r = graph.refusal(err);
      if (!r) throw err;
      checks.push({ check: 'directConnect', status: 'manual', what: { key: 'controleer.direct.manual', params }, fix });
    }
  }
  return checks;
}
