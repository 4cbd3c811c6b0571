// The routes of the meeting app and the besluitenlijst (issue 18 §3, §4); the use cases are src/app/meeting.ts.
import type { Request, Response, Router } from 'express';
import * as api from '../../app/contract.ts';
import { besluitenlijsten, closeMeeting, meetingView, recordInMeeting } from '../../app/meeting.ts';
import { callerOfRes, ifMatch, mayRead, param, parse, send, type ApiDeps } from './api-kit.ts';

/** The meeting a path names (/vergaderingen/:body/:date), or undefined after answering 400. */
const meetingRef = (req: Request, res: Response): api.MeetingRef | undefined =>
  parse(res, api.MeetingRef, { body: param(req, 'body'), date: param(req, 'date') });

/**
 * A meeting of a regiegroep or projectgroep: read it, record at an agenda item (201; an outcome with the decision's
 * version in If-Match), close it (its besluitenlijst goes to the body's channel), and the closed meetings' lists.
 */
export function meetingRoutes(router: Router, d: ApiDeps): void {
  router.get('/vergaderingen', mayRead(d), async (_req, res) => {
    res.json((await besluitenlijsten(d)) satisfies api.BesluitenlijstenResponse);
  });
  router.get('/vergaderingen/:body/:date', async (req, res) => {
    const ref = meetingRef(req, res);
    if (ref) send<api.MeetingResponse>(res, await meetingView(d, callerOfRes(d, res), ref));
  });
  router.post('/vergaderingen/:body/:date/vastleggingen', async (req, res) => {
    const ref = meetingRef(req, res);
    const body = ref && parse(res, api.MeetingRecordInput, req.body);
    if (ref && body)
      send<api.MeetingRecordResponse>(res, await recordInMeeting(d, callerOfRes(d, res), ref, body, ifMatch(req)), 201);
  });
  router.post('/vergaderingen/:body/:date/sluiten', async (req, res) => {
    const ref = meetingRef(req, res);
    if (ref) send<api.MeetingCloseResponse>(res, await closeMeeting(d, callerOfRes(d, res), ref, d.deliverNow));
  });
}
