// Test support: a local tenant with its real identity provider, and a gateway to it built the way the
// product builds one (MSAL + the local CA), so gateway tests cover the whole path a real call takes.
import { TENANT_IN_MEMORY, startLocalTenant, type LocalTenantHandle, type LocalTenantOptions } from '../../../packages/local-tenant/src/server.ts';
import { testProgramme } from '../../../packages/local-tenant/src/testing.ts';
import { gatewayForLocalTenant, type ConnectedGraph } from './connect.ts';
import type { GraphGatewayOptions } from './gateway.ts';

export interface GatewayFixture {
  tenant: LocalTenantHandle;
  graph: ConnectedGraph;
  close(): Promise<void>;
}

export async function startGatewayFixture(options: Partial<LocalTenantOptions> = {}, tuning: Pick<GraphGatewayOptions, 'now' | 'sleep' | 'random' | 'retry' | 'limits'> = {}): Promise<GatewayFixture> {
  const tenant = await startLocalTenant({ programme: testProgramme(), dataDir: TENANT_IN_MEMORY, port: 0, httpPort: null, ...options });
  const graph = gatewayForLocalTenant({
    baseUrl: tenant.baseUrl, httpUrl: tenant.httpUrl, caCertPem: tenant.caCertPem, caCertPath: tenant.caCertPath, tenants: tenant.tenants, app: tenant.app,
  }, undefined, tuning);
  return {
    tenant,
    graph,
    close: async () => {
      await graph.close();
      await tenant.stop();
    },
  };
}
