// `regiekamer controleer` (`check`): the pre-flight check of tenant mode, per gemeente, in words (or JSON).
// Exit 0 when every check passed (notes and checks by hand do not fail it), 1 when one failed, 2 for bad input or
// configuration (local mode, an invalid programme file). Prints no secret and no token.
import path from 'node:path';
import { loadProgrammeFile } from '../../../adapters/files/programme-file.ts';
import type { CheckResult, PreflightReport, Words } from '../../../app/preflight.ts';
import { t, type Lang } from '../../../domain/i18n.ts';
import { formatProblem } from '../../../domain/programme/parse.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export interface ControleerFlags {
  json?: boolean;
  lang?: string;
}

const MARK = { ok: '✓', fail: '✗', warn: '!', manual: '?' } as const;

/** One catalogue message with its nested messages worded in the same language. */
function words(w: Words, lang: Lang): string {
  const nested = Object.fromEntries(Object.entries(w.nested ?? {}).map(([k, key]) => [k, t(key, {}, lang)]));
  return t(w.key, { ...w.params, ...nested }, lang);
}

function checkLines(c: CheckResult, lang: Lang): string[] {
  const head = `  ${MARK[c.status]} ${t('controleer.check', { check: c.check }, lang)} [${t('controleer.status', { status: c.status }, lang)}]: ${words(c.what, lang)}`;
  return [
    head,
    ...(c.items ?? []).map((i) => `      - ${words(i, lang)}`),
    ...(c.fix ? [`      ${t('controleer.fix', { fix: words(c.fix, lang) }, lang)}`] : []),
  ];
}

function jsonCheck(c: CheckResult, lang: Lang) {
  return {
    check: c.check,
    status: c.status,
    message: words(c.what, lang),
    ...(c.fix ? { fix: words(c.fix, lang) } : {}),
    ...(c.items ? { items: c.items.map((i) => words(i, lang)) } : {}),
  };
}

function counts(report: PreflightReport) {
  const all = [...report.gemeenten.flatMap((g) => g.checks), ...report.deployment];
  return {
    ok: all.filter((c) => c.status === 'ok').length,
    fail: all.filter((c) => c.status === 'fail').length,
    warn: all.filter((c) => c.status === 'warn').length,
    manual: all.filter((c) => c.status === 'manual').length,
  };
}

/** The report in words: a block per gemeente, then the bot and package, then the result line. */
function writeText(io: CliIo, report: PreflightReport, header: string, lang: Lang): void {
  writeLine(io.stdout, header);
  for (const g of report.gemeenten) {
    writeLine(io.stdout, '');
    writeLine(
      io.stdout,
      t('controleer.gemeente', { name: g.name, tenantId: g.tenantId ?? '—', host: g.host ? 'yes' : 'no' }, lang),
    );
    for (const c of g.checks) for (const line of checkLines(c, lang)) writeLine(io.stdout, line);
  }
  writeLine(io.stdout, '');
  writeLine(io.stdout, t('controleer.deployment', {}, lang));
  for (const c of report.deployment) for (const line of checkLines(c, lang)) writeLine(io.stdout, line);
  writeLine(io.stdout, '');
  writeLine(io.stdout, t('controleer.summary', counts(report), lang));
}

/** Runs the check against the tenants of `config` (tenant mode only). */
export async function controleerCommand(
  io: CliIo,
  config: Config,
  flags: ControleerFlags,
  lang: Lang,
): Promise<number> {
  if (config.mode !== 'tenant') {
    writeLine(io.stderr, t('controleer.localMode', {}, lang));
    return EXIT.invalid;
  }
  const display = path.relative(io.cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) {
    for (const p of loaded.problems) writeLine(io.stderr, formatProblem(p, lang));
    return EXIT.invalid;
  }
  const programme = loaded.programme;
  const [{ connectGraph }, { preflightGraph }, { runPreflight }, { desiredState }, template] = await Promise.all([
    import('../../../adapters/graph/connect.ts'),
    import('../../../adapters/preflight/graph.ts'),
    import('../../../app/preflight.ts'),
    import('../../../domain/sync/desired.ts'),
    import('../../../adapters/teams-package/template.ts'),
  ]);
  const graph = await connectGraph(config);
  try {
    const report = await runPreflight(preflightGraph(graph.gateway, graph.tokens), {
      desired: desiredState(programme),
      // Organisaties with a tenant are checked like a gemeente's tenant; one without has its people as guests of the
      // host (docs/programmabestand.md, "Organisaties"), so it has no tenant of its own to check.
      gemeenten: [...programme.gemeenten, ...programme.organisaties.filter((o) => o.tenantId !== undefined)].map(
        (g) => ({
          id: g.id,
          name: g.name,
          tenantId: g.tenantId === undefined ? undefined : String(g.tenantId).toLowerCase(),
        }),
      ),
      clientId: config.graph.clientId ?? '',
      authorityHost: config.graph.authorityHost,
      deployment: {
        botId: config.botId,
        teamsAppId: config.teamsAppId,
        publicUrl: config.publicUrl,
        botTenantId: io.env.BOT_TENANT_ID?.trim() || undefined,
        placeholders: { botId: template.LOCAL_BOT_ID, teamsAppId: template.LOCAL_TEAMS_APP_ID },
      },
    });
    if (flags.json) {
      writeLine(
        io.stdout,
        JSON.stringify(
          {
            programme: programme.programme.id,
            passed: report.passed,
            summary: counts(report),
            gemeenten: report.gemeenten.map((g) => ({
              gemeente: g.gemeente,
              name: g.name,
              tenantId: g.tenantId ?? null,
              host: g.host,
              checks: g.checks.map((c) => jsonCheck(c, lang)),
            })),
            deployment: report.deployment.map((c) => jsonCheck(c, lang)),
          },
          null,
          2,
        ),
      );
    } else {
      const header = t(
        'controleer.header',
        {
          programme: programme.programme.name,
          graph: config.graph.baseUrl ?? '—',
          authority: config.graph.authorityHost,
        },
        lang,
      );
      writeText(io, report, header, lang);
    }
    return report.passed ? EXIT.ok : EXIT.failure;
  } finally {
    await graph.close();
  }
}
