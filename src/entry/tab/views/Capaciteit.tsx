// Capaciteit: load per person against the hours they have for the programme; overload highlighted first. The API
// sends only the load the signed-in person may see (their own, or everyone's for the projectleider and the
// regiegroep: a person's workload is personal data); with only their own, the view says so.
import {
  Badge,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { Loadable, useData, useTab } from '../data.tsx';
import { tr } from '../i18n.ts';
import type { CapacityResponse } from '../../../app/contract.ts';
import { sortCapacity } from '../logic.ts';

export function Capaciteit() {
  const state = useData<CapacityResponse>('/capaciteit');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(d) => (
        <>
          {d.scope === 'own' && <p>{tr(lang, 'capaciteit.ownOnly')}</p>}
          <Table aria-label={tr(lang, 'nav.capaciteit')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{tr(lang, 'capaciteit.col.person')}</TableHeaderCell>
                <TableHeaderCell>{tr(lang, 'capaciteit.col.load')}</TableHeaderCell>
                <TableHeaderCell>{tr(lang, 'capaciteit.col.hours')}</TableHeaderCell>
                <TableHeaderCell>{tr(lang, 'capaciteit.col.open')}</TableHeaderCell>
                <TableHeaderCell>{tr(lang, 'capaciteit.col.werkgroepen')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sortCapacity(d.people).map((p) => (
                <TableRow
                  key={p.personId}
                  aria-label={p.overLimit ? `${p.name} (${tr(lang, 'capaciteit.over')})` : p.name}
                >
                  <TableCell>
                    {p.name} {p.overLimit && <Badge color="danger">{tr(lang, 'capaciteit.over')}</Badge>}
                  </TableCell>
                  <TableCell>
                    <ProgressBar
                      aria-label={`${p.name}: ${p.loadHours} / ${p.hoursPerWeek}`}
                      value={Math.min(1, p.ratio ?? 1)}
                      color={p.overLimit ? 'error' : 'brand'}
                    />
                  </TableCell>
                  <TableCell>
                    {p.loadHours.toFixed(1)} / {p.hoursPerWeek}
                  </TableCell>
                  <TableCell>
                    {p.openActions} ({p.overdueActions})
                  </TableCell>
                  <TableCell>{p.werkgroepen.length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Loadable>
  );
}
