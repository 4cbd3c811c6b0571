// `regiekamer validate [FILE]`: exit 0 with a one-line summary (after any warnings), or exit 2 with every problem
// as FILE:LINE:COL.
import path from 'node:path';
import { loadProgrammeFile } from '../../../adapters/files/programme-file.ts';
import { t, type Lang } from '../../../domain/i18n.ts';
import { formatProblem, problemMessage, type Problem } from '../../../domain/programme/parse.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export async function validateCommand(io: CliIo, file: string, lang: Lang, json: boolean): Promise<number> {
  const display = path.isAbsolute(file) ? path.relative(io.cwd, file) || file : file;
  const result = await loadProgrammeFile(path.resolve(io.cwd, file), display);
  const asJson = (p: Problem) => ({
    line: p.line,
    col: p.col,
    code: p.key,
    path: p.path,
    message: problemMessage(p, lang),
  });
  const warnings = result.warnings ?? [];
  if (json) {
    const payload = result.ok
      ? { valid: true, file: display, hash: result.hash, warnings: warnings.map(asJson) }
      : { valid: false, file: display, problems: result.problems.map(asJson), warnings: warnings.map(asJson) };
    writeLine(io.stdout, JSON.stringify(payload, null, 2));
    return result.ok ? EXIT.ok : EXIT.invalid;
  }
  // Warnings: accepted, but probably not meant (exit 0 when there is nothing else).
  for (const warning of warnings) writeLine(io.stdout, formatProblem(warning, lang));
  if (!result.ok) {
    for (const problem of result.problems) writeLine(io.stdout, formatProblem(problem, lang));
    writeLine(io.stderr, t('validate.failed', { file: display, count: result.problems.length }, lang));
    return EXIT.invalid;
  }
  const p = result.programme;
  writeLine(
    io.stdout,
    t(
      'validate.ok',
      {
        file: display,
        name: p.programme.name,
        gemeenten: p.gemeenten.length,
        people: p.people.length,
        bodies: p.bodies.length,
        werkgroepen: p.bodies.filter((b) => b.kind === 'werkgroep').length,
        cadences: p.cadences.length,
      },
      lang,
    ),
  );
  return EXIT.ok;
}
