// The console works on the signed-in secretariat's own congress.
import { session } from '../../api/session'

export function congressId(): string {
  return session.caller.congressId ?? ''
}

/** Current and next years, for year pickers. */
export function years(): number[] {
  const y = new Date().getFullYear()
  return [y - 2, y - 1, y, y + 1, y + 2]
}
