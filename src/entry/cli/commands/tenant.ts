// `regiekamer tenant serve`: the local tenant (Graph, identity, Bot Connector) seeded from the programme,
// until Ctrl-C. Prints where it runs, the tenants and the local app credentials, and writes them to
// .regiekamer/local-tenant.json for the gateway.
import path from 'node:path';
import { loadProgrammeFile } from '../../../adapters/files/programme-file.ts';
import { both } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import type { Config } from '../../../platform/config.ts';
import { createLogger } from '../../../platform/logger.ts';
import { StateFileError, startLocalTenant, type IdentityFactory, type TenantSetup } from '@regiekamer/local-tenant';
import { localTenantApp, localTenantDirectory, localTenantSetup } from '../../server/local-tenant-data.ts';
import { botTenantOf } from '../../server/bot-tenant.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';
import { faultSetup, FaultFlagError, type TenantFaultFlags } from './tenant-faults.ts';
import { homes } from '../../../domain/programme/home.ts';

export interface TenantServeFlags extends TenantFaultFlags {
  port?: string;
  httpPort?: string;
  reset?: boolean;
  latency?: string;
  faults?: string;
  throttle?: string;
  seed?: string;
}

export interface TenantServeDeps {
  /** Stops the server when aborted (tests); Ctrl-C and SIGTERM always do. */
  signal?: AbortSignal;
  identity?: IdentityFactory;
  /** Faults of the tenants' configuration to seed over the correct one (tests; see localTenantSetup). */
  setup?: TenantSetup;
}

class FlagError extends Error {}

function intFlag(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
    throw new FlagError(both('cli.tenant.intFlag', { name, min: String(min), max: String(max) }));
  }
  return n;
}

function parseFlags(flags: TenantServeFlags) {
  const share = flags.faults === undefined ? undefined : Number(flags.faults);
  if (share !== undefined && (!Number.isFinite(share) || share < 0 || share > 1)) {
    throw new FlagError(both('cli.tenant.faultsFlag'));
  }
  const throttle = flags.throttle?.toLowerCase();
  if (throttle !== undefined && throttle !== 'on' && throttle !== 'off')
    throw new FlagError(both('cli.tenant.throttleFlag'));
  return {
    port: intFlag(flags.port, 'port', 0, 65535),
    httpPort: intFlag(flags.httpPort, 'http-port', 0, 65535),
    latency: intFlag(flags.latency, 'latency', 0, 600_000),
    seed: intFlag(flags.seed, 'seed', -(2 ** 31), 2 ** 32 - 1),
    // The share is split evenly between 429 (with Retry-After) and 503.
    share: share,
    throttling: throttle === undefined ? undefined : throttle === 'on',
  };
}

export async function tenantServeCommand(
  io: CliIo,
  config: Config,
  flags: TenantServeFlags,
  deps: TenantServeDeps = {},
): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(flags);
  } catch (err) {
    if (err instanceof FlagError) {
      writeLine(io.stderr, err.message);
      return EXIT.invalid;
    }
    throw err;
  }

  const display = path.relative(io.cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p, config.lang));
    writeLine(io.stderr, both('cli.tenant.programmeInvalid'));
    return EXIT.invalid;
  }
  const programme = loaded.programme;
  let faults: TenantSetup | undefined;
  try {
    faults = deps.setup ?? faultSetup(programme, flags);
  } catch (err) {
    if (!(err instanceof FaultFlagError)) throw err;
    writeLine(io.stderr, err.message);
    return EXIT.invalid;
  }

  const logger = createLogger(config.logLevel, io.stderr).child({ component: 'local-tenant' });
  const port = parsed.port ?? config.localTenant.port;
  const httpPort = parsed.httpPort ?? config.localTenant.httpPort;
  let tenant;
  try {
    const botTenantId = botTenantOf(config, programme);
    tenant = await startLocalTenant({
      directory: localTenantDirectory(programme),
      setup: localTenantSetup(programme, faults),
      app: localTenantApp(config.graph),
      // A single-tenant bot of the host tenant (BOT_TENANT_ID), as tenant mode expects (docs/identiteit.md).
      ...(botTenantId ? { botTenantId } : {}),
      dataDir: config.localTenant.dataDir,
      port,
      httpPort,
      reset: flags.reset === true,
      logger,
      faults: {
        ...(parsed.latency !== undefined ? { latencyMs: parsed.latency } : {}),
        ...(parsed.share !== undefined ? { share429: parsed.share / 2, share503: parsed.share / 2 } : {}),
        ...(parsed.throttling !== undefined ? { throttling: parsed.throttling } : {}),
        ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
      },
      ...(deps.identity ? { identity: deps.identity } : {}),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      writeLine(io.stderr, both('cli.tenant.portInUse', { port: String(port), httpPort: String(httpPort) }));
      return EXIT.failure;
    }
    if (err instanceof StateFileError) {
      writeLine(io.stderr, err.message);
      return EXIT.failure;
    }
    throw err;
  }

  const names = new Map(
    homes(programme)
      .filter((g) => g.tenantId)
      .map((g) => [String(g.tenantId).toLowerCase(), g.name]),
  );
  const f = tenant.faults();
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const lines = [
    both('cli.tenant.running'),
    `  Graph       ${tenant.baseUrl}/v1.0${tenant.httpUrl ? `   (${both('cli.tenant.also')} ${tenant.httpUrl}/v1.0)` : ''}`,
    `  Identiteit  ${tenant.baseUrl}/{tenant-id}/v2.0  (OpenID, JWKS, token)`,
    `  Bot         ${tenant.baseUrl}  (serviceUrl; /v3/conversations)`,
    '  Tenants',
    ...tenant.tenants.map((x) => `    ${x.id}  ${names.get(x.id) ?? x.displayName} (${x.domain})`),
    `  App         client id ${tenant.app.clientId}`,
    `              secret    ${tenant.app.clientSecret}`,
    `  CA          ${tenant.caCertPath ?? `(${both('cli.tenant.inMemory')})`}`,
    `  Gegevens    ${tenant.infoFile ?? `(${both('cli.tenant.notWritten')})`}`,
    `  Storingen   vertraging ${f.latencyMs} ms, 429 ${pct(f.share429)}, 503 ${pct(f.share503)}, limieten ${f.throttling ? 'aan' : 'uit'}` +
      `${f.seed !== undefined ? `, seed ${f.seed}` : ''} (wijzig: POST ${tenant.baseUrl}/_local/faults)`,
    '  Stoppen     Ctrl-C',
  ];
  // Listening before the summary is printed: a Ctrl-C that lands while printing still stops cleanly.
  const stopRequested = new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (deps.signal?.aborted) done();
    deps.signal?.addEventListener('abort', done, { once: true });
  });
  for (const line of lines) writeLine(io.stdout, line);

  await stopRequested;
  writeLine(io.stdout, both('cli.tenant.stopping'));
  await tenant.stop();
  writeLine(io.stdout, both('cli.stopped'));
  return EXIT.ok;
}
