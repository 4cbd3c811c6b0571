// What the local tenant (packages/local-tenant) serves for a programme, as the plain data it takes: one tenant per
// gemeente with a tenant id, its people as users, a few fictional colleagues who are not in the programme (look-ups
// must not assume everyone is), one disabled account, the organizer mailbox in the host tenant; and the app
// registration. The emulator knows nothing of programmes; this is the only place that turns one into its data.
import type { AppRegistration, TenantDirectory, TenantSetup } from '@regiekamer/local-tenant';
import { entraRolesFor } from '../../domain/permissions.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { homeId, homes, type Home } from '../../domain/programme/home.ts';

// Fictional people only; none of these names comes from the seed documents.
const GIVEN = [
  'Femke',
  'Joost',
  'Ilse',
  'Ruben',
  'Noor',
  'Daan',
  'Lotte',
  'Thijs',
  'Esmee',
  'Merel',
  'Koen',
  'Iris',
  'Fleur',
  'Bas',
];
const SURNAME = ['Verhoef', 'Bakker', 'Smit', 'Hendriks', 'Mulder', 'Visser', 'Kok', 'Bosman', 'Brouwer', 'Dekker'];
const JOBS = ['Beleidsmedewerker', 'Adviseur bedrijfsvoering', 'Teamleider', 'Juridisch adviseur', 'Medewerker KCC'];

/**
 * The local tenant's directory for a programme: gemeenten (then organisaties) with a tenant id in programme order (the others have no
 * tenant to emulate), each with its people (UPN; mail = email or UPN), 3–5 fictional colleagues and a disabled
 * `oud-account@<domain>`; the host tenant also holds the organizer mailbox (programme.organizer).
 */
export function localTenantDirectory(programme: Programme): TenantDirectory {
  // Organisaties with a tenant (and a domain) are tenants like the gemeenten's (src/domain/programme/home.ts).
  const gemeenten = homes(programme).filter(
    (g): g is Home & { tenantId: string; domain: string } =>
      typeof g.tenantId === 'string' && typeof g.domain === 'string',
  );
  return {
    tenants: gemeenten.map((g, index) => {
      const domain = g.domain.toLowerCase();
      const users: TenantDirectory['tenants'][number]['users'] = programme.people
        .filter((p) => homeId(p) === g.id)
        .map((p) => ({ userPrincipalName: p.upn, mail: p.email ?? p.upn, displayName: p.name }));
      const extra = 3 + (index % 3);
      for (let k = 0; k < extra; k++) {
        const given = GIVEN[(index * 5 + k) % GIVEN.length] as string;
        const surname = SURNAME[(index * 3 + k * 7) % SURNAME.length] as string;
        const upn = `${given}.${surname}@${domain}`.toLowerCase();
        users.push({
          userPrincipalName: upn,
          mail: upn,
          displayName: `${given} ${surname}`,
          jobTitle: JOBS[k % JOBS.length] ?? null,
        });
      }
      const gone = `oud-account@${domain}`;
      users.push({
        userPrincipalName: gone,
        mail: gone,
        displayName: 'Oud Account',
        accountEnabled: false,
        jobTitle: 'Uit dienst',
      });
      if (g.host) {
        const upn = programme.programme.organizer;
        users.push({
          userPrincipalName: upn,
          mail: upn,
          displayName: 'Regiekamer organisator',
          jobTitle: 'Organisatorpostvak',
        });
      }
      return { id: g.tenantId.toLowerCase(), domain, displayName: g.name, users };
    }),
  };
}

/** The app registered in the local tenant: the configured credentials when there are both, else generated ones. */
export function localTenantApp(graph: {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}): AppRegistration {
  return graph.clientId && graph.clientSecret
    ? { displayName: 'Regiekamer', clientId: graph.clientId, clientSecret: graph.clientSecret }
    : { displayName: 'Regiekamer (lokaal)' };
}

/**
 * How the local tenants are configured for the app, correctly (what `regiekamer controleer` passes): admin consent of
 * exactly the roles of the permissions table (src/domain/permissions.ts) per tenant — the host every role the
 * programme uses plus Channel.Delete.All for `apply --prune`, a partner User.Read.All —, Calendars.ReadWrite not in
 * Entra ID but through RBAC for Applications scoped to the organizer mailbox, no mailbox in a partner tenant, and B2B
 * direct connect between all gemeenten. `faults` is merged over it (a test seeds one fault this way).
 */
export function localTenantSetup(programme: Programme, faults: TenantSetup = {}): TenantSetup {
  const host = programme.gemeenten.find((g) => g.host)?.tenantId;
  const consentedRoles: Record<string, string[]> = {};
  const mailboxScope: Record<string, string[]> = {};
  for (const g of homes(programme)) {
    if (typeof g.tenantId !== 'string') continue;
    const tid = g.tenantId.toLowerCase();
    const isHost = g.tenantId === host;
    consentedRoles[tid] = [
      ...entraRolesFor(isHost, programme.guests.invite).map((r) => r.role),
      ...(isHost ? ['Channel.Delete.All'] : []),
    ];
    mailboxScope[tid] = isHost ? [programme.programme.organizer] : [];
  }
  return {
    consentedRoles: { ...consentedRoles, ...faults.consentedRoles },
    mailboxScope: { ...mailboxScope, ...faults.mailboxScope },
    ...(faults.disabledUsers ? { disabledUsers: faults.disabledUsers } : {}),
    ...(faults.noDirectConnect ? { noDirectConnect: faults.noDirectConnect } : {}),
  };
}
