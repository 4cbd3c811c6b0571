// Who may read or change what: the one place that decides, for the API, the bot and the CLI alike. Pure — it
// reads the programme and the caller only — so every rule is a table test (src/app/access.test.ts), and every API
// route × caller is one against the running API (src/entry/server/api-access.test.ts).
import type { Person, Programme, Werkgroep } from '../domain/programme/schema.ts';
import { homeId, homes } from '../domain/programme/home.ts';

/**
 * Who is asking. `person`: someone of the programme (matched on UPN or e-mail); `app`: the product itself (CLI
 * with the app's token, jobs); `stranger`: a valid token of an allowed tenant whose holder is not in the programme.
 */
export type Caller = { kind: 'person'; person: Person } | { kind: 'app' } | { kind: 'stranger' };

/** What a caller wants to do; `werkgroep` is the werkgroep id the thing belongs to. */
export type Permission =
  /** Who am I: anyone with a valid token (the answer says a stranger is not in the programme). */
  | { do: 'self.read' }
  /** Read the programme's shared pages: overview, werkgroepen, actions, waits, decisions, the four K's, backlogs. */
  | { do: 'programme.read' }
  /**
   * Read one person's workload (hours, open and overdue actions): personal data under the AVG, so only that person,
   * and those who steer the programme's capacity: the projectleider and the regiegroep.
   */
  | { do: 'load.read'; person: string }
  /** Change an action's fields, add what it waits on, set the backlog's priorities or make an action of a topic. */
  | { do: 'work.change'; werkgroep: string }
  /** Submit or change a werkgroep's progress update. */
  | { do: 'update.submit'; werkgroep: string }
  /** Move a decision on or record its outcome. */
  | { do: 'decision.change' }
  /**
   * Propose a decision on behalf of werkgroep `werkgroep` (issue 18 §1): its trekker and members, the projectleider
   * and the regiegroep (who also propose from a meeting's agenda).
   */
  | { do: 'decision.propose'; werkgroep: string }
  /**
   * Edit or withdraw an open decision: the person who proposed it (`proposer`, a person id; absent for seed data),
   * and those who may change any decision (the projectleider and the regiegroep).
   */
  | { do: 'decision.edit'; proposer?: string | undefined }
  /**
   * Record in a meeting of body `body` (a regiegroep or projectgroep; issue 18 §3): an outcome, a new decision, a new
   * action. For the body's chair (a projectgroep's lead) and the projectleider, who take the minutes.
   */
  | { do: 'meeting.record'; body: string }
  /** Close a meeting of body `body`, sending its besluitenlijst (issue 18 §4): as meeting.record. */
  | { do: 'meeting.close'; body: string }
  /**
   * Compose a meeting's agenda (issue 18 §2): order its items, add and remove items. The projectleider only (anyone
   * with the role `projectleider`, as for rhythm.trigger); everyone in the programme reads the agenda.
   */
  | { do: 'agenda.edit' }
  /**
   * Edit the monthly news message (issue 16 §3): the communicatieadviseur (a role) and the projectleider; everyone in
   * the programme reads it once approved.
   */
  | { do: 'news.edit' }
  /** Approve the monthly news message, which posts it to the announcement channel: as news.edit. */
  | { do: 'news.approve' }
  /** Record a measured value of an indicator. */
  | { do: 'indicator.record' }
  /** Trigger the reminder rhythm by hand (local mode, development). */
  | { do: 'rhythm.trigger' }
  /** Write the monthly report's introduction (issue 16 §2): the projectleider (anyone with that role). */
  | { do: 'report.edit' }
  /** Approve the monthly report, which sends it to the regiegroep and the informed bodies: the projectleider. */
  | { do: 'report.approve' }
  /**
   * Read a month's report: the `informed` version (programme-level figures, no figures about named people) anyone
   * in the programme; the `regiegroep` version (per werkgroep, capacity per person) only those who work in the
   * programme — the projectleider and the people of a werkgroep, projectgroep or regiegroep — not those who are only
   * in a body that is informed (stuurgroep, ondernemingsraad, klankbordgroep, bestuur).
   */
  | { do: 'report.read'; variant: 'regiegroep' | 'informed' };

/** Why a permission was refused; the edges turn it into a message of the catalogue. */
export type Refusal =
  | 'notMember'
  | 'notDecider'
  | 'notMeasurer'
  | 'notInProgramme'
  | 'notOwnLoad'
  | 'notProposer'
  | 'notChair'
  | 'notProjectleider'
  | 'notProgrammeWorker'
  | 'notCommunicator';

export type Verdict = { allowed: true } | { allowed: false; reason: Refusal };

/** The fields of a validated token the access rules need (see src/adapters/auth/validate.ts). */
export interface TokenIdentity {
  /** true for a person's (delegated) token, false for an app's own (client credentials). */
  delegated: boolean;
  upn?: string | undefined;
  /** The calling application (azp/appid). */
  appId?: string | undefined;
  /** The tenant that issued the token (`tid`): a person's home tenant, or the host tenant for a guest account. */
  tenantId?: string | undefined;
}

/**
 * The tenants a person's token may come from (docs/identiteit.md): their own gemeente's (Teams issues the SSO token
 * of a person of another tenant inside a shared channel from their home tenant) and the host tenant's (a B2B guest
 * account there). Empty when the programme names neither: then any tenant of the allow-list will do.
 */
function tenantsOf(programme: Programme, person: Person): Set<string> {
  const own = homes(programme).find((g) => g.id === homeId(person))?.tenantId;
  const host = programme.gemeenten.find((g) => g.host)?.tenantId;
  return new Set([own, host].filter((t): t is string => !!t).map((t) => t.toLowerCase()));
}

/**
 * The programme's person behind a token: matched on UPN, then on e-mail address, case-insensitively, and — when
 * the token names its tenant — only from the person's own gemeente's tenant or the host tenant (a guest account);
 * the same name from any other tenant is a stranger. An app-only
 * token is the product itself only when its calling application is one of `ownApps` (the product's own app
 * registrations; an allow-list of callers, as a valid token alone does not say which daemon app calls:
 * https://learn.microsoft.com/entra/identity-platform/scenario-protected-web-api-verification-scope-app-roles);
 * any other app is a stranger.
 */
export function callerOf(programme: Programme, token: TokenIdentity, ownApps: readonly string[] = []): Caller {
  if (!token.delegated) return token.appId && ownApps.includes(token.appId) ? { kind: 'app' } : { kind: 'stranger' };
  const upn = token.upn?.toLowerCase();
  if (!upn) return { kind: 'stranger' };
  const person = programme.people.find((p) => p.upn.toLowerCase() === upn || p.email?.toLowerCase() === upn);
  if (!person) return { kind: 'stranger' };
  const tenants = tenantsOf(programme, person);
  const tid = token.tenantId?.toLowerCase();
  return tid && tenants.size > 0 && !tenants.has(tid) ? { kind: 'stranger' } : { kind: 'person', person };
}

/** The werkgroepen a person is trekker or member of; those where the person is trekker first. */
export function werkgroepenOf(programme: Programme, personId: string): Werkgroep[] {
  return programme.bodies
    .filter((b): b is Werkgroep => b.kind === 'werkgroep' && (b.trekker === personId || b.members.includes(personId)))
    .sort((a, b) => Number(b.trekker === personId) - Number(a.trekker === personId));
}

const isProjectleider = (p: Person) => p.roles.includes('projectleider');

/** The regiegroep's chair and members: with the projectleider, they account for decisions and results. */
function regiegroepOf(programme: Programme): Set<string> {
  return new Set(
    programme.bodies.flatMap((b) => (b.kind === 'regiegroep' ? [...b.members, ...(b.chair ? [b.chair] : [])] : [])),
  );
}

/** Who chairs body `bodyId`: a regiegroep's or stuurgroep's chair, a projectgroep's lead; undefined for others. */
function chairOf(programme: Programme, bodyId: string): string | undefined {
  const body = programme.bodies.find((b) => b.id === bodyId);
  if (!body) return undefined;
  if (body.kind === 'projectgroep') return body.lead;
  return body.kind === 'regiegroep' || body.kind === 'stuurgroep' ? body.chair : undefined;
}

/** The kinds of body whose people work in the programme (and read the regiegroep's version of the report). */
const WORKING_BODIES: ReadonlySet<string> = new Set(['werkgroep', 'projectgroep', 'regiegroep', 'projectteam']);

/** Whether person `id` works in the programme: a member, chair, lead or trekker of a working body. */
function worksIn(programme: Programme, id: string): boolean {
  return programme.bodies.some(
    (b) =>
      WORKING_BODIES.has(b.kind) &&
      (b.members.includes(id) ||
        ('chair' in b && b.chair === id) ||
        ('lead' in b && b.lead === id) ||
        ('trekker' in b && b.trekker === id)),
  );
}

/** Whether `caller` may do `what` in `programme`, and if not, why. Throws nothing. */
export function decide(programme: Programme, caller: Caller, what: Permission): Verdict {
  if (caller.kind === 'app') return { allowed: true };
  switch (what.do) {
    case 'self.read':
      return { allowed: true };
    case 'programme.read':
      return caller.kind === 'person' ? { allowed: true } : { allowed: false, reason: 'notInProgramme' };
    case 'load.read': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const p = caller.person;
      return p.id === what.person || isProjectleider(p) || regiegroepOf(programme).has(p.id)
        ? { allowed: true }
        : { allowed: false, reason: 'notOwnLoad' };
    }
    case 'work.change':
    case 'update.submit': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const inIt = werkgroepenOf(programme, caller.person.id).some((w) => w.id === what.werkgroep);
      return inIt || isProjectleider(caller.person) ? { allowed: true } : { allowed: false, reason: 'notMember' };
    }
    case 'decision.propose': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const p = caller.person;
      const inIt = werkgroepenOf(programme, p.id).some((w) => w.id === what.werkgroep);
      return inIt || isProjectleider(p) || regiegroepOf(programme).has(p.id)
        ? { allowed: true }
        : { allowed: false, reason: 'notMember' };
    }
    case 'decision.edit': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const p = caller.person;
      return p.id === what.proposer || isProjectleider(p) || regiegroepOf(programme).has(p.id)
        ? { allowed: true }
        : { allowed: false, reason: 'notProposer' };
    }
    case 'decision.change':
    case 'indicator.record': {
      const reason = what.do === 'decision.change' ? 'notDecider' : 'notMeasurer';
      if (caller.kind !== 'person') return { allowed: false, reason };
      return isProjectleider(caller.person) || regiegroepOf(programme).has(caller.person.id)
        ? { allowed: true }
        : { allowed: false, reason };
    }
    case 'meeting.record':
    case 'meeting.close': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const p = caller.person;
      return isProjectleider(p) || chairOf(programme, what.body) === p.id
        ? { allowed: true }
        : { allowed: false, reason: 'notChair' };
    }
    case 'agenda.edit':
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      return isProjectleider(caller.person) ? { allowed: true } : { allowed: false, reason: 'notProjectleider' };
    case 'news.edit':
    case 'news.approve':
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      return isProjectleider(caller.person) || caller.person.roles.includes('communicatieadviseur')
        ? { allowed: true }
        : { allowed: false, reason: 'notCommunicator' };
    case 'rhythm.trigger':
      return caller.kind === 'person' && isProjectleider(caller.person)
        ? { allowed: true }
        : { allowed: false, reason: 'notDecider' };
    case 'report.edit':
    case 'report.approve':
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      return isProjectleider(caller.person) ? { allowed: true } : { allowed: false, reason: 'notProjectleider' };
    case 'report.read': {
      if (caller.kind !== 'person') return { allowed: false, reason: 'notInProgramme' };
      const p = caller.person;
      return what.variant === 'informed' || isProjectleider(p) || worksIn(programme, p.id)
        ? { allowed: true }
        : { allowed: false, reason: 'notProgrammeWorker' };
    }
  }
}

/** Shorthand for `decide(...).allowed`. */
export const may = (programme: Programme, caller: Caller, what: Permission): boolean =>
  decide(programme, caller, what).allowed;
