// The committed JSON Schema and reference are generated from the zod schema; this fails when they drift.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReference, renderSchema } from '../src/entry/cli/commands/schema.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('generated schema artefacts', () => {
  it('schema/programme.schema.json is current (run `npm run schema` after changing the schema)', async () => {
    expect(await readFile(path.join(root, 'schema/programme.schema.json'), 'utf8')).toBe(renderSchema());
  });
  it('docs/programmabestand.md is current', async () => {
    expect(await readFile(path.join(root, 'docs/programmabestand.md'), 'utf8')).toBe(renderReference());
  });
  it('the JSON Schema names every top-level section and forbids unknown keys', () => {
    const schema = JSON.parse(renderSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'gemeenten',
        'people',
        'bodies',
        'cadences',
        'reminders',
        'phases',
        'dependencies',
        'backlog',
        'indicators',
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
