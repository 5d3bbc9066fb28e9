// What a ballot lets a voter mark, shared by the deputy's tablet and the scrutineer's paper entry:
// the choices of its method, how marks are counted against its limits (maxMarks as markLimit,
// minMarks — "exactly N" when both are equal) and each candidate's unit, budget and summary.
import { call } from '../api/client'

export type Marks = Record<string, string>

export interface ItemFacts { department?: string; budget?: number; summary?: string; location?: string }

export function choicesOf(method: string | undefined): string[] {
  if (method === 'YES_NO_ABSTAIN') return ['FOR', 'AGAINST', 'ABSTAIN']
  if (method === 'RATING') return ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED', 'ABSTAIN']
  return ['FOR']
}

/** The marks that count against the limits: ticks on an approval ballot, FOR on the others. */
export function counted(marks: Marks, method: string | undefined): number {
  const values = Object.values(marks)
  return method === 'APPROVAL' ? values.length : values.filter((c) => c === 'FOR').length
}

/** The least and the most marks the ballot accepts (0 = no bound). */
export function limitsOf(ballot: any): { min: number; max: number } {
  const max = Number(ballot?.markLimit ?? ballot?.maxMarks ?? 0) || 0
  const min = Number(ballot?.minMarks ?? 0) || 0
  return { min, max }
}

/**
 * Each item's unit (承办单位), budget and summary: from the ballot's items when the service sends
 * them, otherwise from the slate the ballot was made from (its candidates, matched by title).
 */
export async function factsOf(ballot: any): Promise<Record<string, ItemFacts>> {
  const out: Record<string, ItemFacts> = {}
  for (const i of ballot?.items ?? []) {
    const x = i as any
    if (x.department || x.summary || x.estimatedBudget) out[i.id] = { department: x.department, budget: x.estimatedBudget ?? x.budget, summary: x.summary, location: x.location }
  }
  if (Object.keys(out).length || !ballot?.slateId) return out
  try {
    const slate = await call('getSlate', { path: { slateId: ballot.slateId } })
    const byTitle = new Map((slate.candidates ?? []).map((c) => [c.title, c]))
    for (const i of ballot.items ?? []) {
      const c = byTitle.get(i.label)
      if (c) out[i.id] = { department: c.department, budget: c.estimatedBudget, summary: c.summary, location: c.location }
    }
  } catch {
    // the slate is not readable by this account: the titles alone are shown
  }
  return out
}
