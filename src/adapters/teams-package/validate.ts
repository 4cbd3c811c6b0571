// Validates a filled Teams manifest, its localization files and icons offline, against the official v1.30 schemas
// bundled in @microsoft/app-manifest, plus the cross-file checks a schema cannot express. Nothing is downloaded.
//
// Why not AppManifestUtils.validateAgainstSchema itself: @microsoft/app-manifest 1.1.2 (also the latest) requires
// `fs-extra` at load time but declares it only as a devDependency, so importing the package fails with
// "Cannot find module 'fs-extra'". We therefore use its bundled schema files with the same validator and options it
// uses (ajv-draft-04, allErrors, strictTypes off, ajv-formats uri/email/regex), passing the schema in ourselves so that
// no `$schema` URL is ever fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { readPngSize } from './png.ts';
import { problem, type PackageProblem } from './problems.ts';
import { isJsonObject, type JsonObject } from './template.ts';

export const MANIFEST_VERSION = '1.30';
const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/** Pixel sizes Teams requires for each icon property of the manifest. */
const ICON_SIZES: Readonly<Record<string, number>> = { color: 192, outline: 32, color32x32: 32 };

type SchemaFile = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

/** The schema file as shipped in the installed @microsoft/app-manifest package. */
export function bundledSchemaPath(file: SchemaFile, version = MANIFEST_VERSION): string {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams', `v${version}`, file);
}

export interface PackageContent {
  manifest: unknown;
  /** Localization files by their path in the package. */
  localizations: ReadonlyMap<string, unknown>;
  /** Icon files by their path in the package. */
  icons: ReadonlyMap<string, Uint8Array>;
}

let validators: { manifest: ValidateFunction; localization: ValidateFunction } | undefined;

function compile(file: SchemaFile, unicodeRegExp: boolean): ValidateFunction {
  const Ajv04 = ajvDraft04.default;
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp });
  ajvFormats.default(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(JSON.parse(readFileSync(bundledSchemaPath(file), 'utf8')));
}

function schemaValidators(): { manifest: ValidateFunction; localization: ValidateFunction } {
  // The localization schema's patterns contain `\b]`, which is not a valid regular expression in Unicode mode, so
  // Ajv's default (`u` flag) cannot compile it; without the flag the patterns mean what their authors intended.
  validators ??= {
    manifest: compile('MicrosoftTeams.schema.json', true),
    localization: compile('MicrosoftTeams.Localization.schema.json', false),
  };
  return validators;
}

function describeSchemaError(e: ErrorObject): string {
  const message = e.message ?? e.keyword;
  if (e.keyword === 'additionalProperties') return `${message}: '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `${message}: ${JSON.stringify(e.params.allowedValues)}`;
  if (e.keyword === 'const') return `${message}: ${JSON.stringify(e.params.allowedValue)}`;
  return message;
}

function schemaProblems(validate: ValidateFunction, value: unknown, file: string): PackageProblem[] {
  // Validate a JSON round-trip, as the package does: what is checked is exactly what ends up in the zip.
  if (validate(JSON.parse(JSON.stringify(value)))) return [];
  return (validate.errors ?? []).map((e) =>
    problem('package.schema', { file, path: e.instancePath || '/', detail: describeSchemaError(e) }),
  );
}

// Accepts the locale-prefixed form too (…microsoft.com/en-us/json-schemas/…), as the package does.
function sameSchemaUrl(actual: unknown, expected: string): boolean {
  return (
    typeof actual === 'string' &&
    actual.replace(/^(https:\/\/developer\.microsoft\.com)\/[a-z]{2}(?:-[a-z]{2})?\//i, '$1/') === expected
  );
}

/** A localization key such as `bots[0].commandLists[2].commands[4].title` as a path of property names and indexes. */
function keyPath(key: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const segment of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match) return [];
    parts.push(match[1] ?? '');
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

function valueAt(root: unknown, parts: (string | number)[]): unknown {
  let node = root;
  for (const part of parts) {
    if (typeof part === 'number') node = Array.isArray(node) ? node[part] : undefined;
    else node = isJsonObject(node) ? node[part] : undefined;
  }
  return node;
}

function arrayAt(root: unknown, ...parts: (string | number)[]): unknown[] {
  const value = valueAt(root, parts);
  return Array.isArray(value) ? value : [];
}

/** Every string of the manifest that an additional language must translate, as localization keys. */
export function localizableKeys(manifest: JsonObject): string[] {
  const keys = ['name.short', 'name.full', 'description.short', 'description.full'];
  arrayAt(manifest, 'staticTabs').forEach((_, i) => keys.push(`staticTabs[${i}].name`));
  arrayAt(manifest, 'bots', 0, 'commandLists').forEach((_, i) => {
    arrayAt(manifest, 'bots', 0, 'commandLists', i, 'commands').forEach((_c, j) => {
      keys.push(
        `bots[0].commandLists[${i}].commands[${j}].title`,
        `bots[0].commandLists[${i}].commands[${j}].description`,
      );
    });
  });
  arrayAt(manifest, 'activities', 'activityTypes').forEach((_, i) => {
    keys.push(`activities.activityTypes[${i}].description`, `activities.activityTypes[${i}].templateText`);
  });
  return keys.filter((key) => typeof valueAt(manifest, keyPath(key)) === 'string');
}

/** The localization files the manifest names (default language file first, if any). */
export function localizationFiles(manifest: unknown): string[] {
  const info = isJsonObject(manifest) ? manifest.localizationInfo : undefined;
  if (!isJsonObject(info)) return [];
  const files = Array.isArray(info.additionalLanguages)
    ? info.additionalLanguages.map((l) => (isJsonObject(l) ? l.file : undefined))
    : [];
  if (info.defaultLanguageFile !== undefined) files.unshift(info.defaultLanguageFile);
  return [...new Set(files.filter((f): f is string => typeof f === 'string'))];
}

/** The icon files the manifest names, with the pixel size each must have. */
export function iconFiles(manifest: unknown): { file: string; size: number }[] {
  const icons = isJsonObject(manifest) ? manifest.icons : undefined;
  if (!isJsonObject(icons)) return [];
  return Object.entries(ICON_SIZES).flatMap(([prop, size]) => {
    const file = icons[prop];
    return typeof file === 'string' ? [{ file, size }] : [];
  });
}

function localizationProblems(
  manifest: JsonObject,
  file: string,
  localization: unknown,
  validate: ValidateFunction,
): PackageProblem[] {
  const problems = schemaProblems(validate, localization, file);
  if (!isJsonObject(localization)) return problems;
  if (!sameSchemaUrl(localization.$schema, LOCALIZATION_SCHEMA_URL)) {
    problems.push(problem('package.schemaUrl', { file, expected: LOCALIZATION_SCHEMA_URL }));
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAt(manifest, keyPath(key)) !== 'string')
      problems.push(problem('package.localization.unknownKey', { file, key }));
  }
  for (const key of localizableKeys(manifest)) {
    if (!(key in localization)) problems.push(problem('package.localization.missingKey', { file, key }));
  }
  return problems;
}

function iconProblems(file: string, bytes: Uint8Array | undefined, expected: number): PackageProblem[] {
  if (!bytes) return [problem('package.file.missing', { file })];
  const size = readPngSize(bytes);
  if (!size) return [problem('package.icon.notPng', { file })];
  if (size.width !== expected || size.height !== expected) {
    return [problem('package.icon.size', { file, width: size.width, height: size.height, expected })];
  }
  return [];
}

/** Every problem with the package's contents; an empty list means Teams' schema and our checks accept it. */
export async function validateTeamsPackage(content: PackageContent): Promise<PackageProblem[]> {
  const { manifest } = content;
  const { manifest: validateManifest, localization: validateLocalization } = schemaValidators();
  const problems = schemaProblems(validateManifest, manifest, 'manifest.json');
  if (!isJsonObject(manifest)) return problems;
  if (!sameSchemaUrl(manifest.$schema, MANIFEST_SCHEMA_URL)) {
    problems.push(problem('package.schemaUrl', { file: 'manifest.json', expected: MANIFEST_SCHEMA_URL }));
  }
  for (const file of localizationFiles(manifest)) {
    const localization = content.localizations.get(file);
    if (localization === undefined) problems.push(problem('package.file.missing', { file }));
    else problems.push(...localizationProblems(manifest, file, localization, validateLocalization));
  }
  for (const { file, size } of iconFiles(manifest)) problems.push(...iconProblems(file, content.icons.get(file), size));
  return problems;
}
