// What the tablet keeps in localStorage, per deputy: the ballot being sent (with its
// Idempotency-Key, written before the first byte leaves the tablet, removed only when the service
// has answered) and the receipts. On sign-out a receipt keeps only its ballot's title and tracker:
// what the deputy chose never stays on a shared tablet.
export interface Pending {
  ballotId: string
  title: string
  key: string
  marks: { itemId: string; choice: string }[]
  labels: Record<string, string>
  /** a sealed ballot: its encoding (hex) and tracker, made once and sent as they are on every retry */
  sealed?: string
  tracker?: string
}

export interface Receipt {
  title: string
  tracker: string
  valid?: boolean
  invalidReason?: string
  /** the item labels and the choices made, shown on the receipt until sign-out */
  chosen?: string[]
  labels?: Record<string, string>
  /** cast into the sealed ballot box (encrypted on the tablet) */
  sealed?: boolean
}

const key = (kind: string, deputyId: string) => `minsheng.deputy.${kind}.${deputyId}`

export const pending = {
  get(deputyId: string): Pending | null {
    return JSON.parse(localStorage.getItem(key('pending', deputyId)) || 'null')
  },
  set(deputyId: string, p: Pending) {
    localStorage.setItem(key('pending', deputyId), JSON.stringify(p))
  },
  clear(deputyId: string) {
    localStorage.removeItem(key('pending', deputyId))
  },
}

export const receipts = {
  all(deputyId: string): Record<string, Receipt> {
    return JSON.parse(localStorage.getItem(key('receipts', deputyId)) || '{}')
  },
  put(deputyId: string, ballotId: string, r: Receipt) {
    const all = receipts.all(deputyId)
    all[ballotId] = r
    localStorage.setItem(key('receipts', deputyId), JSON.stringify(all))
  },
  /** keeps only each receipt's title and tracker, for every deputy who used this device */
  forgetChoices() {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)
      if (!k || !k.startsWith('minsheng.deputy.receipts.')) continue
      const all = JSON.parse(localStorage.getItem(k) || '{}') as Record<string, Receipt>
      const kept = Object.fromEntries(Object.entries(all).map(([id, r]) => [id, { title: r.title, tracker: r.tracker, sealed: r.sealed }]))
      localStorage.setItem(k, JSON.stringify(kept))
    }
  },
}

/** A fresh Idempotency-Key (the contract: 16-128 of A-Z a-z 0-9 _ . : -). */
export function newKey(): string {
  const bytes = new Uint8Array(18)
  crypto.getRandomValues(bytes)
  return 'tab-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
