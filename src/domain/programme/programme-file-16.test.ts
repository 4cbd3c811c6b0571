import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { homeId, homes, homeTenantIds } from './home.ts';
import { milestoneWarnings } from './milestone-checks.ts';
import { parseProgramme } from './parse.ts';
import type { Programme } from './schema.ts';

const minimal = readFileSync('tests/fixtures/programmes/minimal.yaml', 'utf8');
const parse = (text: string) => parseProgramme(new TextEncoder().encode(text), 'proef.yaml');
const valid = (text: string): Programme => {
  const r = parse(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.col} ${p.key}`).join('\n'));
  return r.programme;
};

/** minimal.yaml with an external bureau: one with its own tenant, one without (its person joins as a guest). */
const withOrganisaties = minimal
  .replace(
    'vakgebieden:\n',
    [
      'organisaties:',
      '  - { id: bureau-met, name: Bureau Met Tenant, type: bureau, tenantId: 33333333-3333-4333-8333-333333333333, domain: met.example }',
      '  - { id: bureau-zonder, name: Bureau Zonder Tenant, type: bureau }',
      'vakgebieden:',
      '',
    ].join('\n'),
  )
  .replace(
    'bodies:\n',
    [
      '  - { id: olga, name: Olga Met, upn: olga@met.example, organisatie: bureau-met, hoursPerWeek: 8 }',
      '  - { id: zeno, name: Zeno Zonder, upn: zeno@zonder.example, organisatie: bureau-zonder, hoursPerWeek: 8 }',
      'bodies:',
      '  - id: klankbord',
      '    kind: klankbordgroep',
      '    name: Klankbordgroep',
      '    members: [zeno]',
      '    channel: { kind: private, externalAccess: guest }',
      '',
    ].join('\n'),
  )
  .replace('    members: [cor, anna]\n', '    members: [cor, anna, olga]\n');

describe('organisaties in the programme file', () => {
  it('accepts a person of an organisatie; one with a tenant is allow-listed like a gemeente, one without is not', () => {
    const p = valid(withOrganisaties);
    const olga = p.people.find((x) => x.id === 'olga');
    expect(olga && homeId(olga)).toBe('bureau-met');
    expect(homes(p).map((h) => `${h.kind}:${h.id}`)).toEqual([
      'gemeente:alfa',
      'gemeente:beta',
      'organisatie:bureau-met',
      'organisatie:bureau-zonder',
    ]);
    expect(homeTenantIds(p)).toEqual([
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
      '33333333-3333-4333-8333-333333333333',
    ]);
  });

  it('refuses a person of an organisatie without a tenant in a shared channel by direct connect, at the member', () => {
    const text = withOrganisaties.replace('    members: [cor, anna, olga]\n', '    members: [cor, anna, olga, zeno]\n');
    const r = parse(text);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('members: [cor, anna, olga, zeno]'));
    const col = (lines[line] ?? '').indexOf('zeno') + 1;
    expect(problems.map((x) => `${x.line}:${x.col} ${x.key}`)).toEqual([
      `${line + 1}:${col} shared.noTenantOrganisatie`,
    ]);
  });
});

describe('milestone warnings', () => {
  const phases: Programme['phases'] = [
    { number: 1, name: 'Een', start: '2026-01-01', end: '2026-06-30', owner: [], involved: [] },
    { number: 2, name: 'Twee', start: '2026-07-01', end: '2026-12-31', owner: [], involved: [] },
  ];
  const m = (date: string, phase?: number) => ({ id: date, date, title: 'M', celebrate: false, phase });

  it('warns about a milestone outside its phase or before the first phase, at its date', () => {
    const issues = milestoneWarnings({ phases, milestones: [m('2026-08-01', 1), m('2025-12-31'), m('2026-03-01', 1)] });
    expect(issues.map((i) => `${i.path.join('.')} ${i.key} ${i.severity}`)).toEqual([
      'milestones.0.date warning.milestoneOutsidePhase warning',
      'milestones.1.date warning.milestoneOutside warning',
    ]);
  });

  it("accepts a milestone without a phase up to a quarter after the last phase ('live on 1 January'), not later", () => {
    const issues = milestoneWarnings({ phases, milestones: [m('2027-01-01'), m('2027-04-02'), m('2027-04-03')] });
    expect(issues.map((i) => i.path[1])).toEqual([2]);
    expect(milestoneWarnings({ phases: [], milestones: [m('1999-01-01')] })).toEqual([]);
  });
});
