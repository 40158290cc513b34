// One analysis at a time per document: a second run is told so, instead of interleaving its tabs
// with the first one's.
import { S } from '../core/strings';
import { LockBusyError, UserFacingError } from './errors';
import { lockService } from './gas';

/** Long enough to outwait a toast-length overlap, short enough that a blocked user hears back soon. */
export const LOCK_WAIT_MS = 5000;

export function withDocumentLock<T>(fn: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = lockService().getDocumentLock();
  if (!lock) throw new UserFacingError(S.menu.lockUnavailable);
  if (!lock.tryLock(waitMs)) throw new LockBusyError();
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
