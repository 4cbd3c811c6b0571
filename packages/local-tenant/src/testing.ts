// Test support for the local tenant (`@regiekamer/local-tenant/testing`): a stand-in token verifier, a settable
// clock, a small directory with three tenants and a started tenant with a fetch that trusts its CA. For tests only:
// the build leaves it out.
import path from 'node:path';
import express from 'express';
import { GraphHttpError, type Clock } from './core.ts';
import type { TenantDirectory } from './seed.ts';
import {
  TENANT_IN_MEMORY,
  startLocalTenant,
  type IdentityFactory,
  type LocalTenantHandle,
  type LocalTenantOptions,
} from './server.ts';
import { trustingFetch } from './trust.ts';

/**
 * Accepts `Bearer test.<tenantId>.<appId>[.<userId>]` — for tests of the server around the handlers, where
 * real tokens (identity.ts) would only add noise. Anything else is a 401 like Graph's.
 */
export const testIdentity: IdentityFactory = async () => {
  const verify = async (header?: string) => {
    const m = /^Bearer test\.([0-9a-f-]+)\.([0-9a-f-]+)(?:\.([0-9a-f-]+))?$/i.exec(header ?? '');
    if (!m?.[1] || !m[2])
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    return { tenantId: m[1].toLowerCase(), appId: m[2], roles: [], ...(m[3] ? { userId: m[3] } : {}) };
  };
  return { router: () => express.Router(), verifyGraphToken: verify };
};

export function testToken(tenantId: string, appId = '00000000-0000-4000-8000-00000000a001'): string {
  return `Bearer test.${tenantId}.${appId}`;
}

type Fetch = typeof fetch;

/**
 * The Graph v1.0 subset (OpenAPI, Microsoft's schemas) that the repository's client declares it uses; tests check that
 * the emulator's answers use only its property names. A data file of the repository, read by tests only.
 */
export const GRAPH_CONTRACT = path.resolve(
  import.meta.dirname,
  '../../../src/adapters/graph/contract/graph-v1.0-subset.yaml',
);

/** A clock tests set and move. */
export class FixedClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  /** Moves the clock on by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
}

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';
export const TENANT_C = '33333333-3333-4333-8333-333333333333';

/** The organizer mailbox of testDirectory() (in TENANT_A). */
export const TEST_ORGANIZER = 'organizer@alfa.example';

/** Three tenants (Alfa with the organizer mailbox), each with a few people, colleagues and a disabled account; all fictional. */
export function testDirectory(): TenantDirectory {
  const person = (upn: string, displayName: string, jobTitle?: string, mail?: string) => ({
    userPrincipalName: upn,
    mail: mail ?? upn,
    displayName,
    ...(jobTitle ? { jobTitle } : {}),
  });
  const disabled = (domain: string) => ({
    userPrincipalName: `oud-account@${domain}`,
    displayName: 'Oud Account',
    accountEnabled: false,
    jobTitle: 'Uit dienst',
  });
  return {
    tenants: [
      {
        id: TENANT_A,
        domain: 'alfa.example',
        displayName: 'Alfa',
        users: [
          person('anna@alfa.example', 'Anna Alfa'),
          person('cor@alfa.example', 'Cor Alfa'),
          person('dirk@alfa.example', 'Dirk Alfa'),
          person('femke.verhoef@alfa.example', 'Femke Verhoef', 'Beleidsmedewerker'),
          person('joost.bosman@alfa.example', 'Joost Bosman', 'Adviseur bedrijfsvoering'),
          person('ilse.mulder@alfa.example', 'Ilse Mulder', 'Teamleider'),
          disabled('alfa.example'),
          person(TEST_ORGANIZER, 'Organizer mailbox', 'Organisatorpostvak'),
        ],
      },
      {
        id: TENANT_B,
        domain: 'beta.example',
        displayName: 'Beta',
        users: [
          person('bram@beta.example', 'Bram Beta', undefined, 'b.beta@beta.example'),
          person('daan.hendriks@beta.example', 'Daan Hendriks', 'Beleidsmedewerker'),
          person('lotte.verhoef@beta.example', 'Lotte Verhoef', 'Adviseur bedrijfsvoering'),
          person('thijs.bosman@beta.example', 'Thijs Bosman', 'Teamleider'),
          person('esmee.mulder@beta.example', 'Esmee Mulder', 'Juridisch adviseur'),
          disabled('beta.example'),
        ],
      },
      {
        id: TENANT_C,
        domain: 'gamma.example',
        displayName: 'Gamma',
        users: [
          person('gert@gamma.example', 'Gert Gamma'),
          person('koen.kok@gamma.example', 'Koen Kok', 'Beleidsmedewerker'),
          person('iris.hendriks@gamma.example', 'Iris Hendriks', 'Adviseur bedrijfsvoering'),
          person('fleur.verhoef@gamma.example', 'Fleur Verhoef', 'Teamleider'),
          person('bas.bosman@gamma.example', 'Bas Bosman', 'Juridisch adviseur'),
          person('femke.mulder@gamma.example', 'Femke Mulder', 'Medewerker KCC'),
          disabled('gamma.example'),
        ],
      },
    ],
  };
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
  graph(
    tenantId: string,
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestCallResult>;
  /** Any call on the server (a path from the root), with an optional bearer header. */
  call(method: string, pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<TestCallResult>;
  close(): Promise<void>;
}

/** Starts a local tenant on free ports with the test directory and test identity, plus a trusting fetch. */
export async function startTestTenant(options: Partial<LocalTenantOptions> = {}): Promise<TestTenant> {
  const handle = await startLocalTenant({
    directory: testDirectory(),
    dataDir: TENANT_IN_MEMORY,
    identity: testIdentity,
    ...options,
  });
  const trusted = await trustingFetch(handle.caCertPem);
  const call = async (
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestCallResult> => {
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${handle.baseUrl}${pathOrUrl}`;
    const init: RequestInit = {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await trusted.fetch(url, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as TestCallResult['body']) : {} };
  };
  return {
    handle,
    fetch: trusted.fetch,
    call,
    graph: (tenantId, method, pathOrUrl, body, headers = {}) =>
      call(method, /^https?:/.test(pathOrUrl) ? pathOrUrl : `/v1.0${pathOrUrl}`, body, {
        Authorization: testToken(tenantId),
        ...headers,
      }),
    close: async () => {
      await handle.stop();
      await trusted.close();
    },
  };
}
