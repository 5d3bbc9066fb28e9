// Excel-friendly CSV (UTF-8 with a byte-order mark, CRLF), built from the rows a page shows.
export interface CsvColumn<T> {
  label: string
  value: (row: T) => unknown
}

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : String(v)
    // a leading = + - @ would be read as a formula by Excel
    const safe = /^[=+\-@]/.test(s) ? "'" + s : s
    return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe
  }
  const lines = [columns.map((c) => cell(c.label)).join(',')]
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export function saveText(text: string, filename: string, type = 'text/csv;charset=utf-8') {
  saveBlob(new Blob([text], { type }), filename)
}

/** Hands a file to the person (the browser's download), e.g. a PDF or CSV the service answered. */
export function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}
