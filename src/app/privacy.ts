// Use case: one person's data under the AVG (issue 15 §5, docs/privacy.md) — access (export everything the store
// keeps about them) and erasure (their own rows deleted, the programme's history kept under a pseudonym). A person is
// named by the programme file's person id; who they are (name, UPN, e-mail) is read from the file or, once they are
// removed from it, from the newest stored version of the file that still has them.
import { parse as parseYaml } from 'yaml';
import type { MessageKey, Params } from '../domain/i18n.ts';
import type { Person, Programme } from '../domain/programme/schema.ts';
import type { Clock } from '../domain/time/clock.ts';
import type { ProgrammeVersion } from '../adapters/store/store.ts';
import type { ErasureCounts, PersonRecords, PersonRef, StoredPersonData } from '../adapters/store/person-records.ts';

/** The person id syntax of the programme file (src/domain/programme/schema.ts). */
const PERSON_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface PrivacyDeps {
  /** The programme file as it is now (validated). */
  programme: Programme;
  /** Where the file is, for messages. */
  file: string;
  /** Every stored version of the programme file, oldest first. */
  versions(): Promise<ProgrammeVersion[]>;
  records: PersonRecords;
  clock: Clock;
  /** Random bytes for the pseudonym (crypto.randomBytes in production). */
  random(bytes: number): Uint8Array;
  /**
   * Whether a server may be running on the store with an older file: true on a PostgreSQL server (any number of
   * instances), false on PGlite, which one process at a time opens (src/adapters/store/dir-lock.ts).
   */
  shared: boolean;
  /** Stores the current file as the newest version (as `start` does); only called when no server can be running. */
  recordCurrent(): Promise<void>;
}

export type PrivacyRefusal = { key: MessageKey; params: Params };
export type PrivacyResult<T> = { ok: true; value: T } | { ok: false; refusal: PrivacyRefusal };

/** The person as the file (or a stored version of it) describes them. */
interface Identity {
  id: string;
  name?: string;
  upn?: string;
  email?: string;
  gemeente?: string;
  roles?: string[];
  hoursPerWeek?: number;
}

/** The export (AVG art. 15): format-versioned JSON, everything about one person and nothing about anyone else. */
export interface PersonExport {
  format: 'regiekamer-persoon-export/1';
  programme: string;
  exportedAt: string;
  person: Identity & { inProgrammeFile: boolean; source: string };
  /** Werkgroepen they are in according to the current file (trekker or lid). */
  werkgroepen: { id: string; name: string; role: 'trekker' | 'lid' }[];
  /** Stored versions of the programme file that have them, with their entry as it was there. */
  programmeVersions: { id: number; loadedAt: string; sourcePath: string; entry: Identity }[];
  store: StoredPersonData;
}

/** What an erasure did. */
export interface Erasure {
  pseudonym: string;
  counts: ErasureCounts;
  deleted: number;
  pseudonymised: number;
}

const refuse = (key: MessageKey, params: Params): { ok: false; refusal: PrivacyRefusal } => ({
  ok: false,
  refusal: { key, params },
});

/** The person entry with `id` in a stored file's text; undefined when it is not there or the text does not parse. */
function personInVersion(content: string, id: string): Identity | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(content, { maxAliasCount: 10_000 });
  } catch {
    return undefined;
  }
  const people = (doc as { people?: unknown } | null)?.people;
  if (!Array.isArray(people)) return undefined;
  const entry = people.find((p): p is Record<string, unknown> => (p as { id?: unknown } | null)?.id === id);
  if (!entry) return undefined;
  const str = (k: string) => (typeof entry[k] === 'string' ? { [k]: entry[k] } : {});
  return {
    id,
    ...str('name'),
    ...str('upn'),
    ...str('email'),
    ...str('gemeente'),
    ...(Array.isArray(entry['roles']) ? { roles: entry['roles'].map(String) } : {}),
    ...(typeof entry['hoursPerWeek'] === 'number' ? { hoursPerWeek: entry['hoursPerWeek'] } : {}),
  };
}

const fromFile = (p: Person): Identity => ({
  id: p.id,
  name: p.name,
  upn: p.upn,
  ...(p.email ? { email: p.email } : {}),
  gemeente: p.gemeente,
  roles: [...p.roles],
  hoursPerWeek: p.hoursPerWeek,
});

/**
 * The strings that name a person in text: name, UPN, e-mail (distinct, case-insensitively), as each of `entries`
 * has them — the file's and every stored version's, so a name copied before it changed (a besluitenlijst keeps the
 * names as they were on closing) is found too.
 */
const termsOf = (...entries: (Identity | undefined)[]): string[] => {
  const seen = new Map<string, string>();
  for (const who of entries)
    for (const term of [who?.name, who?.upn, who?.email]) if (term) seen.set(term.toLowerCase(), term);
  return [...seen.values()];
};

/** Who `id` is: from the file, else from the newest stored version naming them; and which versions name them. */
async function identify(d: PrivacyDeps, id: string) {
  const inFile = d.programme.people.find((p) => p.id === id);
  const versions = (await d.versions()).map((v) => ({ version: v, entry: personInVersion(v.content, id) }));
  const naming = versions.filter((v): v is { version: ProgrammeVersion; entry: Identity } => v.entry !== undefined);
  const newest = naming.at(-1);
  const identity = inFile ? fromFile(inFile) : newest?.entry;
  return { inFile, identity, naming, latest: versions.at(-1) };
}

/**
 * Everything the store keeps about person `id` of the programme. Refuses a malformed id (privacy.badId) and a person
 * that neither the file, nor a stored version of it, nor any row of the store knows (privacy.unknown).
 */
export async function exportPerson(d: PrivacyDeps, id: string): Promise<PrivacyResult<PersonExport>> {
  if (!PERSON_ID.test(id)) return refuse('privacy.badId', { id });
  const pid = d.programme.programme.id;
  const { inFile, identity, naming } = await identify(d, id);
  if (!identity && !(await d.records.referenced(pid, id))) return refuse('privacy.unknown', { id, file: d.file });
  const who: Identity = identity ?? { id };
  const store = await d.records.collect(pid, { id, terms: termsOf(who, ...naming.map((v) => v.entry)) });
  return {
    ok: true,
    value: {
      format: 'regiekamer-persoon-export/1',
      programme: pid,
      exportedAt: d.clock.now().toISOString(),
      person: {
        ...who,
        inProgrammeFile: inFile !== undefined,
        source: inFile ? d.file : naming.length > 0 ? `version ${naming.at(-1)?.version.id}` : 'store',
      },
      werkgroepen: d.programme.bodies.flatMap((b) =>
        b.kind === 'werkgroep' && (b.trekker === id || b.members.includes(id))
          ? [{ id: b.id, name: b.name, role: b.trekker === id ? ('trekker' as const) : ('lid' as const) }]
          : [],
      ),
      programmeVersions: naming.map((v) => ({
        id: v.version.id,
        loadedAt: new Date(v.version.loadedAt).toISOString(),
        sourcePath: v.version.sourcePath,
        entry: v.entry,
      })),
      store,
    },
  };
}

/** `verwijderd persoon 1a2b3c`: random, so nothing in it leads back to the person; the same in every row. */
const pseudonymOf = (random: (bytes: number) => Uint8Array): string =>
  `verwijderd persoon ${Array.from(random(3), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** The person's id, as a whole id (not part of a longer one), in a stored file's text. */
const idToken = (id: string) => new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`, 'g');

/**
 * Whether person `id` may be erased now (the refusals of erasePerson, nothing changed): a valid id, known somewhere,
 * not in the file, and on a shared store not in the newest stored version.
 */
export async function erasable(d: PrivacyDeps, id: string) {
  if (!PERSON_ID.test(id)) return refuse('privacy.badId', { id });
  const found = await identify(d, id);
  if (found.inFile) return refuse('privacy.stillInFile', { id, file: d.file });
  if (!found.identity && !(await d.records.referenced(d.programme.programme.id, id)))
    return refuse('privacy.unknown', { id, file: d.file });
  if (found.latest?.entry && d.shared)
    return refuse('privacy.serverHasPerson', {
      id,
      version: found.latest.version.id,
      at: new Date(found.latest.version.loadedAt).toISOString(),
    });
  return { ok: true as const, value: found };
}

/**
 * Erases person `id`: refused while the file still has them (privacy.stillInFile: wis never edits the file) and, on
 * a shared PostgreSQL store, while the newest stored version (what the servers loaded) still has them
 * (privacy.serverHasPerson). On PGlite nothing else can run, so the current file is stored as the newest version.
 * Then, in one transaction: their own rows deleted, their id pseudonymised where the history keeps the row, and the
 * stored versions that name them rewritten with the pseudonym for their id, name, UPN and e-mail.
 */
export async function erasePerson(d: PrivacyDeps, id: string): Promise<PrivacyResult<Erasure>> {
  const checked = await erasable(d, id);
  if (!checked.ok) return checked;
  const found = checked.value;
  const pid = d.programme.programme.id;
  if (found.latest?.entry) await d.recordCurrent();
  const who: PersonRef = { id, terms: termsOf(found.identity, ...found.naming.map((v) => v.entry)) };
  const pseudonym = pseudonymOf(d.random);
  const versions = found.naming.map(({ version }) => ({
    id: version.id,
    content: version.content.replace(idToken(id), pseudonym),
  }));
  const counts = await d.records.erase(pid, who, pseudonym, versions);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  return {
    ok: true,
    value: { pseudonym, counts, deleted: sum(counts.deleted), pseudonymised: sum(counts.pseudonymised) },
  };
}
