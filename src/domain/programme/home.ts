// Where a person works: a gemeente or an organisatie (issue 16). Both are "homes": a home with a tenantId is a tenant
// like any gemeente's (allow-listed, its people join shared channels by B2B direct connect or the team as guests); a
// home without one has no Microsoft 365 tenant of its own, so its people take part as guests of the host tenant
// (docs/programmabestand.md, "Organisaties"). Pure.
import type { Gemeente, Organisatie, Person, Programme } from './schema.ts';

/** A gemeente or an organisatie, seen as the place a person works; `host` is false for every organisatie. */
export interface Home {
  id: string;
  name: string;
  tenantId?: string;
  domain?: string;
  host: boolean;
  kind: 'gemeente' | 'organisatie';
}

const fromGemeente = (g: Gemeente): Home => ({ ...g, kind: 'gemeente' });
const fromOrganisatie = (o: Organisatie): Home => ({
  id: o.id,
  name: o.name,
  ...(o.tenantId !== undefined ? { tenantId: o.tenantId } : {}),
  ...(o.domain !== undefined ? { domain: o.domain } : {}),
  host: false,
  kind: 'organisatie',
});

/** Every home of the programme: its gemeenten, then its organisaties (ids are unique across both, see semantics). */
export function homes(p: Pick<Programme, 'gemeenten'> & Partial<Pick<Programme, 'organisaties'>>): Home[] {
  return [...p.gemeenten.map(fromGemeente), ...(p.organisaties ?? []).map(fromOrganisatie)];
}

/** The id of a person's gemeente or organisatie (a valid file has exactly one of them; '' if neither). */
export function homeId(person: Pick<Person, 'gemeente' | 'organisatie'>): string {
  return person.gemeente ?? person.organisatie ?? '';
}

/** The tenant ids of every gemeente and organisatie that has one, lower-case (the programme's allow-list). */
export function homeTenantIds(p: Pick<Programme, 'gemeenten'> & Partial<Pick<Programme, 'organisaties'>>): string[] {
  return homes(p).flatMap((h) => (h.tenantId ? [h.tenantId.toLowerCase()] : []));
}
