// The shipped programme files, parsed, for tests (the fictional BLNP and BEL programmes).
import { loadProgrammeFile } from '../../src/adapters/files/programme-file.ts';
import type { Programme } from '../../src/domain/programme/schema.ts';

export async function loadProgramme(name: 'blnp' | 'bel'): Promise<Programme> {
  const loaded = await loadProgrammeFile(new URL(`../../programmes/${name}.yaml`, import.meta.url).pathname);
  if (!loaded.ok) throw new Error(`programmes/${name}.yaml does not load`);
  return loaded.programme;
}
