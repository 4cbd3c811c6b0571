-- Guests: per programme person who joins the host tenant's team as a guest (a body whose channel has
-- externalAccess: guest), where their invitation stands: not-invited, invited (guest account made, the person has not
-- accepted: externalUserState PendingAcceptance) or accepted. Updated from every sync's read of the host tenant and
-- when the sync sends an invitation; the tab and the CLI show it. No mail address is kept here (the file has it).
CREATE TABLE IF NOT EXISTS guest_invitations (
  programme_id    text NOT NULL,
  person_id       text NOT NULL,
  state           text NOT NULL CHECK (state IN ('not-invited', 'invited', 'accepted')),
  guest_user_id   text,
  invited_at      timestamptz,
  accepted_at     timestamptz,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (programme_id, person_id)
);
