// Budgets as the contract holds them: in 万元 (ten thousand yuan), as on the candidates' files and
// the dashboard's export. 4800 → "4,800 万元" (English: "48,000,000 yuan").
import { currentLocale } from '../i18n'

export function wan(v: number | string | undefined | null): string {
  if (v === undefined || v === null || v === '' || isNaN(Number(v))) return '—'
  const n = Number(v)
  if (currentLocale() === 'en') return (n * 10000).toLocaleString('en', { maximumFractionDigits: 0 }) + ' yuan'
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) + ' 万元'
}
