// The options of every "choose an outcome" list in the tab (Besluiten, the meeting view, its decision form): a first
// option that chooses nothing — there is never a default outcome (issue 18 §1) — then the outcomes in their order.
import { OUTCOME_KINDS } from '../../../domain/vocabulary.ts';
import { useTab } from '../data.tsx';
import { tr, type MessageKey } from '../i18n.ts';

/** `<option>`s for a Select: `placeholder` (value '', `disabled` once something must be chosen), then each outcome. */
export function OutcomeOptions({ placeholder, disabled = false }: { placeholder: MessageKey; disabled?: boolean }) {
  const { lang } = useTab();
  return (
    <>
      <option value="" disabled={disabled}>
        {tr(lang, placeholder)}
      </option>
      {OUTCOME_KINDS.map((o) => (
        <option key={o} value={o}>
          {tr(lang, `outcome.${o}`)}
        </option>
      ))}
    </>
  );
}
