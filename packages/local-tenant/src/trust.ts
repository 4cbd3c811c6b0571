// Trusting the local tenant's own CA: it serves HTTPS with a certificate from a CA it makes itself (tls.ts), which
// no system trust store knows. Clients pass the CA certificate (handle.caCertPem, or caCertPath in local-tenant.json).
import type { Agent } from 'undici-types';

type Fetch = typeof fetch;

/**
 * A fetch that trusts the local tenant's CA certificate (and nothing else extra). The undici Agent is
 * Node's own bundled one — taken from the global dispatcher — because `undici` is not a dependency and
 * Node's fetch only accepts dispatchers of its own undici.
 */
export async function trustingFetch(caCertPem: string): Promise<{ fetch: Fetch; close(): Promise<void> }> {
  await fetch('data:,');
  const global = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')] as Agent | undefined;
  if (!global) throw new Error("Node's global undici dispatcher is not available");
  const AgentClass = global.constructor as new (options: { connect: { ca: string } }) => Agent;
  const dispatcher = new AgentClass({ connect: { ca: caCertPem } });
  const bound: Fetch = (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
  return { fetch: bound, close: () => dispatcher.close() };
}
