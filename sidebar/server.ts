// google.script.run as typed promises. The function name and its argument and result types come
// from the contract, so a misspelt name or a wrong argument does not compile.

import { UI } from '../src/core/strings';
import type { ServerArgs, ServerFunction, ServerResult } from '../src/server/contract';

export function call<K extends ServerFunction>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => resolve(result as ServerResult<K>))
      .withFailureHandler((error) => reject(new Error(failureText(error))));
    // The runner exposes every server function as a method of the same name.
    const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
    if (typeof fn !== 'function') reject(new Error(UI.unknownError));
    else fn.apply(runner, args);
  });
}

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
