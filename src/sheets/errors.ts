// Errors the adapter raises carry a Russian message the user can act on; the original error is kept
// as `cause` for the execution log.
import { S } from '../core/strings';

export function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^(Exception|Error|Исключение):\s*/i, '');
}

/** An error whose message is written for the user (Russian, actionable); others get wrapped. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function userMessage(e: unknown): string {
  return e instanceof UserFacingError ? e.message : S.menu.unexpected(reasonOf(e));
}

export class SheetWriteError extends UserFacingError {
  constructor(
    readonly tab: string,
    readonly original: unknown,
    /** The old tab was already deleted and the new one kept under its temporary name. */
    readonly keptTemporary: boolean,
  ) {
    super(keptTemporary ? S.menu.writeNotRenamed(tab, reasonOf(original)) : S.menu.writeFailed(tab, reasonOf(original)));
    this.name = 'SheetWriteError';
  }
}

export class LockBusyError extends UserFacingError {
  constructor() {
    super(S.menu.lockBusy);
    this.name = 'LockBusyError';
  }
}
