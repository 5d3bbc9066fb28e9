// Times in the congress's zone (Asia/Shanghai, the zone of the PDF notices and of "overdue"),
// never the browser's: a secretariat abroad or a laptop set to UTC sees the same times as the notice.
import { currentLocale } from '../i18n'

export const ZONE = 'Asia/Shanghai'

function fmt(opts: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: ZONE, hourCycle: 'h23', ...opts })
}

/** 2026-12-01 20:14 (in the congress's zone). */
export function dateTime(instant: string | Date | undefined | null): string {
  if (!instant) return '—'
  const d = typeof instant === 'string' ? new Date(instant) : instant
  if (isNaN(d.getTime())) return '—'
  const p = Object.fromEntries(fmt({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(d).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** A calendar date (a LocalDate from the contract is shown as it is). */
export function date(value: string | Date | undefined | null): string {
  if (!value) return '—'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  return dateTime(value).slice(0, 10)
}

/** Minutes east of UTC of the congress's zone at that moment. */
function offsetMinutes(at: Date): number {
  const p = Object.fromEntries(fmt({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(at).map((x) => [x.type, x.value]))
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second)
  return Math.round((asUtc - at.getTime()) / 60000)
}

/**
 * A wall time typed in the congress's zone ("2026-12-01T09:00" or "2026-12-01 09:00") as an
 * ISO instant for the API.
 */
export function instantOf(local: string | undefined | null): string | undefined {
  if (!local) return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(local)
  if (!m) return undefined
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])
  const off = offsetMinutes(new Date(guess))
  return new Date(guess - off * 60000).toISOString()
}

/** An instant as the wall time of the congress's zone, for a date-time picker ("YYYY-MM-DD HH:mm"). */
export function localOf(instant: string | undefined | null): string {
  return instant ? dateTime(instant) : ''
}

export function percent(v: number | undefined | null, digits = 1): string {
  if (v === undefined || v === null || isNaN(Number(v))) return '—'
  return (Number(v) * 100).toFixed(digits) + '%'
}

/**
 * A satisfaction rate as a percentage: the service's satisfactionPercent ("85.71"), else its exact
 * fraction satisfactionRate ("6/7"), never the fraction itself.
 */
export function satisfaction(x: { satisfactionPercent?: string | null; satisfactionRate?: string | null } | undefined | null): string {
  const p = x?.satisfactionPercent
  if (p) return String(p).endsWith('%') ? String(p) : p + '%'
  const r = x?.satisfactionRate
  if (!r) return '—'
  const [n, d] = String(r).split('/').map(Number)
  return percent(d === undefined ? n : d ? n / d : NaN)
}
