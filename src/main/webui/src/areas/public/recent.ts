// The congresses a resident has looked at on this device, shown above the list of every congress:
// most recent first.
const KEY = 'minsheng.public.congresses'

export function recent(): string[] {
  return JSON.parse(localStorage.getItem(KEY) || '[]')
}

export function remember(code: string) {
  const list = [code, ...recent().filter((c) => c !== code)].slice(0, 10)
  localStorage.setItem(KEY, JSON.stringify(list))
}
