// Test support for the product's tests that use the local tenant (packages/local-tenant, through its public API):
// the test programme (three gemeenten with tenants, one without), its tenant ids, and a local tenant with its real
// identity provider plus a gateway to it built the way the product builds one (MSAL + the local CA), so gateway
// tests cover the whole path a real call takes.
import {
  TENANT_IN_MEMORY,
  startLocalTenant,
  type LocalTenantHandle,
  type LocalTenantOptions,
} from '@regiekamer/local-tenant';
import { TENANT_A, TENANT_B, TENANT_C } from '@regiekamer/local-tenant/testing';
import { gatewayForLocalTenant, type ConnectedGraph } from '../../src/adapters/graph/connect.ts';
import type { GraphGatewayOptions } from '../../src/adapters/graph/gateway.ts';
import { ProgrammeSchema, type Programme } from '../../src/domain/programme/schema.ts';
import { localTenantDirectory } from '../../src/entry/server/local-tenant-data.ts';

export { TENANT_A, TENANT_B, TENANT_C };

/** Three gemeenten with tenants (Alfa hosts) and one without a tenant id; all people fictional. */
export function testProgramme(): Programme {
  return ProgrammeSchema.parse({
    version: 1,
    programme: {
      id: 'proef',
      name: 'Proefprogramma',
      organizer: 'regiekamer@alfa.example',
      team: { name: 'Proefteam', owners: ['anna'] },
    },
    gemeenten: [
      { id: 'alfa', name: 'Alfa', tenantId: TENANT_A, domain: 'alfa.example', host: true },
      { id: 'beta', name: 'Beta', tenantId: TENANT_B, domain: 'beta.example' },
      { id: 'gamma', name: 'Gamma', tenantId: TENANT_C, domain: 'gamma.example' },
      { id: 'delta', name: 'Delta', domain: 'delta.example' },
    ],
    people: [
      {
        id: 'anna',
        name: 'Anna Alfa',
        upn: 'anna@alfa.example',
        gemeente: 'alfa',
        roles: ['projectleider'],
        hoursPerWeek: 24,
      },
      { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
      { id: 'dirk', name: 'Dirk Alfa', upn: 'dirk@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
      {
        id: 'bram',
        name: 'Bram Beta',
        upn: 'bram@beta.example',
        email: 'b.beta@beta.example',
        gemeente: 'beta',
        roles: ['trekker'],
        hoursPerWeek: 8,
      },
      { id: 'gert', name: 'Gert Gamma', upn: 'gert@gamma.example', gemeente: 'gamma', hoursPerWeek: 8 },
      { id: 'dora', name: 'Dora Delta', upn: 'dora@delta.example', gemeente: 'delta', hoursPerWeek: 8 },
    ],
    bodies: [{ id: 'regiegroep', kind: 'regiegroep', name: 'Regiegroep', members: ['anna', 'bram'] }],
  });
}

export interface GatewayFixture {
  tenant: LocalTenantHandle;
  graph: ConnectedGraph;
  close(): Promise<void>;
}

/**
 * A local tenant seeded from a programme (default testProgramme(); in memory, free port, HTTPS only) the way a local
 * start seeds it, and a gateway to it.
 */
export async function startGatewayFixture(
  options: Partial<LocalTenantOptions> & { programme?: Programme } = {},
  tuning: Pick<GraphGatewayOptions, 'now' | 'sleep' | 'random' | 'retry' | 'limits'> = {},
): Promise<GatewayFixture> {
  const { programme = testProgramme(), ...rest } = options;
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
    ...rest,
  });
  const graph = gatewayForLocalTenant(
    {
      baseUrl: tenant.baseUrl,
      httpUrl: tenant.httpUrl,
      caCertPem: tenant.caCertPem,
      caCertPath: tenant.caCertPath,
      tenants: tenant.tenants,
      app: tenant.app,
    },
    undefined,
    tuning,
  );
  return {
    tenant,
    graph,
    close: async () => {
      await graph.close();
      await tenant.stop();
    },
  };
}
