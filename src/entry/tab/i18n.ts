// The tab's words: Dutch first, English second; the language follows the Teams locale (or ?lang=).
export type Lang = 'nl' | 'en';

const messages = {
  'app.title': { nl: 'Regiekamer', en: 'Regiekamer' },
  'nav.overzicht': { nl: 'Overzicht', en: 'Overview' },
  'nav.acties': { nl: 'Acties', en: 'Actions' },
  'nav.besluiten': { nl: 'Besluiten', en: 'Decisions' },
  'nav.vierks': { nl: "De vier K's", en: "The four K's" },
  'nav.capaciteit': { nl: 'Capaciteit', en: 'Capacity' },
  'signin.title': { nl: 'Aanmelden nodig', en: 'Sign-in needed' },
  'signin.text': { nl: 'Meld je aan om het programma te zien. Buiten Teams kies je bij de lokale tenant wie je bent.', en: 'Sign in to see the programme. Outside Teams you choose who you are at the local tenant.' },
  'signin.button': { nl: 'Aanmelden', en: 'Sign in' },
  'signin.expired': { nl: 'Je aanmelding is verlopen of ongeldig (401). Meld je opnieuw aan.', en: 'Your sign-in expired or is invalid (401). Please sign in again.' },
  'signout': { nl: 'Afmelden', en: 'Sign out' },
  'loading': { nl: 'Laden…', en: 'Loading…' },
  'error.load': { nl: 'Kon de gegevens niet laden: {detail}. Probeer het opnieuw.', en: 'Could not load the data: {detail}. Please try again.' },
  'retry': { nl: 'Opnieuw', en: 'Retry' },
  'signedInAs': { nl: 'Aangemeld als {name}', en: 'Signed in as {name}' },
  'overzicht.phases': { nl: 'Fasen', en: 'Phases' },
  'overzicht.today': { nl: 'Vandaag: {date}', en: 'Today: {date}' },
  'overzicht.meetings': { nl: 'Volgende overleggen', en: 'Next meetings' },
  'overzicht.werkgroepen': { nl: 'Werkgroepen', en: 'Working groups' },
  'tile.noUpdate': { nl: 'Nog geen update', en: 'No update yet' },
  'tile.update': { nl: '{status} · {age}', en: '{status} · {age}' },
  'tile.counts': { nl: '{open} open · {overdue} te laat · {blocked} geblokkeerd', en: '{open} open · {overdue} overdue · {blocked} blocked' },
  'tile.trekker': { nl: 'Trekker: {name}', en: 'Lead: {name}' },
  'age.today': { nl: 'vandaag', en: 'today' },
  'age.days': { nl: '{n} dagen geleden', en: '{n} days ago' },
  'age.day': { nl: 'gisteren', en: 'yesterday' },
  'status.op-koers': { nl: 'op koers', en: 'on track' },
  'status.aandacht': { nl: 'aandacht nodig', en: 'needs attention' },
  'status.risico': { nl: 'risico', en: 'at risk' },
  'acties.filter.mine': { nl: 'Mijn acties', en: 'My actions' },
  'acties.filter.overdue': { nl: 'Te laat', en: 'Overdue' },
  'acties.filter.blocked': { nl: 'Geblokkeerd', en: 'Blocked' },
  'acties.filter.werkgroep': { nl: 'Werkgroep', en: 'Working group' },
  'acties.filter.k': { nl: 'K', en: 'K' },
  'acties.filter.all': { nl: 'Alle', en: 'All' },
  'acties.col.title': { nl: 'Actie', en: 'Action' },
  'acties.col.werkgroep': { nl: 'Werkgroep', en: 'Working group' },
  'acties.col.owners': { nl: 'Eigenaar', en: 'Owner' },
  'acties.col.due': { nl: 'Deadline', en: 'Due' },
  'acties.col.status': { nl: 'Status', en: 'Status' },
  'acties.empty': { nl: 'Geen acties met deze filters. Zet een filter uit om meer te zien.', en: 'No actions with these filters. Turn a filter off to see more.' },
  'acties.saved': { nl: 'Opgeslagen; Planner wordt bijgewerkt.', en: 'Saved; Planner is being updated.' },
  'acties.refused': { nl: 'Niet opgeslagen: {detail}', en: 'Not saved: {detail}' },
  'acties.count': { nl: '{n} acties', en: '{n} actions' },
  'astatus.open': { nl: 'Te doen', en: 'To do' },
  'astatus.loopt': { nl: 'Loopt', en: 'In progress' },
  'astatus.wacht': { nl: 'Wacht op besluit', en: 'Waiting for decision' },
  'astatus.gereed': { nl: 'Gereed', en: 'Done' },
  'besluiten.median': { nl: 'Mediane doorlooptijd per niveau (dagen)', en: 'Median lead time per level (days)' },
  'besluiten.route': { nl: '{level}: {days} d', en: '{level}: {days} d' },
  'besluiten.total': { nl: 'totaal {days} dagen', en: 'total {days} days' },
  'besluiten.empty': { nl: 'Nog geen besluiten.', en: 'No decisions yet.' },
  'vierks.none': { nl: 'Nog geen successen gemeld voor deze K.', en: 'No successes reported for this K yet.' },
  'vierks.actions': { nl: '{n} acties dragen bij', en: '{n} actions contribute' },
  'capaciteit.col.person': { nl: 'Persoon', en: 'Person' },
  'capaciteit.col.load': { nl: 'Belasting', en: 'Load' },
  'capaciteit.col.hours': { nl: 'Uren/week', en: 'Hours/week' },
  'capaciteit.col.werkgroepen': { nl: 'Werkgroepen', en: 'Working groups' },
  'capaciteit.col.open': { nl: 'Open', en: 'Open' },
  'capaciteit.over': { nl: 'overbelast', en: 'overloaded' },
  'theme': { nl: 'Thema', en: 'Theme' },
} as const;

export type MessageKey = keyof typeof messages;

export function tr(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (w, k: string) => (params[k] === undefined ? w : String(params[k])));
}

export function langOf(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
