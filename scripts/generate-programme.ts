// Large fictional programmes for benchmarks: BLNP copied `factor` times (scaled), and BLNP's organisation grown
// with generated werkgroepen to a number of people (generateProgramme). Names are made from invented first and last
// names; domains end in .example.
import { parse, stringify } from 'yaml';
import { GRAPH_LIMITS } from '../src/domain/programme/limits.ts';
import { ProgrammeSchema, type Programme } from '../src/domain/programme/schema.ts';

const FIRST = [
  'Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Floris', 'Greet', 'Hugo', 'Iris', 'Jesse',
  'Karin', 'Lars', 'Maud', 'Niels', 'Olga', 'Pim', 'Roos', 'Sem', 'Tess', 'Uri',
  'Vera', 'Wout', 'Xandra', 'Yara', 'Zeno', 'Bas', 'Dewi', 'Femke', 'Gijs', 'Hanna',
  'Ivo', 'Joke', 'Kees', 'Lotte', 'Maarten', 'Nina', 'Otto', 'Puck', 'Quinten', 'Rianne',
  'Stijn', 'Thijs', 'Ubbo', 'Vince', 'Wendy', 'Jolien', 'Ruben', 'Sanne', 'Tijmen', 'Yvette',
]; // prettier-ignore
const LAST = [
  'Aalbers', 'Bosman', 'Claassen', 'Dirksen', 'Evers', 'Fokkema', 'Geerts', 'Hofstra', 'IJzerman', 'Jonker',
  'Kramer', 'Lammers', 'Mulder', 'Nijhuis', 'Oosting', 'Prins', 'Quist', 'Roelofs', 'Smeets', 'Terpstra',
  'Uiterwijk', 'Veenstra', 'Wolters', 'Zijlstra', 'Brouwer', 'Coenen', 'Dekkers', 'Franssen', 'Gerritsen', 'Hendriks',
  'Jacobs', 'Koster', 'Leenders', 'Meijer', 'Noordhuis', 'Peeters', 'Rutten', 'Schouten', 'Tromp', 'Verbeek',
  'Willems', 'Zwart', 'Bakhuis', 'Damen', 'Elzinga', 'Groen', 'Haverkamp', 'Kuipers', 'Lubbers', 'Stam',
]; // prettier-ignore
const GEMEENTEN = ['bunschoten', 'leusden', 'nijkerk', 'putten'];
const VAKGEBIEDEN = ['financien', 'hrm', 'ict', 'jz'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const GROUP = 100;

/**
 * BLNP's file (`blnpText`) grown to `people` people with generated werkgroepen of 100 (shared channel, a meeting
 * every two weeks); returns YAML text. Written compactly (one flow mapping per person, no indentation), so that
 * 10,000 people fit within the 1 MiB a programme file may have (MAX_FILE_BYTES).
 */
export function generateProgramme(blnpText: string, people: number): string {
  const p = parse(blnpText) as Record<string, unknown> & {
    programme: { id: string; name: string };
    people: unknown[];
    bodies: unknown[];
    cadences: unknown[];
  };
  p.cadences = forAudienceLimit(p.cadences, people);
  const extra = Math.max(0, people - p.people.length);
  const persons: string[] = [];
  const bodies: string[] = [];
  const cadences: string[] = [];
  for (let n = 0, g = 0; n < extra; g++) {
    const members: string[] = [];
    for (let k = 0; k < GROUP && n < extra; k++, n++) {
      const first = FIRST[n % FIRST.length] as string;
      const last = LAST[Math.floor(n / FIRST.length) % LAST.length] as string;
      const gemeente = GEMEENTEN[n % GEMEENTEN.length] as string;
      persons.push(
        `- {id: p${n}, name: ${first} ${last}, upn: p${n}@${gemeente}.example, gemeente: ${gemeente}, hoursPerWeek: 8}`,
      );
      members.push(`p${n}`);
    }
    const id = `wg-gen-${g}`;
    bodies.push(
      `- {id: ${id}, kind: werkgroep, name: Werkgroep ${g + 1}, projectgroep: pg-harmonisatie, vakgebied: ${VAKGEBIEDEN[g % VAKGEBIEDEN.length]}, gastheer: ${GEMEENTEN[g % GEMEENTEN.length]}, trekker: ${members[0]}, members: [${members.join(', ')}], channel: {kind: shared}}`,
    );
    cadences.push(
      `- {id: ${id}, name: Werkgroep ${g + 1}, bodies: [${id}], rule: {type: weekly, interval: 2, weekday: ${WEEKDAYS[g % WEEKDAYS.length]}}, start: "10:00", durationMinutes: 60, timeZone: Europe/Amsterdam, holidays: next-working-day, from: 2026-01-05, until: 2027-12-31}`,
    );
  }
  const base = { ...p, programme: { ...p.programme, id: `blnp-${people}`, name: `${p.programme.name} (${people})` } };
  const text = stringify(base, { lineWidth: 0, indentSeq: false });
  // The generated lists follow each list's last entry (block sequences at column 0, as stringify writes them).
  const after = (yaml: string, key: string, lines: string[]) =>
    lines.length === 0
      ? yaml
      : yaml.replace(new RegExp(`^${key}:\\n((?:[- ].*\\n)*)`, 'm'), (m) => `${m}${lines.join('\n')}\n`);
  const grown = after(after(after(text, 'people', persons), 'bodies', bodies), 'cadences', cadences);
  return `# Gegenereerd (scripts/generate-programme.ts): verzonnen namen, domeinen op .example.\n${grown}`;
}

/**
 * The cadences of a programme of `people` people: a meeting for everyone (`audience: everyone`) cannot have more
 * attendees than one Outlook event takes (limits.ts refuses it), so in a programme that large it is held for its
 * bodies' members only. BLNP's quarterly meeting for all stays as it is up to that limit.
 */
function forAudienceLimit<C>(cadences: C[], people: number): C[] {
  if (people <= GRAPH_LIMITS.eventAttendees) return cadences;
  return cadences.map((c) => {
    if ((c as { audience?: string }).audience !== 'everyone') return c;
    const { audience: _everyone, ...rest } = c as C & { audience?: string };
    return rest as C;
  });
}

/** BLNP copied `factor` times into one programme (people, bodies, channels, cadences), all in the same tenants. */
export function scaled(p: Programme, factor: number): Programme {
  if (factor === 1) return p;
  const copy = <T>(x: T): T => structuredClone(x);
  const sfx = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`);
  const people = [];
  const bodies = [];
  const cadences = [];
  const keep = new Set(p.programme.team.owners);
  for (let k = 0; k < factor; k++) {
    for (const person of p.people) {
      if (k > 0 && keep.has(person.id)) continue;
      const [local, domain] = person.upn.split('@') as [string, string];
      people.push({
        ...copy(person),
        id: sfx(person.id, k),
        upn: k === 0 ? person.upn : `${local}.x${k}@${domain}`,
        ...(person.email && k > 0 ? { email: `${local}.x${k}@${domain}` } : {}),
      });
    }
    const ref = (id: string) => (keep.has(id) ? id : sfx(id, k));
    for (const b of p.bodies) {
      const nb = copy(b) as Record<string, unknown> & {
        id: string;
        name: string;
        members: string[];
        channel?: { name?: string };
      };
      nb.id = sfx(b.id, k);
      nb.name = k === 0 ? b.name : `${b.name} ${k + 1}`;
      nb.members = b.members.map(ref);
      if (nb.channel?.name) nb.channel.name = k === 0 ? nb.channel.name : `${nb.channel.name} ${k + 1}`;
      for (const key of ['trekker', 'lead', 'chair'] as const) if (typeof nb[key] === 'string') nb[key] = ref(nb[key]);
      if (typeof nb['projectgroep'] === 'string') nb['projectgroep'] = sfx(nb['projectgroep'], k);
      bodies.push(nb);
    }
    for (const c of forAudienceLimit(p.cadences, factor * p.people.length))
      cadences.push({
        ...copy(c),
        id: sfx(c.id, k),
        name: k === 0 ? c.name : `${c.name} ${k + 1}`,
        bodies: c.bodies.map((id) => sfx(id, k)),
      });
  }
  const dependencies = p.dependencies.filter(() => false);
  return ProgrammeSchema.parse({
    ...copy(p),
    people,
    bodies,
    cadences,
    dependencies,
    backlog: [],
    programme: { ...copy(p.programme), id: `${p.programme.id}-x${factor}` },
  });
}
