// `regiekamer tenant accept EMAIL`: the guest with this mail address accepts their invitation in the running local
// tenant, as the person would in a browser (Graph has no API for it; the local tenant's POST
// /_local/invitations/accept stands in). The next sync then adds them to the team and channels as a guest.
import { loadLocalTenantInfo, LocalTenantUnavailableError } from '../../../adapters/graph/connect.ts';
import { createHttpClient } from '../../../adapters/http/fetch.ts';
import { both } from '../../../domain/i18n.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

/** Exit 0 when an invitation was accepted; 2 when none was pending for the address; 1 when no tenant runs. */
export async function tenantAcceptCommand(io: CliIo, config: Config, email: string): Promise<number> {
  let info;
  try {
    info = await loadLocalTenantInfo(config.dataDir);
  } catch (err) {
    if (err instanceof LocalTenantUnavailableError) {
      writeLine(io.stderr, err.message);
      return EXIT.failure;
    }
    throw err;
  }
  const http = createHttpClient({ caCertPem: info.caCertPem });
  try {
    const res = await http
      .fetch(`${info.baseUrl}/_local/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
      .catch(() => undefined);
    if (!res) {
      writeLine(io.stderr, both('cli.tenant.acceptUnreachable', { url: info.baseUrl }));
      return EXIT.failure;
    }
    if (res.status === 404) {
      writeLine(io.stderr, both('cli.tenant.acceptNone', { email }));
      return EXIT.invalid;
    }
    if (!res.ok) {
      writeLine(io.stderr, both('cli.tenant.acceptFailed', { status: res.status }));
      return EXIT.failure;
    }
    const body = (await res.json()) as { value: { tenantId: string; email: string }[] };
    const accepted = [...new Set(body.value.map((v) => v.email))].join(', ');
    writeLine(io.stdout, both('cli.tenant.accepted', { email: accepted, count: body.value.length }));
    return EXIT.ok;
  } finally {
    await http.close();
  }
}
