// The programme file's one schema: structure, types and formats. Cross-references (ids, cycles,
// membership) are checked in semantics.ts, because they need the whole file at once.
// Messages are catalogue keys (see ../i18n.ts), so problems render in Dutch or English.
import { z } from 'zod';
import { FOUR_KS, type FourK } from '../vocabulary.ts';

export { FOUR_KS, type FourK };

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

const id = () => z.string({ error: 'type.id' }).regex(ID, { error: 'format.id' });
const ref = id;
const text = (max = 200) =>
  z.string({ error: 'type.string' }).trim().min(1, { error: 'format.nonEmpty' }).max(max, { error: 'format.tooLong' });
const date = () =>
  z.string({ error: 'type.date' }).refine(isRealDate, { error: 'format.date' }).meta({ format: 'date' });
const time = () => z.string({ error: 'type.time' }).regex(TIME, { error: 'format.time' });
const timeZone = () =>
  z
    .string({ error: 'type.string' })
    .refine(isTimeZone, { error: 'format.timeZone' })
    .meta({ format: 'iana-time-zone' });

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export const BODY_KINDS = [
  'bestuur',
  'stuurgroep',
  'regiegroep',
  'projectgroep',
  'werkgroep',
  'projectteam',
  'ondernemingsraad',
  'klankbordgroep',
] as const;
const ORGANISATIE_TYPES = ['bureau', 'samenwerkingsorganisatie', 'overig'] as const;
const CHANNEL_KINDS = ['standard', 'private', 'shared'] as const;
const ROLES = [
  'projectleider',
  'kwartiermaker',
  'trekker',
  'teamhoofd',
  'gemeentesecretaris',
  'directeur',
  'bestuurder',
  'communicatieadviseur',
  'projectondersteuning',
  'adviseur',
  'medewerker',
  'or-lid',
] as const;

const weekday = () => z.enum(WEEKDAYS, { error: 'enum.weekday' });

const GemeenteSchema = z
  .strictObject({
    id: id(),
    name: text(),
    tenantId: z
      .string({ error: 'type.string' })
      .regex(GUID, { error: 'format.guid' })
      .optional()
      .describe('Entra ID tenant-id (GUID). Zonder tenant-id kan de gemeente niet in gedeelde kanalen.'),
    domain: z.string({ error: 'type.string' }).regex(DOMAIN_NAME, { error: 'format.domain' }),
    province: text().optional(),
    host: z
      .boolean({ error: 'type.boolean' })
      .default(false)
      .describe('Precies één gemeente is host: haar tenant bevat het team van het programma.'),
  })
  .describe('Een deelnemende gemeente met haar eigen Microsoft 365-tenant.');

const OrganisatieSchema = z
  .strictObject({
    id: id(),
    name: text(),
    type: z
      .enum(ORGANISATIE_TYPES, { error: 'enum.organisatieType' })
      .default('overig')
      .describe('bureau: een extern adviesbureau; samenwerkingsorganisatie: bijvoorbeeld een GR of shared service.'),
    tenantId: z
      .string({ error: 'type.string' })
      .regex(GUID, { error: 'format.guid' })
      .optional()
      .describe('Entra ID tenant-id (GUID), als de organisatie een eigen Microsoft 365-tenant heeft.'),
    domain: z.string({ error: 'type.string' }).regex(DOMAIN_NAME, { error: 'format.domain' }).optional(),
  })
  .describe('Een organisatie naast de gemeenten: een extern bureau of een samenwerkingsorganisatie.');

const PersonSchema = z
  .strictObject({
    id: id(),
    name: text().describe('Weergavenaam.'),
    upn: z
      .string({ error: 'type.string' })
      .regex(EMAIL, { error: 'format.upn' })
      .describe('UPN of e-mailadres in de eigen tenant.'),
    email: z.string({ error: 'type.string' }).regex(EMAIL, { error: 'format.email' }).optional(),
    gemeente: ref()
      .optional()
      .describe('De gemeente waar deze persoon werkt (eigen tenant). Precies één van gemeente en organisatie.'),
    organisatie: ref()
      .optional()
      .describe(
        'De organisatie (organisaties) waar deze persoon werkt, in plaats van een gemeente. Zonder tenant-id van de organisatie doet de persoon als gast van de host-tenant mee.',
      ),
    roles: z.array(z.enum(ROLES, { error: 'enum.role' })).default([]),
    hoursPerWeek: z
      .number({ error: 'type.number' })
      .min(0, { error: 'range.hours' })
      .max(40, { error: 'range.hours' })
      .describe('Uren per week beschikbaar voor het programma.'),
  })
  .describe('Iemand die in het programma meewerkt.');

export const ChannelSchema = z
  .strictObject({
    kind: z.enum(CHANNEL_KINDS, { error: 'enum.channelKind' }),
    name: text(50).optional().describe('Kanaalnaam; standaard de naam van het orgaan.'),
    externalAccess: z
      .enum(['direct-connect', 'guest'], { error: 'enum.externalAccess' })
      .default('direct-connect')
      .describe('Hoe mensen uit andere tenants meedoen: B2B direct connect (gedeeld kanaal) of als gast in het team.'),
  })
  .describe('Het Teams-kanaal van een orgaan.');

const bodyBase = {
  id: id(),
  name: text(),
  members: z.array(ref()).default([]),
  channel: ChannelSchema.optional(),
  agendaUrl: z.url({ error: 'format.url' }).optional(),
};

const BodySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...bodyBase, kind: z.literal('bestuur') }),
    z.strictObject({ ...bodyBase, kind: z.literal('stuurgroep'), chair: ref().optional() }),
    z.strictObject({ ...bodyBase, kind: z.literal('regiegroep'), chair: ref().optional() }),
    z.strictObject({ ...bodyBase, kind: z.literal('projectteam') }),
    z.strictObject({
      ...bodyBase,
      kind: z.literal('ondernemingsraad'),
      address: z
        .string({ error: 'type.string' })
        .regex(EMAIL, { error: 'format.email' })
        .optional()
        .describe('E-mailadres (verzendlijst) waarop de ondernemingsraad of het OR-platform rapportages ontvangt.'),
    }),
    z.strictObject({
      ...bodyBase,
      kind: z.literal('klankbordgroep'),
      address: z.string({ error: 'type.string' }).regex(EMAIL, { error: 'format.email' }).optional(),
    }),
    z.strictObject({
      ...bodyBase,
      kind: z.literal('projectgroep'),
      lead: ref().describe('De projectleider die de projectgroep leidt.'),
    }),
    z.strictObject({
      ...bodyBase,
      kind: z.literal('werkgroep'),
      projectgroep: ref().describe('De projectgroep waaronder de werkgroep valt.'),
      vakgebied: ref().optional(),
      trekker: ref().describe('De trekker (deelprojectleider); moet ook lid zijn.'),
      gastheer: ref().optional().describe('De gemeente die dit cluster als gastheer trekt.'),
    }),
  ],
  { error: 'enum.bodyKind' },
);

const CadenceRuleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('weekly'),
      interval: z
        .number({ error: 'type.number' })
        .int({ error: 'type.integer' })
        .min(1, { error: 'range.interval' })
        .max(52, { error: 'range.interval' })
        .default(1),
      weekday: weekday(),
    }),
    z.strictObject({
      type: z.literal('monthly'),
      interval: z
        .number({ error: 'type.number' })
        .int({ error: 'type.integer' })
        .min(1, { error: 'range.interval' })
        .max(12, { error: 'range.interval' })
        .default(1),
      week: z.enum(WEEK_INDEXES, { error: 'enum.week' }),
      weekday: weekday(),
    }),
    z.strictObject({
      type: z.literal('dates'),
      dates: z.array(date()).min(1, { error: 'format.nonEmptyList' }),
    }),
    z
      .strictObject({
        type: z.literal('last-day-of-month'),
        interval: z
          .number({ error: 'type.number' })
          .int({ error: 'type.integer' })
          .min(1, { error: 'range.interval' })
          .max(12, { error: 'range.interval' })
          .default(1),
        day: z.enum(['weekday', 'working-day'], { error: 'enum.lastDay' }),
      })
      .describe(
        'De laatste weekdag (ma–vr) van de maand; working-day slaat ook Nederlandse feestdagen over en schuift dan terug.',
      ),
  ],
  { error: 'enum.ruleType' },
);

const CadenceSchema = z
  .strictObject({
    id: id(),
    // The meeting's subject: Graph's limit, docs/platform.md#input-limits.
    name: text(255),
    bodies: z
      .array(ref())
      .min(1, { error: 'format.nonEmptyList' })
      .describe('Orgaan of organen die dit overleg voeren.'),
    audience: z
      .enum(['members', 'everyone'], { error: 'enum.audience' })
      .default('members')
      .describe('members: de leden van de organen; everyone: iedereen in het programma (bijeenkomsten).'),
    audiences: z
      .array(ref())
      .default([])
      .describe(
        'Doelgroepen (zie audiences) die ook worden uitgenodigd, bijvoorbeeld verzendlijsten van de gemeenten.',
      ),
    rule: CadenceRuleSchema,
    start: time().describe('Begintijd, HH:MM in de tijdzone van het overleg.'),
    durationMinutes: z
      .number({ error: 'type.number' })
      .int({ error: 'type.integer' })
      .min(15, { error: 'range.duration' })
      .max(480, { error: 'range.duration' }),
    timeZone: timeZone().default('Europe/Amsterdam'),
    holidays: z.enum(['skip', 'next-working-day'], { error: 'enum.holidayPolicy' }).default('skip'),
    from: date().describe('Eerste datum (inclusief).'),
    until: date().describe('Laatste datum (inclusief).'),
  })
  .describe('Een vast overlegritme dat een terugkerende Teams-vergadering wordt.');

const ReminderPolicySchema = z
  .strictObject({
    bodyKind: z
      .enum(BODY_KINDS, { error: 'enum.bodyKind' })
      .default('regiegroep')
      .describe('Voor de vergaderingen van welk soort orgaan om voortgang gevraagd wordt.'),
    askDaysBefore: z
      .number({ error: 'type.number' })
      .int({ error: 'type.integer' })
      .min(1, { error: 'range.days' })
      .max(30, { error: 'range.days' })
      .default(7),
    nudgeDaysBefore: z
      .number({ error: 'type.number' })
      .int({ error: 'type.integer' })
      .min(1, { error: 'range.days' })
      .max(30, { error: 'range.days' })
      .default(2),
    compileDaysBefore: z
      .number({ error: 'type.number' })
      .int({ error: 'type.integer' })
      .min(0, { error: 'range.days' })
      .max(30, { error: 'range.days' })
      .default(1),
    sendAt: time().default('09:00'),
    quietHours: z.strictObject({ from: time(), to: time() }).default({ from: '18:00', to: '08:00' }),
  })
  .describe('Wanneer de bot om updates vraagt, herinnert en samenvat.');

const PhaseSchema = z.strictObject({
  number: z
    .number({ error: 'type.number' })
    .int({ error: 'type.integer' })
    .min(1, { error: 'range.phase' })
    .max(99, { error: 'range.phase' }),
  name: text(),
  start: date(),
  end: date(),
  owner: z.array(text()).default([]),
  involved: z.array(text()).default([]),
  description: text(2000).optional(),
});

const WaitsOnSchema = z
  .union(
    [
      ref().describe('Een werkgroep.'),
      z
        .strictObject({ phase: z.number({ error: 'type.number' }).int({ error: 'type.integer' }) })
        .describe('Een fase: vervuld als de fase voorbij is.'),
      z.strictObject({ besluit: ref() }).describe('Een besluit (id): vervuld als het besluit genomen is.'),
    ],
    { error: 'type.waitsOn' },
  )
  .describe('Waarop de werkgroep wacht: een werkgroep-id, { phase: nummer } of { besluit: id }.');

const DependencySchema = z.strictObject({
  werkgroep: ref(),
  waitsOn: z
    .array(WaitsOnSchema)
    .min(1, { error: 'format.nonEmptyList' })
    .describe(
      'Waarop de werkgroep wacht: een werkgroep-id, { phase: nummer } (vervuld als die fase voorbij is) of { besluit: id } (vervuld als dat besluit genomen is).',
    ),
  reason: text(500).optional(),
});

const MilestoneSchema = z
  .strictObject({
    id: id(),
    date: date(),
    title: text(200),
    phase: z.number({ error: 'type.number' }).int({ error: 'type.integer' }).optional(),
    celebrate: z.boolean({ error: 'type.boolean' }).default(false).describe('true: het bereiken wordt gevierd.'),
    description: text(2000).optional(),
  })
  .describe('Een mijlpaal op de tijdlijn van het programma.');

const CriterionSchema = z
  .strictObject({ id: id(), name: text(), description: text(2000).optional() })
  .describe("Een eigen succescriterium van het programma, naast of in plaats van de vier K's.");

const AudienceSchema = z
  .strictObject({
    id: id(),
    name: text(),
    programme: z.boolean({ error: 'type.boolean' }).default(false).describe('true: iedereen in het programmabestand.'),
    bodies: z.array(ref()).default([]).describe('De leden (en het adres) van deze organen.'),
    addresses: z
      .array(z.string({ error: 'type.string' }).regex(EMAIL, { error: 'format.email' }))
      .default([])
      .describe('Verzendlijsten of groepen op adres, bijvoorbeeld alle medewerkers van een gemeente.'),
  })
  .describe('Een doelgroep voor berichten, rapportages en bijeenkomsten.');

const RhythmRuleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('monthly'),
      week: z.enum(WEEK_INDEXES, { error: 'enum.week' }),
      weekday: weekday(),
    }),
    z.strictObject({
      type: z.literal('last-day-of-month'),
      day: z.enum(['weekday', 'working-day'], { error: 'enum.lastDay' }),
    }),
    z.strictObject({
      type: z.literal('days-before'),
      days: z
        .number({ error: 'type.number' })
        .int({ error: 'type.integer' })
        .min(0, { error: 'range.days' })
        .max(30, { error: 'range.days' }),
      bodyKind: z.enum(BODY_KINDS, { error: 'enum.bodyKind' }).default('regiegroep'),
    }),
  ],
  { error: 'enum.ruleType' },
);

const CommunicationSchema = z
  .strictObject({
    report: z
      .strictObject({
        due: RhythmRuleSchema.describe('Wanneer de maandrapportage klaar en goedgekeurd moet zijn.'),
        to: z.array(ref()).min(1, { error: 'format.nonEmptyList' }).describe('Organen die de rapportage krijgen.'),
        audiences: z.array(ref()).default([]),
      })
      .optional()
      .describe('De maandelijkse voortgangsrapportage.'),
    news: z
      .strictObject({
        due: RhythmRuleSchema,
        channel: ref()
          .optional()
          .describe('Het orgaan in wiens kanaal het bericht komt; standaard het algemene kanaal van het team.'),
        audiences: z.array(ref()).default([]),
      })
      .optional()
      .describe('De maandelijkse berichtgeving (nieuws).'),
  })
  .describe('Rapportage en berichtgeving: wanneer, aan wie.');

const VakgebiedSchema = z.strictObject({
  id: id(),
  name: text(),
});

const BacklogSchema = z.strictObject({
  vakgebied: ref(),
  topics: z.array(z.strictObject({ id: id(), title: text(500) })).min(1, { error: 'format.nonEmptyList' }),
});

const IndicatorSchema = z.strictObject({
  id: id(),
  k: z.enum(FOUR_KS, { error: 'enum.k' }).optional(),
  criterion: ref().optional().describe('Een eigen criterium (criteria.own) in plaats van een K.'),
  name: text(),
  unit: text(40),
  better: z.enum(['higher', 'lower'], { error: 'enum.better' }),
});

const GuestPolicySchema = z
  .strictObject({
    invite: z
      .boolean({ error: 'type.boolean' })
      .default(false)
      .describe(
        'true: Regiekamer nodigt mensen uit andere gemeenten die als gast meedoen zelf uit in de host-tenant (Graph-uitnodiging, toestemming User.Invite.All); false: een beheerder doet dat.',
      ),
    redirectUrl: z
      .url({ error: 'format.url' })
      .optional()
      .describe('Waar een gast na het accepteren van de uitnodiging uitkomt; standaard Microsoft Teams.'),
  })
  .describe('Gasten: mensen uit andere gemeenten in kanalen met externalAccess: guest.');

export const ProgrammeSchema = z
  .strictObject({
    version: z.literal(1, { error: 'format.version' }),
    programme: z.strictObject({
      id: id(),
      name: text(),
      description: text(2000).optional(),
      timeZone: timeZone().default('Europe/Amsterdam'),
      organizer: z
        .string({ error: 'type.string' })
        .regex(EMAIL, { error: 'format.upn' })
        .describe('Het organisatorpostvak (UPN) in de host-tenant waarin de vergaderreeksen staan.'),
      team: z.strictObject({
        name: text(256),
        description: text(1024).optional(),
        owners: z.array(ref()).min(1, { error: 'format.nonEmptyList' }),
      }),
    }),
    gemeenten: z.array(GemeenteSchema).min(1, { error: 'format.nonEmptyList' }),
    organisaties: z.array(OrganisatieSchema).default([]),
    vakgebieden: z.array(VakgebiedSchema).default([]),
    people: z.array(PersonSchema).min(1, { error: 'format.nonEmptyList' }),
    bodies: z.array(BodySchema).min(1, { error: 'format.nonEmptyList' }),
    cadences: z.array(CadenceSchema).default([]),
    reminders: ReminderPolicySchema.default({
      bodyKind: 'regiegroep',
      askDaysBefore: 7,
      nudgeDaysBefore: 2,
      compileDaysBefore: 1,
      sendAt: '09:00',
      quietHours: { from: '18:00', to: '08:00' },
    }),
    phases: z.array(PhaseSchema).default([]),
    dependencies: z.array(DependencySchema).default([]),
    backlog: z.array(BacklogSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    milestones: z.array(MilestoneSchema).default([]),
    criteria: z
      .strictObject({
        fourKs: z
          .boolean({ error: 'type.boolean' })
          .default(true)
          .describe("false: de vier K's worden niet gebruikt, alleen de eigen criteria."),
        own: z.array(CriterionSchema).default([]),
      })
      .default({ fourKs: true, own: [] }),
    audiences: z.array(AudienceSchema).default([]),
    communication: CommunicationSchema.default({}),
    planner: z
      .strictObject({
        buckets: z.array(text(100)).min(1, { error: 'format.nonEmptyList' }).max(200, { error: 'range.buckets' }),
      })
      .default({ buckets: ['Te doen', 'Loopt', 'Wacht op besluit', 'Gereed'] }),
    guests: GuestPolicySchema.default({ invite: false }),
    decisionRoute: z
      .array(z.enum(BODY_KINDS, { error: 'enum.bodyKind' }))
      .min(1, { error: 'format.nonEmptyList' })
      .default(['werkgroep', 'projectgroep', 'regiegroep', 'stuurgroep', 'bestuur'])
      .describe('De route die een besluit aflegt, van onder naar boven.'),
  })
  .describe('Een Regiekamer-programmabestand: het hele veranderprogramma in één bestand.');

export type Programme = z.output<typeof ProgrammeSchema>;
export type ProgrammeInput = z.input<typeof ProgrammeSchema>;
export type Gemeente = Programme['gemeenten'][number];
export type Person = Programme['people'][number];
export type Body = Programme['bodies'][number];
export type Werkgroep = Extract<Body, { kind: 'werkgroep' }>;
export type Cadence = Programme['cadences'][number];
export type BodyKind = (typeof BODY_KINDS)[number];
export type Organisatie = Programme['organisaties'][number];
/** One entry of a dependency's waitsOn: a werkgroep id, a phase (number) or a besluit (decision id). */
export type WaitsOn = Programme['dependencies'][number]['waitsOn'][number];

/** Informed bodies receive reports and news; they get no tasks, Planner plan, update requests or decision step. */
export const INFORMED_BODY_KINDS: readonly BodyKind[] = ['ondernemingsraad', 'klankbordgroep'];

/** The JSON Schema for editors (yaml-language-server), generated from the same zod schema. */
export function programmeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgrammeSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://regiekamer.example/schema/programme.schema.json',
    title: 'Regiekamer programma',
  };
}
