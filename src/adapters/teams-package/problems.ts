// What can be wrong with a Teams app package: a message key with parameters, rendered in the reader's language.
import { t, type Lang, type MessageKey, type Params } from '../../domain/i18n.ts';

export interface PackageProblem {
  key: MessageKey;
  params: Params;
}

export function problem(key: MessageKey, params: Params): PackageProblem {
  return { key, params };
}

export function describeProblem(p: PackageProblem, lang: Lang = 'nl'): string {
  return t(p.key, p.params, lang);
}
