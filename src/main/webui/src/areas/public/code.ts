// A proposal's query code: the first eight characters of its id, in capitals — short enough to
// write down; the service finds the proposal by it (publicProposalByCode).
export function codeOf(id: string | undefined): string {
  return (id ?? '').replace(/-/g, '').slice(0, 8).toUpperCase()
}
