-- The day an action started waiting (its first blocker), so the wait can be measured from then.
ALTER TABLE actions ADD COLUMN IF NOT EXISTS blocked_since date;
