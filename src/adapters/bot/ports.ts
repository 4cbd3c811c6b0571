// The bot use cases' ports (src/app/bot), implemented: person look-ups and the calendar over the Graph gateway,
// the rhythm's dispatch over the job queue.
import type { RhythmOptions } from '../../app/bot/rhythm.ts';
import type { UserLookup } from '../../app/bot/service.ts';
import { users } from '../graph/endpoints/directory.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import type { JobRunner } from '../queue/jobs.ts';
import type { BotRecords } from '../store/bot-records.ts';
import { calendarOverrides } from './calendar.ts';
import { dispatchDue } from './deliveries.ts';

/** A user's UPN and mail from their own tenant (GET /users/{id}?$select=userPrincipalName,mail). */
export function graphUserLookup(gateway: GraphGateway): UserLookup {
  return async (tenantId, aadObjectId) =>
    (
      await gateway.request<{ userPrincipalName?: string; mail?: string }>(
        tenantId,
        users.get(aadObjectId, { select: ['userPrincipalName', 'mail'] }),
      )
    ).body;
}

/** The rhythm's queue and (with a gateway) calendar: due deliveries go to `runner`'s deliver queue. */
export function rhythmPorts(
  records: BotRecords,
  runner: JobRunner,
  gateway?: GraphGateway,
): Pick<RhythmOptions, 'dispatch' | 'calendar'> {
  return {
    dispatch: (programmeId, now) => dispatchDue(records, runner, programmeId, now),
    ...(gateway
      ? {
          calendar: (programme, tenantId, expected, window) =>
            calendarOverrides(gateway, programme, tenantId, expected, window),
        }
      : {}),
  };
}
