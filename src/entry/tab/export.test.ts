// The Excel export read back with exceljs: what a person downloads is what the view showed, in their language,
// dates as real Excel dates.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ActionView, DecisionView } from '../../app/contract.ts';
import { actionsSheet, decisionsSheet, workbookBytes, type Sheet } from './export.ts';

const action = (id: string, o: Partial<ActionView> = {}): ActionView => ({
  id,
  werkgroep: 'wg-a',
  werkgroepName: 'Werkgroep A',
  title: `Actie ${id}`,
  due: '2026-12-20',
  status: 'open',
  ks: [],
  owners: [{ id: 'p1', name: 'Fictief Een' }],
  notes: '',
  overdue: false,
  inPlanner: true,
  blockedBy: [],
  conflicts: [],
  version: `v-${id}`,
  ...o,
});

const readBack = async (sheet: Sheet) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await workbookBytes(sheet));
  const ws = book.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: ws.name, rows, ws };
};

describe('export to Excel', () => {
  it('writes the actions as shown, headers and labels in the reader’s language, due dates as dates', async () => {
    const rows = [
      action('a1', {
        title: 'Zaaksysteem kiezen',
        ks: ['kosten', 'kansen'],
        status: 'wacht',
        blockedBy: [{ kind: 'decision', id: 'B1', name: 'Keuze leverancier' }],
        notes: 'Offertes van drie leveranciers',
      }),
      action('a2', { due: null, owners: [], status: 'gereed' }),
    ];
    const nl = await readBack(actionsSheet(rows, 'nl'));
    expect(nl.name).toBe('Acties');
    expect(nl.rows[0]).toEqual(['Actie', 'Werkgroep', 'Eigenaar', 'Deadline', 'Status', "K's", 'Wacht op', 'Notities']);
    expect(nl.rows[1]?.slice(0, 3)).toEqual(['Zaaksysteem kiezen', 'Werkgroep A', 'Fictief Een']);
    expect((nl.rows[1]?.[3] as Date).toISOString().slice(0, 10)).toBe('2026-12-20');
    expect(nl.ws.getCell('D2').numFmt).toBe('d-m-yyyy');
    expect(nl.rows[1]?.slice(4)).toEqual([
      'Wacht op besluit',
      'Kosten, Kansen',
      'Keuze leverancier',
      'Offertes van drie leveranciers',
    ]);
    expect(nl.rows[2]?.[4]).toBe('Gereed');
    expect(nl.rows).toHaveLength(3);
    const en = await readBack(actionsSheet(rows, 'en'));
    expect(en.rows[1]?.[5]).toBe('Costs, Opportunities');
    expect(en.rows[0]?.[0]).toBe('Action');
  });

  it('writes the decisions with the days at each level of the route and in all', async () => {
    const d: DecisionView = {
      id: 'B20261103-1',
      title: 'Eén zaaksysteem',
      proposal: 'Kies één zaaksysteem voor de vier gemeenten.',
      werkgroep: 'wg-ict',
      werkgroepName: 'ICT',
      route: ['werkgroep', 'projectgroep', 'regiegroep'],
      steps: [
        { level: 'werkgroep', reachedOn: '2026-11-03' },
        { level: 'projectgroep', reachedOn: '2026-11-10' },
      ],
      outcome: { kind: 'besloten', on: '2026-11-24' },
      blocks: [],
      leadTimes: {
        decisionId: 'B20261103-1',
        levels: [
          { level: 'werkgroep', days: 7 },
          { level: 'projectgroep', days: 14 },
        ] as DecisionView['leadTimes']['levels'],
        totalDays: 21,
        decided: true,
      },
      version: 'v1',
    };
    const { rows } = await readBack(decisionsSheet([d], 'nl'));
    expect(rows[0]).toEqual([
      'Nummer',
      'Besluit',
      'Werkgroep',
      'Niveau nu',
      'Uitkomst',
      'Uitkomst op',
      'Dagen bij werkgroep',
      'Dagen bij projectgroep',
      'Dagen bij regiegroep',
      'Dagen in totaal',
    ]);
    expect(rows[1]?.slice(0, 5)).toEqual(['B20261103-1', 'Eén zaaksysteem', 'ICT', 'projectgroep', 'besloten']);
    expect((rows[1]?.[5] as Date).toISOString().slice(0, 10)).toBe('2026-11-24');
    // No time at the regiegroep: an empty cell, not a zero.
    expect(rows[1]?.slice(6)).toEqual([7, 14, undefined, 21]);
  });
});
