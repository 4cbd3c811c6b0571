// A werkgroep's update in full (issue 18 §1/§2): status, progress, results, next steps, blockers, decisions needed
// from the regiegroep and the notes per K — and, next to the decisions needed, "Maak voorstel": the proposal form
// prefilled from that text at the regiegroep's level (the projectgroep's when the route has none), linked to the
// update, for the person to check and submit. Once a decision was proposed from the update, it says which instead.
import { useState } from 'react';
import { Body1, Button, Caption1, Card, Text } from '@fluentui/react-components';
import type { WerkgroepResponse } from '../../../app/contract.ts';
import { t } from '../../../domain/i18n.ts';
import { Notice, useTab, type NoticeState } from '../data.tsx';
import { LOCALE_OF, tr, type MessageKey } from '../i18n.ts';
import { ProposalFromUpdate } from './ProposalForm.tsx';

type Update = WerkgroepResponse['updates'][number];

/** A labelled part of the update; nothing when the update leaves it empty. */
function Part({ label, text }: { label: MessageKey; text: string | undefined }) {
  const { lang } = useTab();
  if (!text?.trim()) return null;
  return (
    <div>
      <Caption1 block>
        <b>{tr(lang, label)}</b>
      </Caption1>
      <Body1 style={{ whiteSpace: 'pre-wrap' }}>{text}</Body1>
    </div>
  );
}

/** One update of werkgroep `werkgroep`, in full. */
export function UpdateCard({ werkgroep, u }: { werkgroep: string; u: Update }) {
  const { lang, me } = useTab();
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  // Made in this session: the button goes at once; after a reload the server's proposedAs says which decision.
  const [made, setMade] = useState(false);
  const may = me.app || me.mayDecide || me.werkgroepen.includes(werkgroep);
  const ks = (u.ks ?? []).filter((k) => k.note.trim() !== '');
  const date = new Date(u.submittedAt).toLocaleDateString(LOCALE_OF[lang]);
  return (
    <Card role="article" aria-label={u.period}>
      <Caption1>
        {date} · {u.by}
        {u.status ? ` · ${tr(lang, `status.${u.status}`)}` : ''}
      </Caption1>
      <Part label="werkgroep.progress" text={u.progress} />
      <Part label="werkgroep.results" text={u.successes} />
      <Part label="werkgroep.nextSteps" text={u.nextSteps} />
      <Part label="werkgroep.blockers" text={u.blockers} />
      <Part label="werkgroep.decisionsNeeded" text={u.decisionsNeeded} />
      {u.proposedAs && (
        <Caption1 block>
          {tr(lang, 'werkgroep.proposedAs', { id: u.proposedAs.id, title: u.proposedAs.title })}
        </Caption1>
      )}
      {u.decisionsNeeded?.trim() && may && !proposing && !u.proposedAs && !made && (
        <div>
          <Button size="small" onClick={() => setProposing(true)}>
            {tr(lang, 'werkgroep.makeProposal')}
          </Button>
        </div>
      )}
      <Notice notice={notice} />
      {proposing && u.decisionsNeeded && (
        <ProposalFromUpdate
          werkgroep={werkgroep}
          update={{ id: u.id, decisionsNeeded: u.decisionsNeeded, label: `${date} · ${u.by}` }}
          onCancel={() => setProposing(false)}
          onDone={(made) => {
            setProposing(false);
            setMade(true);
            const level = made.steps.at(-1)?.level ?? '';
            setNotice({ intent: 'success', text: tr(lang, 'voorstel.saved', { title: made.title, level }) });
          }}
        />
      )}
      {ks.length > 0 && (
        <div>
          <Caption1 block>
            <b>{tr(lang, 'werkgroep.ks')}</b>
          </Caption1>
          <ul aria-label={`${tr(lang, 'werkgroep.ks')}: ${u.period}`} style={{ margin: 0 }}>
            {ks.map((k) => (
              <li key={k.k}>
                <Text>
                  {t(`bot.k.${k.k}`, {}, lang)}: {k.note}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
