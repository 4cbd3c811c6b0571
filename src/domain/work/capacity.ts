// Load per person: open and overdue actions, werkgroep memberships and the hours of the programme's meetings each
// person attends, as estimated hours per week against the hours each person has for the programme, so overload
// shows before people drop out.
import type { Programme } from '../programme/schema.ts';
import { meetingHoursPerWeek } from '../schedule/attendance.ts';
import { isOverdue } from './figures.ts';
import { assertDate, isOpenAction, type Action } from './model.ts';

export interface CapacityOptions {
  /** Estimated hours per week one open action takes its owner (each owner carries it fully). Default 1. */
  hoursPerAction?: number;
  /** Estimated hours per week a werkgroep membership takes (meetings, reading). Default 2. */
  hoursPerMembership?: number;
}

export interface PersonLoad {
  personId: string;
  name: string;
  openActions: number;
  /** Open actions whose due date is before today. */
  overdueActions: number;
  /** Ids of the werkgroepen the person is a member (or trekker) of. */
  werkgroepen: string[];
  /** Hours per week in the programme's meetings (cadences × bodies; see meetingHoursPerWeek), one decimal. */
  meetingHours: number;
  /** Actions + memberships + meetingHours, one decimal. */
  loadHours: number;
  hoursPerWeek: number;
  /** loadHours / hoursPerWeek; Infinity when someone with 0 hours has load. */
  ratio: number;
  overLimit: boolean;
}

/**
 * The load of everyone in the programme on `today` (YYYY-MM-DD, local), highest ratio first: actions, memberships
 * and the meetings of the coming quarter. Actions owned by ids that are not people in the programme are not counted
 * (the programme's own checks report unknown people).
 */
export function capacity(
  programme: Pick<Programme, 'people' | 'bodies' | 'cadences'>,
  actions: readonly Action[],
  today: string,
  options: CapacityOptions = {},
): PersonLoad[] {
  assertDate(today, 'today');
  const hoursPerAction = options.hoursPerAction ?? 1;
  const hoursPerMembership = options.hoursPerMembership ?? 2;
  const open = actions.filter(isOpenAction);
  const meetings = meetingHoursPerWeek(programme, today);
  const loads = programme.people.map((person): PersonLoad => {
    const own = open.filter((a) => a.owners.includes(person.id));
    const werkgroepen = programme.bodies
      .filter((b) => b.kind === 'werkgroep' && (b.members.includes(person.id) || b.trekker === person.id))
      .map((b) => b.id);
    const meetingHours = meetings.get(person.id) ?? 0;
    const loadHours =
      Math.round((own.length * hoursPerAction + werkgroepen.length * hoursPerMembership + meetingHours) * 10) / 10;
    const ratio = person.hoursPerWeek > 0 ? loadHours / person.hoursPerWeek : loadHours > 0 ? Infinity : 0;
    return {
      personId: person.id,
      name: person.name,
      openActions: own.length,
      overdueActions: own.filter((a) => isOverdue(a, today)).length,
      werkgroepen,
      meetingHours,
      loadHours,
      hoursPerWeek: person.hoursPerWeek,
      ratio,
      overLimit: loadHours > person.hoursPerWeek,
    };
  });
  return loads.sort((a, b) => b.ratio - a.ratio || b.loadHours - a.loadHours || a.personId.localeCompare(b.personId));
}
