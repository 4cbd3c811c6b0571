// `regiekamer package [--out FILE]`: builds the Teams app package (default dist/regiekamer.zip) from manifest/.
// Exit 0 when written, 2 with every problem when the manifest is invalid, 1 when the file cannot be written.
// In tenant mode (REGIEKAMER_MODE=tenant) it refuses, with exit 2 and nothing written, a package with a made-up or
// missing id or a PUBLIC_URL Teams cannot reach (http, localhost, an IP address): such a package uploads but fails.
import path from 'node:path';
import { both, t } from '../../../domain/i18n.ts';
import { buildTeamsPackage } from '../../../adapters/teams-package/package.ts';
import { productionProblems } from '../../../adapters/teams-package/production.ts';
import { describeProblem } from '../../../adapters/teams-package/problems.ts';
import { LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../../../adapters/teams-package/template.ts';
import { MANIFEST_VERSION } from '../../../adapters/teams-package/validate.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export async function packageCommand(io: CliIo, config: Config, out: string): Promise<number> {
  const lang = config.lang;
  const target = path.resolve(io.cwd, out);
  const relative = path.relative(io.cwd, target);
  const display = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : target;

  if (config.mode === 'tenant') {
    const problems = productionProblems({
      teamsAppId: config.teamsAppId,
      botId: config.botId,
      ssoAppId: config.graph.clientId,
      publicUrl: config.publicUrl,
    });
    if (problems.length > 0) {
      // Bilingual: this is read by whoever runs the deployment, whatever REGIEKAMER_LANG says.
      for (const p of problems) writeLine(io.stderr, both(p.key, p.params));
      writeLine(io.stderr, both('package.production.refused', { count: problems.length }));
      return EXIT.invalid;
    }
  }

  // Local mode: without registered ids the package still builds (for checking and local tools), with made-up ids.
  const missing = [
    ...(config.teamsAppId ? [] : [{ name: 'TEAMS_APP_ID', id: LOCAL_TEAMS_APP_ID }]),
    ...(config.botId ? [] : [{ name: 'BOT_ID', id: LOCAL_BOT_ID }]),
  ];
  if (missing.length > 0) {
    writeLine(
      io.stdout,
      t(
        'package.localIds',
        {
          names: missing.map((m) => m.name).join(', '),
          ids: missing.map((m) => `${m.name}=${m.id}`).join(', '),
        },
        lang,
      ),
    );
  }

  let result: Awaited<ReturnType<typeof buildTeamsPackage>>;
  try {
    result = await buildTeamsPackage({
      // The manifest folder ships with the code, so it is found from this file, not from the working directory.
      manifestDir: path.resolve(import.meta.dirname, '../../../../manifest'),
      values: {
        teamsAppId: config.teamsAppId ?? LOCAL_TEAMS_APP_ID,
        botId: config.botId ?? LOCAL_BOT_ID,
        // The tab's SSO app is the multi-tenant app registration (docs/identiteit.md); locally the bot's id stands in.
        ssoAppId: config.graph.clientId ?? config.botId ?? LOCAL_BOT_ID,
        publicUrl: config.publicUrl,
      },
      out: target,
    });
  } catch (err) {
    writeLine(io.stderr, t('package.failed', { reason: err instanceof Error ? err.message : String(err) }, lang));
    return EXIT.failure;
  }

  if (!result.ok) {
    for (const p of result.problems) writeLine(io.stdout, describeProblem(p, lang));
    writeLine(io.stderr, t('package.invalid', { count: result.problems.length }, lang));
    return EXIT.invalid;
  }
  if (result.upgradedToHttps) writeLine(io.stdout, t('package.https', { url: result.baseUrl }, lang));
  writeLine(io.stdout, t('package.valid', { version: MANIFEST_VERSION }, lang));
  writeLine(io.stdout, t('package.written', { out: display, files: result.files.join(', ') }, lang));
  return EXIT.ok;
}
