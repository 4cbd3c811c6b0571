// The runtime of a started local tenant: its state (loaded, reset or seeded; saved debounced), fault injector,
// throttler, request recorder, Bot Connector and route tables, shared by request handling, $batch, the /_local
// controls and start/stop.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Router } from 'express';
import type { BotConnector } from './botconnector.ts';
import type { Clock, LocalTenantState, TenantContext, TenantLogger } from './core.ts';
import type { FaultInjector } from './faults.ts';
import { loadState, StateSaver } from './persistence.ts';
import type { RouteTable } from './routing.ts';
import { seedState } from './seed.ts';
import type { RequestRecorder } from './stats.ts';
import type { Throttler } from './throttle.ts';
import type { IdentityProvider, LocalTenantOptions } from './server-types.ts';

/** A started local tenant's parts. identity, identityRouter, baseUrl and httpUrl are set once the servers listen. */
export interface TenantRuntime {
  options: LocalTenantOptions;
  clock: Clock;
  logger: TenantLogger | undefined;
  /** Waits the injected latency (options.sleep in tests). */
  sleep: (ms: number) => Promise<void>;
  /** Items per page when the caller gives no $top. */
  pageSize: number;
  state: LocalTenantState;
  saver: StateSaver;
  faults: FaultInjector;
  throttler: Throttler;
  recorder: RequestRecorder;
  bot: BotConnector;
  graphRoutes: RouteTable;
  botRoutes: RouteTable;
  identity: IdentityProvider | undefined;
  identityRouter: Router | undefined;
  baseUrl: string;
  httpUrl: string | null;
}

/**
 * The state a local tenant starts with: state.json of dataDir (unless reset, which keeps only the apps), then seeded
 * from the directory — seeding only adds what is missing. Throws if state.json is unreadable (StateFileError) or no
 * app is registered.
 */
export async function loadTenantState(
  options: LocalTenantOptions,
  clock: Clock,
  dataDir: string | undefined,
): Promise<{ state: LocalTenantState; app0: LocalTenantState['apps'][number]; saver: StateSaver }> {
  const logger = options.logger;
  // State: loaded (unless reset), then seeded from the directory — seeding only adds what is missing.
  const stateFile = dataDir ? path.join(dataDir, 'state.json') : undefined;
  let previous: LocalTenantState | undefined;
  if (stateFile) {
    if (options.reset) {
      // Keep the app credentials over a reset, so configured clients keep working.
      const old = await loadState(stateFile).catch((err: unknown) => {
        logger?.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'old local tenant state unreadable; starting clean',
        );
        return undefined;
      });
      previous = old ? { version: 1, tenants: {}, apps: old.apps } : undefined;
    } else {
      previous = await loadState(stateFile);
    }
  }
  const seeded = seedState(previous, options.directory, { now: clock.now(), app: options.app });
  const state = seeded.state;
  const app0 = state.apps.find((a) => a.clientId === options.app?.clientId) ?? state.apps[0];
  if (!app0) throw new Error('no app registered in the local tenant state');
  const saver = new StateSaver(
    stateFile,
    () => state,
    options.saveDebounceMs ?? 250,
    (err) => {
      logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'saving local tenant state failed');
    },
  );
  if (seeded.changed || options.reset) saver.changed();
  return { state, app0, saver };
}

/** What a handler may use for one request: the state, time, ids, ETags and this server's base URL. */
export function tenantContext(rt: TenantRuntime, base: string): TenantContext {
  const { state, clock, saver } = rt;
  return {
    state,
    clock,
    baseUrl: base,
    newId: (prefix?: string) => (prefix ? `${prefix}${randomUUID().replaceAll('-', '')}` : randomUUID()),
    newEtag: () => `W/"${randomBytes(18).toString('base64')}"`,
    changed: () => saver.changed(),
  };
}
