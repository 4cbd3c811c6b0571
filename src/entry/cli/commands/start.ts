// `regiekamer start` (npm start): the whole local stack on embedded defaults, until Ctrl-C.
import { both, t } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import { systemClock } from '../../../platform/clock.ts';
import type { Config } from '../../../platform/config.ts';
import { createLogger } from '../../../platform/logger.ts';
import { ProgrammeInvalidError, startStack } from '../../server/stack.ts';
import { after, STOP_BOUND_MS, stopWithin } from '../../server/stopping.ts';
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
      writeLine(io.stderr, both('cli.start.programmeInvalid'));
      return EXIT.invalid;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      writeLine(io.stderr, both('cli.start.portInUse', { port: String(config.port) }));
      return EXIT.failure;
    }
    throw err;
  }

  const p = stack.programme;
  const lang = config.lang;
  const lines = [
    // The mode first, so nobody mistakes a local stack for the real tenants or the other way round.
    both(config.mode === 'local' ? 'cli.start.running' : 'cli.start.runningTenant'),
    t(
      'cli.start.programme',
      {
        name: p.programme.name,
        gemeenten: p.gemeenten.length,
        werkgroepen: p.bodies.filter((b) => b.kind === 'werkgroep').length,
        source: stack.version.sourcePath,
        version: stack.version.id,
        changed: stack.programmeChanged ? 'yes' : 'no',
      },
      lang,
    ),
    t('cli.start.store', { backend: stack.store.backend, location: stack.store.location }, lang),
    t('cli.start.server', { url: stack.url }, lang),
    ...(stack.localTenant
      ? [
          t(
            'cli.start.tenant',
            {
              tenants: stack.localTenant.tenants,
              url: stack.localTenant.baseUrl,
              also: stack.localTenant.httpUrl
                ? t('cli.start.tenantAlso', { url: stack.localTenant.httpUrl }, lang)
                : '',
              info: stack.localTenant.infoFile
                ? t('cli.start.tenantInfo', { file: stack.localTenant.infoFile }, lang)
                : '',
            },
            lang,
          ),
        ]
      : []),
    ...(config.mode === 'tenant'
      ? [
          t(
            'cli.start.tenants',
            {
              count: p.gemeenten.filter((g) => g.tenantId).length,
              graph: config.graph.baseUrl ?? '',
              authority: config.graph.authorityHost,
              extraCa: config.extraCaPem ? 'yes' : 'no',
            },
            lang,
          ),
        ]
      : []),
    `  Tab        ${stack.url}/tab`,
    `  Bot        ${stack.url}/api/messages${stack.playgroundUrl ? `  — Agents Playground: ${stack.playgroundUrl}` : ''}`,
    ...stack.changesSinceLast.map(
      (line, i) => `${i === 0 ? t('cli.start.changed', {}, lang) : '             '}${line}`,
    ),
    t('cli.start.stop', {}, lang),
  ];
  for (const line of lines) writeLine(io.stdout, line);
  void stack.firstSync.then((o) => {
    writeLine(
      io.stdout,
      o.ok
        ? t('cli.start.syncDone', { ...o.summary, drift: o.drift }, lang)
        : `  Sync       ${both('cli.start.syncFailed')}: ${o.error}`,
    );
  });

  await stopRequested;
  unlisten();
  writeLine(io.stdout, both('cli.start.stopping'));
  // Bounded: a step that hangs (a dependency that does not answer) is named, and the process exits non-zero.
  const outcome = await stopWithin((onStep) => stack.stop(onStep), after(STOP_BOUND_MS));
  if (!outcome.stopped) {
    writeLine(io.stderr, both('cli.stop.timeout', { seconds: STOP_BOUND_MS / 1000, step: outcome.waitingFor }));
    return EXIT.failure;
  }
  writeLine(io.stdout, both('cli.stopped'));
  return EXIT.ok;
}
