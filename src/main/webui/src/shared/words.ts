// Status words: every enum value of the contract as words in the current language.
import { t, has } from '../i18n'
import type { Schemas } from '../api/client'

/** The word for an enum value of the contract, e.g. word('BallotStatus', 'OPEN') → 表决中. */
export function word(schema: keyof Schemas | string, value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '—'
  const key = `enum.${schema}.${value}`
  return has(key) ? t(key) : value.toLowerCase().replace(/_/g, ' ')
}

/** Options for a select: every value of an enum with its word. */
export function options(schema: string, values: readonly string[]): { value: string; label: string }[] {
  return values.map((v) => ({ value: v, label: word(schema, v) }))
}

/** Element Plus tag colour for a status, so a glance tells good from bad. */
export function tone(value: string | undefined): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (value) {
    case 'OPEN': case 'IN_PROGRESS': case 'SEATED': case 'PRESENT': case 'GREEN': case 'SELECTED':
    case 'ADOPTED': case 'SATISFIED': case 'ACCEPTED': case 'PUBLISHED':
      return 'success'
    case 'AMBER': case 'CLOSING': case 'ON_LEAVE': case 'BASICALLY_SATISFIED': case 'TIED': case 'REVIEWED':
    case 'RECTIFYING': case 'SUSPENDED': case 'COUNTED': case 'ANSWERED':
      return 'warning'
    case 'RED': case 'TERMINATED': case 'REJECTED': case 'NOT_ADOPTED': case 'UNSATISFIED': case 'VOID':
    case 'NOT_SELECTED':
      return 'danger'
    default:
      return 'info'
  }
}
