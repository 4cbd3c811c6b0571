// `regiekamer schema`: the JSON Schema for editor completion, generated from the one zod schema.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { programmeReference } from '../../../domain/programme/reference.ts';
import { programmeJsonSchema } from '../../../domain/programme/schema.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export function renderSchema(): string {
  return `${JSON.stringify(programmeJsonSchema(), null, 2)}\n`;
}

export function renderReference(): string {
  return `${programmeReference(programmeJsonSchema())}\n`;
}

export async function schemaCommand(io: CliIo, out: string | undefined, reference = false): Promise<number> {
  const text = reference ? renderReference() : renderSchema();
  if (!out) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, out);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  writeLine(io.stderr, `${reference ? 'Referentie' : 'JSON Schema'} geschreven naar ${out}`);
  return EXIT.ok;
}
