// `regiekamer schema`: the JSON Schema for editor completion, generated from the one zod schema.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { programmeJsonSchema } from '../../../domain/programme/schema.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';

export function renderSchema(): string {
  return `${JSON.stringify(programmeJsonSchema(), null, 2)}\n`;
}

export async function schemaCommand(io: CliIo, out: string | undefined): Promise<number> {
  const text = renderSchema();
  if (!out) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const target = path.resolve(io.cwd, out);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  writeLine(io.stderr, `JSON Schema geschreven naar ${out}`);
  return EXIT.ok;
}
