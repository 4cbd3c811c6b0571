// The routes of decisions entered by people (issue 18 §1); the use cases are src/app/work/proposals.ts.
import type { Router } from 'express';
import * as api from '../../app/contract.ts';
import {
  closeProposal,
  decisionHistory,
  editProposalOf,
  moveProposal,
  proposeDecision,
  undoLastChange,
  withdrawProposal,
} from '../../app/work/proposals.ts';
import { callerOfRes, ifMatch, mayRead, param, parse, send, type ApiDeps } from './api-kit.ts';

/**
 * Decisions entered by people (issue 18 §1): propose (201), edit, move, close with a chosen outcome, withdraw, undo
 * the latest move or outcome — each change with the decision's version in If-Match — and its history.
 */
export function decisionRoutes(router: Router, d: ApiDeps): void {
  router.post('/besluiten', async (req, res) => {
    const body = parse(res, api.ProposalInput, req.body);
    if (body) send<api.DecisionView>(res, await proposeDecision(d, callerOfRes(d, res), body), 201);
  });
  router.patch('/besluiten/:id', async (req, res) => {
    const body = parse(res, api.ProposalPatch, req.body);
    if (body)
      send<api.DecisionView>(res, await editProposalOf(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/verplaatsen', async (req, res) => {
    const body = parse(res, api.DecisionMove, req.body);
    if (body)
      send<api.DecisionView>(res, await moveProposal(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/uitkomst', async (req, res) => {
    const body = parse(res, api.DecisionOutcome, req.body);
    if (body)
      send<api.DecisionView>(res, await closeProposal(d, callerOfRes(d, res), param(req, 'id'), body, ifMatch(req)));
  });
  router.post('/besluiten/:id/intrekken', async (req, res) => {
    send<api.DecisionView>(res, await withdrawProposal(d, callerOfRes(d, res), param(req, 'id'), ifMatch(req)));
  });
  router.post('/besluiten/:id/ongedaan', async (req, res) => {
    send<api.DecisionView>(res, await undoLastChange(d, callerOfRes(d, res), param(req, 'id'), ifMatch(req)));
  });
  router.get('/besluiten/:id/geschiedenis', mayRead(d), async (req, res) => {
    send<api.DecisionHistoryResponse>(res, await decisionHistory(d, param(req, 'id')));
  });
}
