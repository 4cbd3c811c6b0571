// The report model's month logic, on BLNP with hand-made data: an update counts in the month of its local date
// (Amsterdam, not UTC), a decision is shown as it stood at the month's end, overdue days count to the month's end,
// milestones and phases are placed against the month, and the informed variant carries no person's name.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { UpdateRecord } from '../bot/update.ts';
import type { Programme } from '../programme/schema.ts';
import type { Action, Decision } from '../work/model.ts';
import { composeReport, isReportMonth, previousMonth, type ReportInput } from './compose.ts';
import { reportOutline } from './outline.ts';

let p: Programme;
let input: ReportInput;
let wg: string;

const update = (
  werkgroep: string,
  submittedAt: string,
  status: UpdateRecord['status'],
  progress: string,
): UpdateRecord => ({
  werkgroep,
  period: 'x',
  status,
  progress,
  ks: [],
  actionIds: [],
  submittedBy: 'x',
  submittedAt,
});

beforeAll(async () => {
  const blnp = await loadProgramme('blnp');
  p = {
    ...blnp,
    milestones: [
      { id: 'a', date: '2026-10-01', title: 'Eerder bereikt', celebrate: false },
      { id: 'b', date: '2026-11-30', title: 'Deze maand bereikt', celebrate: true },
      { id: 'c', date: '2026-12-01', title: 'Nog te gaan', celebrate: true },
    ],
  };
  wg = p.bodies.find((b) => b.kind === 'werkgroep')?.id ?? '';
  const owner = p.people[0]?.id ?? '';
  const actions: Action[] = [
    {
      id: 'a1',
      werkgroep: wg,
      title: 'Over de datum',
      owners: [owner],
      due: '2026-11-20',
      status: 'open',
      ks: [],
      blockedBy: [],
      createdOn: '2026-10-01',
    },
    {
      id: 'a2',
      werkgroep: wg,
      title: 'Pas in december gemaakt',
      owners: [owner],
      due: '2026-11-01',
      status: 'open',
      ks: [],
      blockedBy: [],
      createdOn: '2026-12-01',
    },
  ];
  const decisions: Decision[] = [
    {
      id: 'd1',
      title: 'Op 1 december besloten',
      proposal: '',
      werkgroep: wg,
      route: [...p.decisionRoute],
      steps: [
        { level: 'werkgroep', reachedOn: '2026-11-10' },
        { level: 'projectgroep', reachedOn: '2026-12-01' },
      ],
      outcome: { kind: 'besloten', on: '2026-12-01' },
      blocks: [],
    },
  ];
  input = {
    programme: p,
    month: '2026-11',
    today: '2026-12-03',
    variant: 'regiegroep',
    // 31 October 23:30 UTC is 1 November in Amsterdam; 30 November 23:30 UTC is 1 December there.
    updates: [
      update(wg, '2026-10-31T23:30:00Z', 'risico', 'Eerste van november'),
      update(wg, '2026-11-30T23:30:00Z', 'op-koers', 'Al december'),
    ],
    actions,
    decisions,
    measurements: [],
  };
});

describe('composeReport', () => {
  it('takes the update of the month by its local date', () => {
    const m = composeReport(input);
    const w = m.werkgroepen.find((x) => x.id === wg);
    expect(w?.status).toBe('risico');
    expect(w?.update).toMatchObject({ date: '2026-11-01', progress: 'Eerste van november' });
  });

  it('shows a decision as it stood at the end of the month, and counts actions to that day', () => {
    const m = composeReport(input);
    expect(m.asOf).toBe('2026-11-30');
    expect(m.decisionsTaken).toEqual([]);
    expect(m.decisionsWaiting).toMatchObject([{ id: 'd1', level: 'werkgroep', since: '2026-11-10', daysAtLevel: 20 }]);
    expect(m.overdue.map((a) => [a.id, a.days])).toEqual([['a1', 10]]);
  });

  it('places milestones against the month', () => {
    const m = composeReport(input);
    expect(m.milestones.map((x) => x.state)).toEqual(['reached', 'reachedIn', 'coming']);
    expect(m.successes).toContainEqual({ source: '2026-11-30', text: 'Deze maand bereikt' });
  });

  it('leaves every person out of the informed variant', () => {
    const full = JSON.stringify(reportOutline(composeReport(input), { lang: 'nl', introduction: '' }));
    const informed = JSON.stringify(
      reportOutline(composeReport({ ...input, variant: 'informed' }), { lang: 'nl', introduction: '' }),
    );
    const names = p.people.map((x) => x.name);
    expect(names.some((n) => full.includes(n))).toBe(true);
    for (const n of names) expect(informed).not.toContain(n);
  });

  it("groups an indicator under the programme's own criterion, with its trend to the month's end", () => {
    const own: Programme = {
      ...p,
      criteria: { fourKs: false, own: [{ id: 'draagvlak', name: 'Draagvlak bij medewerkers' }] },
      indicators: [{ id: 'tevreden', criterion: 'draagvlak', name: 'Tevredenheid', unit: 'cijfer', better: 'higher' }],
    };
    const measurements = [
      { indicatorId: 'tevreden', on: '2026-09-30', value: 6.5 },
      { indicatorId: 'tevreden', on: '2026-11-15', value: 7.1 },
      { indicatorId: 'tevreden', on: '2026-12-02', value: 5.0 },
    ];
    const [i] = composeReport({ ...input, programme: own, measurements }).indicators;
    expect(i).toMatchObject({
      group: { kind: 'criterion', name: 'Draagvlak bij medewerkers' },
      direction: 'beter',
      latest: { on: '2026-11-15', value: 7.1 },
    });
    const outline = JSON.stringify(
      reportOutline(composeReport({ ...input, programme: own, measurements }), { lang: 'en', introduction: '' }),
    );
    expect(outline).toContain('Draagvlak bij medewerkers');
  });

  it('knows a month and the one before', () => {
    expect(['2026-11', '2026-01', '2026-12'].every(isReportMonth)).toBe(true);
    expect(['2026-13', '2026-00', '2026-1', 'november', '2026-11-01'].some(isReportMonth)).toBe(false);
    expect(previousMonth('2026-12-02')).toBe('2026-11');
    expect(previousMonth('2027-01-15')).toBe('2026-12');
  });
});
