// Planner plans, buckets, tasks and task details. Every change names the item's own ETag (If-Match).
import type { GraphCall } from '../types.ts';
import { seg, withQuery, type ODataQuery } from './query.ts';

const ifMatch = (etag: string) => ({ 'If-Match': etag });

export const planner = {
  createPlan: (groupId: string, title: string): GraphCall => ({
    method: 'POST',
    path: '/planner/plans',
    body: {
      title,
      container: { url: `https://graph.microsoft.com/v1.0/groups/${groupId}`, containerId: groupId, type: 'group' },
    },
  }),
  plansOfGroup: (groupId: string): GraphCall => ({ method: 'GET', path: `/groups/${seg(groupId)}/planner/plans` }),
  createBucket: (planId: string, name: string): GraphCall => ({
    method: 'POST',
    path: `/planner/plans/${seg(planId)}/buckets`,
    body: { name, planId },
  }),
  plan: (planId: string): GraphCall => ({ method: 'GET', path: `/planner/plans/${seg(planId)}` }),
  planDetails: (planId: string): GraphCall => ({ method: 'GET', path: `/planner/plans/${seg(planId)}/details` }),
  updatePlanDetails: (planId: string, etag: string, patch: Record<string, unknown>): GraphCall => ({
    method: 'PATCH',
    path: `/planner/plans/${seg(planId)}/details`,
    body: patch,
    headers: ifMatch(etag),
  }),
  buckets: (planId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/planner/plans/${seg(planId)}/buckets`, q),
  }),
  tasks: (planId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/planner/plans/${seg(planId)}/tasks`, q),
  }),
  createTask: (planId: string, body: Record<string, unknown>): GraphCall => ({
    method: 'POST',
    path: `/planner/plans/${seg(planId)}/tasks`,
    body,
  }),
  task: (taskId: string, q?: ODataQuery): GraphCall => ({
    method: 'GET',
    path: withQuery(`/planner/tasks/${seg(taskId)}`, q),
  }),
  updateTask: (taskId: string, etag: string, patch: Record<string, unknown>): GraphCall => ({
    method: 'PATCH',
    path: `/planner/tasks/${seg(taskId)}`,
    body: patch,
    headers: ifMatch(etag),
  }),
  deleteTask: (taskId: string, etag: string): GraphCall => ({
    method: 'DELETE',
    path: `/planner/tasks/${seg(taskId)}`,
    headers: ifMatch(etag),
  }),
  taskDetails: (taskId: string): GraphCall => ({ method: 'GET', path: `/planner/tasks/${seg(taskId)}/details` }),
  updateTaskDetails: (taskId: string, etag: string, patch: Record<string, unknown>): GraphCall => ({
    method: 'PATCH',
    path: `/planner/tasks/${seg(taskId)}/details`,
    body: patch,
    headers: ifMatch(etag),
  }),
};
