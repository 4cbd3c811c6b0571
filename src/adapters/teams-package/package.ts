// Builds the Teams app package: fills manifest/ from the configured values, validates it, and writes the zip
// (manifest.json, icons and localization files at the zip's root, as Teams requires). Nothing is written when invalid.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { problem, type PackageProblem } from './problems.ts';
import { fillTemplate, placeholdersFor, type JsonObject, type PackageValues, type Placeholders } from './template.ts';
import { iconFiles, localizationFiles, validateTeamsPackage } from './validate.ts';

export interface BuildOptions {
  /** The folder holding manifest.json, its icons and localization files (the repository's manifest/). */
  manifestDir: string;
  values: PackageValues;
  /** Where to write the zip. */
  out: string;
}

export type BuildResult =
  | { ok: true; out: string; files: string[]; manifest: JsonObject; baseUrl: string; upgradedToHttps: boolean }
  | { ok: false; problems: PackageProblem[] };

// A fixed timestamp makes the same inputs give a byte-identical zip. Built from local time, with DOS timestamps only,
// because zip stores local wall-clock time: the bytes then do not depend on the machine's time zone either.
const ZIP_MTIME = new Date(2025, 0, 1, 0, 0, 0);

type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: PackageProblem };

// Files named by the manifest must stay inside the manifest folder: the zip has no room for `../`.
function insideDir(file: string): boolean {
  return !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

async function readPackageFile(dir: string, file: string): Promise<ReadResult> {
  if (!insideDir(file)) return { ok: false, problem: problem('package.file.missing', { file }) };
  try {
    return { ok: true, bytes: await readFile(path.join(dir, file)) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: problem('package.file.missing', { file }) };
    return { ok: false, problem: problem('package.file.unreadable', { file, reason: code ?? String(err) }) };
  }
}

async function readJsonTemplate(
  dir: string,
  file: string,
  placeholders: Placeholders,
): Promise<{ json?: JsonObject; problems: PackageProblem[] }> {
  const read = await readPackageFile(dir, file);
  if (!read.ok) return { problems: [read.problem] };
  const filled = fillTemplate(read.bytes.toString('utf8'), placeholders, file);
  return filled.ok ? { json: filled.json, problems: [] } : { problems: filled.problems };
}

function unique(problems: PackageProblem[]): PackageProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = JSON.stringify([p.key, p.params]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function zipEntries(entries: ReadonlyMap<string, Uint8Array>): ZipFile {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) {
    zip.addBuffer(Buffer.from(bytes), name, { mtime: ZIP_MTIME, mode: 0o100644, forceDosTimestamp: true });
  }
  zip.end();
  return zip;
}

async function writeZip(out: string, entries: ReadonlyMap<string, Uint8Array>): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  // Write beside the target and rename, so a failed run never leaves a half-written package behind.
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await pipeline(zipEntries(entries).outputStream, createWriteStream(tmp));
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Fills, validates and (when valid) writes the package. I/O failures while writing are thrown. */
export async function buildTeamsPackage(options: BuildOptions): Promise<BuildResult> {
  const { manifestDir, out } = options;
  const filled = placeholdersFor(options.values);
  if (!filled.ok) return { ok: false, problems: [filled.problem] };

  const { json: manifest, problems } = await readJsonTemplate(manifestDir, 'manifest.json', filled.placeholders);
  if (!manifest) return { ok: false, problems };

  const localizations = new Map<string, JsonObject>();
  for (const file of localizationFiles(manifest)) {
    const read = await readJsonTemplate(manifestDir, file, filled.placeholders);
    problems.push(...read.problems);
    if (read.json) localizations.set(file, read.json);
  }
  const icons = new Map<string, Uint8Array>();
  for (const { file } of iconFiles(manifest)) {
    const read = await readPackageFile(manifestDir, file);
    if (read.ok) icons.set(file, read.bytes);
    else problems.push(read.problem);
  }

  problems.push(...(await validateTeamsPackage({ manifest, localizations, icons })));
  if (problems.length > 0) return { ok: false, problems: unique(problems) };

  const entries = new Map<string, Uint8Array>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);
  for (const [file, bytes] of icons) entries.set(file, bytes);
  for (const [file, json] of localizations) entries.set(file, Buffer.from(`${JSON.stringify(json, null, 2)}\n`));
  await writeZip(out, entries);
  return {
    ok: true,
    out,
    files: [...entries.keys()],
    manifest,
    baseUrl: filled.placeholders.PUBLIC_BASE_URL,
    upgradedToHttps: filled.upgradedToHttps,
  };
}
