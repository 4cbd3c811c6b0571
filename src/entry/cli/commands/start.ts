// `regiekamer start` (npm start): the whole local stack on embedded defaults, until Ctrl-C.
import { formatProblem } from '../../../domain/programme/parse.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import { createLogger } from '../../../platform/logger.ts';
import { ProgrammeInvalidError, startStack } from '../../server/stack.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export async function startCommand(io: CliIo, config: Config, signal?: AbortSignal): Promise<number> {
  const logger = createLogger(config.logLevel, io.stderr);
  // Listen for Ctrl-C before anything starts: a signal that came while starting (or between printing the
  // summary and waiting) would otherwise kill the process with its default action, skipping the clean stop.
  let done: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    done = () => resolve();
  });
  process.once('SIGINT', done);
  process.once('SIGTERM', done);
  signal?.addEventListener('abort', done, { once: true });
  const unlisten = () => {
    process.off('SIGINT', done);
    process.off('SIGTERM', done);
  };
  let stack;
  try {
    stack = await startStack(config, systemClock, logger, io.cwd);
  } catch (err) {
    unlisten();
    if (err instanceof ProgrammeInvalidError) {
      for (const p of err.problems) writeLine(io.stderr, formatProblem(p, config.lang));
      writeLine(io.stderr, 'Regiekamer start niet: los eerst de problemen in het programmabestand op. / Fix the programme file first.');
      return EXIT.invalid;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      writeLine(io.stderr, `Poort ${config.port} is al in gebruik; kies een andere met PORT=… / port ${config.port} is in use; set PORT=…`);
      return EXIT.failure;
    }
    throw err;
  }

  const p = stack.programme;
  const lines = [
    // The mode first, so nobody mistakes a local stack for the real tenants or the other way round.
    config.mode === 'local'
      ? 'Regiekamer draait (lokale modus) / Regiekamer is running (local mode)'
      : 'Regiekamer draait (tenantmodus) / Regiekamer is running (tenant mode)',
    `  Programma  ${p.programme.name} — ${p.gemeenten.length} gemeenten, ${p.bodies.filter((b) => b.kind === 'werkgroep').length} werkgroepen`
      + ` (${stack.version.sourcePath}, versie ${stack.version.id}${stack.programmeChanged ? ', nieuw sinds vorige start' : ', ongewijzigd'})`,
    `  Opslag     ${stack.store.backend === 'pglite' ? 'PGlite (ingebouwd)' : 'PostgreSQL-server'}: ${stack.store.location}`,
    `  Server     ${stack.url}  (gezondheid: ${stack.url}/healthz, gereed: ${stack.url}/readyz)`,
    ...(stack.localTenant ? [
      `  Tenant     lokale tenant (${stack.localTenant.tenants} tenants): ${stack.localTenant.baseUrl}`
        + `${stack.localTenant.httpUrl ? ` en ${stack.localTenant.httpUrl}` : ''}${stack.localTenant.infoFile ? ` — gegevens in ${stack.localTenant.infoFile}` : ''}`,
    ] : []),
    ...(config.mode === 'tenant' ? [
      `  Tenants    ${p.gemeenten.filter((g) => g.tenantId).length} tenants via Graph ${config.graph.baseUrl ?? ''}, aanmelden bij ${config.graph.authorityHost}`
        + `${config.extraCaPem ? ' (met extra CA uit EXTRA_CA_FILE)' : ''}`,
    ] : []),
    `  Tab        ${stack.url}/tab`,
    `  Bot        ${stack.url}/api/messages${stack.playgroundUrl ? `  — Agents Playground: ${stack.playgroundUrl}` : ''}`,
    ...stack.changesSinceLast.map((line, i) => `${i === 0 ? '  Gewijzigd  ' : '             '}${line}`),
    '  Stoppen    Ctrl-C',
  ];
  for (const line of lines) writeLine(io.stdout, line);
  void stack.firstSync.then((o) => {
    writeLine(io.stdout, o.ok
      ? `  Sync       ${o.summary.created} gemaakt, ${o.summary.updated} bijgewerkt, ${o.summary.unchanged} ongewijzigd, ${o.summary.skipped} overgeslagen, ${o.summary.failed} mislukt; ${o.drift} afwijking(en)`
      : `  Sync       mislukt / failed: ${o.error}`);
  });

  await stopRequested;
  unlisten();
  writeLine(io.stdout, 'Regiekamer stopt… / stopping…');
  await stack.stop();
  writeLine(io.stdout, 'Gestopt. / Stopped.');
  return EXIT.ok;
}
