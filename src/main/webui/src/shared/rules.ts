// A ballot's rules in plain words (DOMAIN.md, "Ballots"), one sentence each, for the console,
// the scrutineers, the tablet and the public pages alike.
import { t } from '../i18n'
import { word } from './words'

function fraction(f: string | undefined): string {
  if (!f) return ''
  if (f === '1/2') return t('rules.half')
  if (f === '2/3') return t('rules.twoThirds')
  const [n, d] = f.split('/')
  return t('rules.fraction', d, n)
}

export function ballotRules(b: any): string[] {
  if (!b) return []
  const out: string[] = []
  const items = (b.items ?? []).length
  const th = b.threshold ?? {}
  const base = word('ThresholdBase', th.base ?? 'ALL_SEATED')
  const pass = th.inclusive ? t('rules.reachInclusive', base, fraction(th.fraction)) : t('rules.exceed', base, fraction(th.fraction))
  out.push(t('rules.secrecy', word('Secrecy', b.secrecy ?? 'SECRET')) + '；' + t('rules.channels', (b.channels ?? ['ELECTRONIC']).map((c: string) => word('Channel', c)).join('、')))
  if (b.kind === 'SELECTION' || b.method === 'APPROVAL') {
    out.push(t('rules.selection', items, b.seats, b.maxMarks ?? b.seats))
    out.push(t('rules.selectionPass', pass))
    out.push(t('rules.tie', word('TiePolicy', b.tiePolicy ?? 'RUNOFF')))
    out.push(t('rules.shortfall', word('ShortfallPolicy', b.shortfallPolicy ?? 'ACCEPT_FEWER')))
    if (b.acceptOvermarked) out.push(t('rules.overmarked'))
  } else if (b.kind === 'EVALUATION' || b.method === 'RATING') {
    out.push(t('rules.rating', items))
    out.push(t('rules.ratingOutcome'))
  } else {
    out.push(t('rules.motion', items))
    out.push(t('rules.motionPass', pass))
  }
  return out
}
