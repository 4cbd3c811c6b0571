// @regiekamer/local-tenant: several Microsoft 365 tenants in one process — Graph v1.0, Entra ID (v2 token, OpenID,
// keys, sign-in) and the Bot Connector — for development and tests. Its public API; everything else is internal.
// See README.md for what it emulates, its fidelity rules and fault injection.

export { startLocalTenant, TENANT_IN_MEMORY } from './server.ts';
export type {
  IdentityFactory,
  IdentityProvider,
  LocalTenantHandle,
  LocalTenantInfo,
  LocalTenantOptions,
  VerifiedToken,
} from './server.ts';
export type { AppRegistration, DirectoryTenant, DirectoryUser, TenantDirectory } from './seed.ts';
export { GraphHttpError, systemClock } from './core.ts';
export type {
  Clock,
  Entity,
  Json,
  LocalTenantState,
  Route,
  TenantContext,
  TenantLogger,
  TenantRequest,
  TenantResponse,
} from './core.ts';
export type { FaultConfig } from './faults.ts';
export type { DirectConnectBlock, TenantSetup } from './tenant-setup.ts';
export type { AcceptedInvitation } from './invitations.ts';
export type { LocalTenantStats, Outcome, RequestLogEntry } from './stats.ts';
export type { BotActivityRecord, ConversationState } from './botconnector.ts';
export { StateFileError } from './persistence.ts';
export { deleteTaskAsPerson, editTaskAsPerson, editTaskDetailsAsPerson, type PersonEditOptions } from './planner.ts';
export { trustingFetch } from './trust.ts';
