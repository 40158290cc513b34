// Google's errors (English, technical) as what the district user can do about them, and as what the
// job does: wait and retry (quota, passing failures), name the source (access, not found), or stop
// the collection with the reason. Advanced services throw «GoogleJsonResponseException: API call to
// sheets.spreadsheets.values.batchGet failed with error: …»; built-in services throw
// «Exception: Service Spreadsheets failed while accessing document …» and similar.
import { M } from '../../core/strings';
import { reasonOf } from '../errors';

export type GoogleErrorKind =
  | 'quota'
  | 'transient'
  | 'noAccess'
  | 'notFound'
  | 'timeLimit'
  | 'scope'
  | 'authorization'
  | 'triggers'
  | 'daily'
  | 'apiDisabled'
  | 'other';

export interface GoogleError {
  kind: GoogleErrorKind;
  /** Russian, for the user: what happened and what to do. */
  text: string;
  /** The job should wait and try again (not count a source as failed, not stop). */
  retry: boolean;
  /** The original message, for the execution log. */
  reason: string;
}

const RULES: { kind: GoogleErrorKind; re: RegExp }[] = [
  { kind: 'quota', re: /quota exceeded|too many requests|rate ?limit|resource_exhausted|\b429\b|user-rate limit/i },
  { kind: 'daily', re: /service invoked too many times|too many times for one day|exceeded maximum daily/i },
  { kind: 'timeLimit', re: /exceeded maximum execution time|превышено максимальное время/i },
  { kind: 'scope', re: /required permissions?:|do not have permission to call|нет разрешения на вызов/i },
  { kind: 'authorization', re: /authorization is required|authorisation is required|требуется авторизация/i },
  { kind: 'triggers', re: /too many triggers/i },
  { kind: 'apiDisabled', re: /has not been used in project|is disabled|api has not been enabled|sheets is not defined/i },
  { kind: 'noAccess', re: /permission|access denied|forbidden|\b403\b|доступ|разрешени/i },
  { kind: 'notFound', re: /not found|\b404\b|does not exist|requested entity was not found|не найден|bad value|unable to parse range/i },
  {
    kind: 'transient',
    re: /service spreadsheets failed|service error|internal error|backend error|server error|service unavailable|timed out|timeout|empty response|\b50[0234]\b|try again later|please try again|address unavailable|сбой службы/i,
  },
];

/** The `Required permissions: …` scope, short («spreadsheets»), or the whole message part. */
function scopeOf(reason: string): string {
  const m = /required permissions?:\s*(\S+)/i.exec(reason);
  if (!m) return '';
  return `«${(m[1] as string).replace(/^https:\/\/www\.googleapis\.com\/auth\//, '').replace(/[.,)]+$/, '')}»`;
}

/** The message inside an advanced service's wrapper («… failed with error: X»). */
function inner(reason: string): string {
  const m = /failed with error:\s*(.+)$/is.exec(reason);
  return (m ? (m[1] as string) : reason).trim();
}

export function classifyGoogleError(e: unknown): GoogleError {
  const reason = reasonOf(e);
  const rule = RULES.find((r) => r.re.test(reason));
  const kind = rule?.kind ?? 'other';
  const g = M.google;
  const text: Record<GoogleErrorKind, () => string> = {
    quota: () => g.quota,
    transient: () => g.transient,
    noAccess: () => M.read.noAccess,
    notFound: () => M.read.notFound,
    timeLimit: () => g.timeLimit,
    scope: () => g.scope(scopeOf(reason)),
    authorization: () => g.authorization,
    triggers: () => g.triggers,
    daily: () => g.daily,
    apiDisabled: () => g.apiDisabled,
    other: () => g.other(inner(reason).slice(0, 300)),
  };
  return { kind, text: text[kind](), retry: kind === 'quota' || kind === 'transient' || kind === 'timeLimit', reason };
}
