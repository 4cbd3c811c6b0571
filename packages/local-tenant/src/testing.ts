// Test support for the local tenant: a stand-in token verifier, a fetch that trusts exactly the local CA,
// and a small programme with three tenants. Used by tests only; nothing in the product imports it.
import express from 'express';
import type { Agent } from 'undici-types';
import { ProgrammeSchema, type Programme } from '../../../src/domain/programme/schema.ts';
import { GraphHttpError } from './core.ts';
import { TENANT_IN_MEMORY, startLocalTenant, type IdentityFactory, type LocalTenantHandle, type LocalTenantOptions } from './server.ts';

/**
 * Accepts `Bearer test.<tenantId>.<appId>[.<userId>]` — for tests of the server around the handlers, where
 * real tokens (identity.ts) would only add noise. Anything else is a 401 like Graph's.
 */
export const testIdentity: IdentityFactory = async () => {
  const verify = async (header?: string) => {
    const m = /^Bearer test\.([0-9a-f-]+)\.([0-9a-f-]+)(?:\.([0-9a-f-]+))?$/i.exec(header ?? '');
    if (!m?.[1] || !m[2]) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    return { tenantId: m[1].toLowerCase(), appId: m[2], roles: [], ...(m[3] ? { userId: m[3] } : {}) };
  };
  return { router: () => express.Router(), verifyGraphToken: verify };
};

export function testToken(tenantId: string, appId = '00000000-0000-4000-8000-00000000a001'): string {
  return `Bearer test.${tenantId}.${appId}`;
}

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

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';
export const TENANT_C = '33333333-3333-4333-8333-333333333333';

/** Three gemeenten with tenants (Alfa hosts) and one without a tenant id; all people fictional. */
export function testProgramme(): Programme {
  return ProgrammeSchema.parse({
    version: 1,
    programme: { id: 'proef', name: 'Proefprogramma', organizer: 'regiekamer@alfa.example', team: { name: 'Proefteam', owners: ['anna'] } },
    gemeenten: [
      { id: 'alfa', name: 'Alfa', tenantId: TENANT_A, domain: 'alfa.example', host: true },
      { id: 'beta', name: 'Beta', tenantId: TENANT_B, domain: 'beta.example' },
      { id: 'gamma', name: 'Gamma', tenantId: TENANT_C, domain: 'gamma.example' },
      { id: 'delta', name: 'Delta', domain: 'delta.example' },
    ],
    people: [
      { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', roles: ['projectleider'], hoursPerWeek: 24 },
      { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
      { id: 'dirk', name: 'Dirk Alfa', upn: 'dirk@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
      { id: 'bram', name: 'Bram Beta', upn: 'bram@beta.example', email: 'b.beta@beta.example', gemeente: 'beta', roles: ['trekker'], hoursPerWeek: 8 },
      { id: 'gert', name: 'Gert Gamma', upn: 'gert@gamma.example', gemeente: 'gamma', hoursPerWeek: 8 },
      { id: 'dora', name: 'Dora Delta', upn: 'dora@delta.example', gemeente: 'delta', hoursPerWeek: 8 },
    ],
    bodies: [{ id: 'regiegroep', kind: 'regiegroep', name: 'Regiegroep', members: ['anna', 'bram'] }],
  });
}

export interface TestCallResult {
  status: number;
  headers: Headers;
  // Test code reads answers loosely; the assertions say what must be there.
  body: Record<string, unknown> & { value?: Record<string, unknown>[] };
}

export interface TestTenant {
  handle: LocalTenantHandle;
  fetch: Fetch;
  /** A Graph call in one tenant: path below /v1.0 (or an absolute URL such as a nextLink). */
  graph(tenantId: string, method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<TestCallResult>;
  /** Any call on the server (a path from the root), with an optional bearer header. */
  call(method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<TestCallResult>;
  close(): Promise<void>;
}

/** Starts a local tenant on free ports with the test programme and test identity, plus a trusting fetch. */
export async function startTestTenant(options: Partial<LocalTenantOptions> = {}): Promise<TestTenant> {
  const handle = await startLocalTenant({ programme: testProgramme(), dataDir: TENANT_IN_MEMORY, identity: testIdentity, ...options });
  const trusted = await trustingFetch(handle.caCertPem);
  const call = async (method: string, pathOrUrl: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestCallResult> => {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${handle.baseUrl}${pathOrUrl}`;
    const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await trusted.fetch(url, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) as TestCallResult['body'] : {} };
  };
  return {
    handle,
    fetch: trusted.fetch,
    call,
    graph: (tenantId, method, pathOrUrl, body, headers = {}) => call(method, /^https?:/.test(pathOrUrl) ? pathOrUrl : `/v1.0${pathOrUrl}`, body, { Authorization: testToken(tenantId), ...headers }),
    close: async () => {
      await handle.stop();
      await trusted.close();
    },
  };
}
