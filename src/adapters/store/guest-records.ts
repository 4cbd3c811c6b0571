// Where each guest's invitation stands (table guest_invitations, migration 009): not invited, invited, accepted,
// with the guest account's id and when it was invited and accepted. The sync writes it; the tab and CLI read it.
import type { Db } from './store.ts';

/** not-invited: no guest account in the host tenant · invited: made, not yet accepted · accepted: redeemed. */
type GuestInvitationState = 'not-invited' | 'invited' | 'accepted';

/** One person's invitation as stored. */
interface GuestInvitation {
  personId: string;
  state: GuestInvitationState;
  guestUserId: string | null;
  invitedAt: Date | null;
  acceptedAt: Date | null;
  updatedAt: Date;
}

export interface GuestRecords {
  /**
   * Stores each person's current state. `invitedAt` is kept from the first time a person is seen invited (or set
   * to `at`), `acceptedAt` from the first time accepted; a person back to not-invited (account removed) loses both.
   */
  save(
    programmeId: string,
    states: { personId: string; state: GuestInvitationState; guestUserId?: string }[],
    at: Date,
  ): Promise<void>;
  /** Every stored person of the programme, by person id. */
  list(programmeId: string): Promise<GuestInvitation[]>;
}

interface Row {
  person_id: string;
  state: GuestInvitationState;
  guest_user_id: string | null;
  invited_at: Date | string | null;
  accepted_at: Date | string | null;
  updated_at: Date | string;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function guestRecords(db: Db): GuestRecords {
  return {
    async save(programmeId, states, at) {
      if (states.length === 0) return;
      await db.transaction(async (tx) => {
        for (const s of states) {
          await tx.query(
            `INSERT INTO guest_invitations
               (programme_id, person_id, state, guest_user_id, invited_at, accepted_at, updated_at)
             VALUES ($1, $2, $3::text, $4,
               CASE WHEN $3::text = 'not-invited' THEN NULL ELSE $5::timestamptz END,
               CASE WHEN $3::text = 'accepted' THEN $5::timestamptz END, $5::timestamptz)
             ON CONFLICT (programme_id, person_id) DO UPDATE SET
               state = EXCLUDED.state,
               guest_user_id = EXCLUDED.guest_user_id,
               invited_at = CASE WHEN EXCLUDED.state = 'not-invited' THEN NULL
                                 ELSE COALESCE(guest_invitations.invited_at, EXCLUDED.invited_at) END,
               accepted_at = CASE WHEN EXCLUDED.state = 'accepted'
                                  THEN COALESCE(guest_invitations.accepted_at, EXCLUDED.accepted_at) END,
               updated_at = CASE WHEN guest_invitations.state = EXCLUDED.state
                                  AND guest_invitations.guest_user_id IS NOT DISTINCT FROM EXCLUDED.guest_user_id
                                 THEN guest_invitations.updated_at ELSE EXCLUDED.updated_at END`,
            [programmeId, s.personId, s.state, s.guestUserId ?? null, at],
          );
        }
      });
    },
    async list(programmeId) {
      const r = await db.query<Row>(
        `SELECT person_id, state, guest_user_id, invited_at, accepted_at, updated_at
         FROM guest_invitations WHERE programme_id = $1 ORDER BY person_id`,
        [programmeId],
      );
      return r.rows.map((row) => ({
        personId: row.person_id,
        state: row.state,
        guestUserId: row.guest_user_id,
        invitedAt: date(row.invited_at),
        acceptedAt: date(row.accepted_at),
        updatedAt: new Date(row.updated_at),
      }));
    },
  };
}
