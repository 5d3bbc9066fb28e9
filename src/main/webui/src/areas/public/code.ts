// A proposal's query code: the first eight characters of its id, in capitals — short enough to
// write down, and matched against the published list of proposals.
export function codeOf(id: string | undefined): string {
  return (id ?? '').replace(/-/g, '').slice(0, 8).toUpperCase()
}

export function matches(id: string | undefined, code: string): boolean {
  const c = code.replace(/[^0-9a-z]/gi, '').toLowerCase()
  return c.length >= 8 && (id ?? '').replace(/-/g, '').toLowerCase().startsWith(c)
}
