// Events in the organizer's mailbox: recurring series, their occurrences, and single-occurrence changes.
import type { GraphCall } from '../types.ts';
import { seg, withQuery, type ODataQuery } from './query.ts';

export const events = {
  list: (mailbox: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/users/${seg(mailbox)}/events`, q),
  }),
  get: (mailbox: string, eventId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/users/${seg(mailbox)}/events/${seg(eventId)}`, q),
  }),
  create: (mailbox: string, body: Record<string, unknown>): GraphCall => ({
    method: 'POST',
    path: `/users/${seg(mailbox)}/events`,
    body,
  }),
  update: (mailbox: string, eventId: string, patch: Record<string, unknown>): GraphCall => ({
    method: 'PATCH',
    path: `/users/${seg(mailbox)}/events/${seg(eventId)}`,
    body: patch,
  }),
  remove: (mailbox: string, eventId: string): GraphCall => ({
    method: 'DELETE',
    path: `/users/${seg(mailbox)}/events/${seg(eventId)}`,
  }),
  cancel: (mailbox: string, eventId: string, comment?: string): GraphCall => ({
    method: 'POST',
    path: `/users/${seg(mailbox)}/events/${seg(eventId)}/cancel`,
    body: comment ? { comment } : {},
  }),
  instances: (mailbox: string, seriesId: string, start: string, end: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/users/${seg(mailbox)}/events/${seg(seriesId)}/instances`, q, {
      startDateTime: start,
      endDateTime: end,
    }),
  }),
  calendarView: (mailbox: string, start: string, end: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/users/${seg(mailbox)}/calendarView`, q, { startDateTime: start, endDateTime: end }),
  }),
};
