// google.script.run as typed promises. The function name and its argument and result types come
// from the contract, so a misspelt name or a wrong argument does not compile.

import { UI } from '../src/core/strings';
import type { ServerApi } from '../src/server/contract';

/** A contract: each function name maps to its argument tuple and result (ServerApi, MunicipalApi). */
export type Contract<Api> = { [K in keyof Api]: { args: unknown[]; result: unknown } };

/** google.script.run as typed promises for one contract: the school's panel and the district's use the same wrapper. */
export function typedCall<Api extends Contract<Api>>() {
  return <K extends keyof Api & string>(name: K, ...args: Api[K]['args']): Promise<Api[K]['result']> =>
    new Promise((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((result) => resolve(result as Api[K]['result']))
        .withFailureHandler((error) => reject(new Error(failureText(error))));
      // The runner exposes every server function as a method of the same name.
      const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
      if (typeof fn !== 'function') reject(new Error(UI.unknownError));
      else fn.apply(runner, args);
    });
}

export const call = typedCall<ServerApi>();

/**
 * Apps Script prefixes server messages with «Exception:» or «Error:»; the user needs only the message.
 * Messages our server writes are Russian; anything else (network, authorisation, quota) is Google's own
 * English text, wrapped in a Russian explanation.
 */
export function failureText(error: google.script.FailureValue): string {
  const raw = typeof error === 'string' ? error : (error?.message ?? '');
  // «Exception: …», «ScriptError: …», «UserFacingError: …», «NetworkError: …» (any *Error name), «Исключение: …».
  const text = raw.replace(/^(\w*(Error|Exception)|Исключение)\s*:\s*/i, '').trim();
  if (!text) return UI.unknownError;
  return /[а-яё]/i.test(text) ? text : UI.technicalError(text);
}
