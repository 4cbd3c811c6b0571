// `regiekamer tenant serve --fault-…`: the local tenant started with faults of the tenants' configuration that
// `regiekamer controleer` names (a role not consented, a disabled account, no B2B direct connect, the organizer
// mailbox out of the app's RBAC scope), over the correct configuration of localTenantSetup. Gemeenten by their id
// in the programme file.
import { both } from '../../../domain/i18n.ts';
import type { Programme } from '../../../domain/programme/schema.ts';
import { localTenantSetup } from '../../server/local-tenant-data.ts';

type TenantSetup = ReturnType<typeof localTenantSetup>;

/** The fault flags of `tenant serve`, each repeatable. */
export interface TenantFaultFlags {
  /** `<gemeente>:<role>`: the role is not consented in that gemeente's tenant. */
  faultRole?: string[];
  /** `<upn>`: the account is disabled. */
  faultDisabled?: string[];
  /** `<gemeente>:<partner gemeente>`: the gemeente's cross-tenant access settings block direct connect with the partner. */
  faultDirectConnect?: string[];
  /** `<gemeente>:<mailbox>`: the app's RBAC scope in that tenant holds only this mailbox (the organizer falls out). */
  faultMailbox?: string[];
}

/** A fault flag that names no gemeente of the programme or is not `a:b`; its message is bilingual. */
export class FaultFlagError extends Error {}

/** The setup the flags ask for (none: undefined, the correct configuration applies). Throws FaultFlagError. */
export function faultSetup(programme: Programme, flags: TenantFaultFlags): TenantSetup | undefined {
  const all = [
    ...(flags.faultRole ?? []),
    ...(flags.faultDisabled ?? []),
    ...(flags.faultDirectConnect ?? []),
    ...(flags.faultMailbox ?? []),
  ];
  if (all.length === 0) return undefined;
  const tenantOf = (flag: string, id: string): string => {
    const t = programme.gemeenten.find((g) => g.id === id)?.tenantId;
    if (typeof t !== 'string')
      throw new FaultFlagError(
        both('cli.tenant.faultGemeente', {
          flag,
          gemeente: id,
          known: programme.gemeenten.map((g) => g.id).join(', '),
        }),
      );
    return t.toLowerCase();
  };
  const pair = (flag: string, value: string): [string, string] => {
    const at = value.indexOf(':');
    if (at <= 0 || at === value.length - 1) throw new FaultFlagError(both('cli.tenant.faultPair', { flag, value }));
    return [value.slice(0, at), value.slice(at + 1)];
  };
  const correct = localTenantSetup(programme);
  const consentedRoles: Record<string, string[]> = {};
  for (const v of flags.faultRole ?? []) {
    const [gemeente, role] = pair('--fault-role', v);
    const tid = tenantOf('--fault-role', gemeente);
    const consented = correct.consentedRoles?.[tid] ?? [];
    // A misspelt or not-needed role would otherwise take nothing away, and the run would look like a passing fault.
    if (!consented.includes(role))
      throw new FaultFlagError(both('cli.tenant.faultRoleUnknown', { role, gemeente, known: consented.join(', ') }));
    consentedRoles[tid] = (consentedRoles[tid] ?? consented).filter((r) => r !== role);
  }
  const mailboxScope: Record<string, string[]> = {};
  for (const v of flags.faultMailbox ?? []) {
    const [gemeente, mailbox] = pair('--fault-mailbox', v);
    mailboxScope[tenantOf('--fault-mailbox', gemeente)] = [mailbox];
  }
  const noDirectConnect = (flags.faultDirectConnect ?? []).map((v) => {
    const [gemeente, partner] = pair('--fault-direct-connect', v);
    return {
      tenantId: tenantOf('--fault-direct-connect', gemeente),
      partnerTenantId: tenantOf('--fault-direct-connect', partner),
    };
  });
  return {
    consentedRoles,
    mailboxScope,
    ...(flags.faultDisabled?.length ? { disabledUsers: flags.faultDisabled } : {}),
    ...(noDirectConnect.length > 0 ? { noDirectConnect } : {}),
  };
}
