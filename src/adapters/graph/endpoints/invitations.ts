// B2B invitations: a person of another organisation becomes a guest user of the tenant the call is made in.
// POST /invitations (application permission User.Invite.All, optional: only programmes with guests.invite use it;
// docs/platform.md#permissions-and-consent). The answer's invitedUser.id is the guest account, whose
// externalUserState stays 'PendingAcceptance' until the person redeems the invitation.
import type { GraphCall } from '../types.ts';

/** What an invitation needs: the person's mail address, their name, and where they land after accepting. */
export interface InvitationInput {
  email: string;
  displayName: string;
  redirectUrl: string;
}

export const invitations = {
  /** Invites one person as a guest; Graph sends the invitation mail (sendInvitationMessage). 201 with the invitation. */
  create: (i: InvitationInput): GraphCall => ({
    method: 'POST',
    path: '/invitations',
    body: {
      invitedUserEmailAddress: i.email,
      invitedUserDisplayName: i.displayName,
      inviteRedirectUrl: i.redirectUrl,
      sendInvitationMessage: true,
    },
  }),
};
