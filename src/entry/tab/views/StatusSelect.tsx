// An action's status as a dropdown that saves when the choice is made, not on every step towards it. A native
// <select> fires `change` on every arrow key while it is closed and focused (Chromium, Edge: the Teams desktop
// client), so saving on `change` sent each intermediate status on to Planner. Here a change made with the keyboard
// is only a draft until Enter or leaving the field (blur); a choice made with the pointer (or by a script or
// assistive technology selecting an option) saves at once. One write per change: the same value is never sent twice.
import { useEffect, useRef, useState } from 'react';
import { Select } from '@fluentui/react-components';
import type { ActionView } from '../../../app/contract.ts';
import { ACTION_STATUSES } from '../../../domain/vocabulary.ts';
import { useTab } from '../data.tsx';
import { tr } from '../i18n.ts';

type Status = ActionView['status'];

/**
 * The status dropdown of one action: `save` is called once per committed change; its promise says whether it was
 * saved. Saved, the dropdown keeps showing the choice until `value` follows; refused, it goes back to `value`.
 */
export function StatusSelect({
  value,
  label,
  save,
}: {
  value: Status;
  label: string;
  save: (status: Status) => Promise<boolean>;
}) {
  const { lang } = useTab();
  const [draft, setDraft] = useState<Status>(value);
  const latest = useRef({ value, draft: value, sent: value });
  // Moving with keys (arrows, Home/End, letters) makes a draft; Enter or blur commits it.
  const byKeyboard = useRef(false);
  latest.current.value = value;
  useEffect(() => {
    setDraft(value);
    latest.current = { value, draft: value, sent: value };
  }, [value]);

  const commit = (status: Status) => {
    if (status === latest.current.sent) return;
    latest.current.sent = status;
    void save(status).then((saved) => {
      // Saved: `value` follows when the parent renders the saved action (the effect above); until then the choice
      // stays shown — reading `value` here would still see the old one. Refused: back to what is stored.
      if (saved) return;
      const now = latest.current.value;
      latest.current = { value: now, draft: now, sent: now };
      setDraft(now);
    });
  };

  return (
    <Select
      aria-label={label}
      value={draft}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          byKeyboard.current = false;
          commit(latest.current.draft);
        } else byKeyboard.current = e.key !== 'Tab';
      }}
      onPointerDown={() => {
        byKeyboard.current = false;
      }}
      onChange={(_e, d) => {
        const status = d.value as Status;
        latest.current.draft = status;
        setDraft(status);
        if (!byKeyboard.current) commit(status);
      }}
      onBlur={() => {
        byKeyboard.current = false;
        commit(latest.current.draft);
      }}
    >
      {ACTION_STATUSES.map((st) => (
        <option key={st} value={st}>
          {tr(lang, `astatus.${st}`)}
        </option>
      ))}
    </Select>
  );
}
