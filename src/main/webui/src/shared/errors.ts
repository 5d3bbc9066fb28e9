// A refusal of the service shown in words: the problem's `detail` (already in the page's language
// through Accept-Language) and, when present, each field's message. The code is never shown.
import { ElMessage, ElMessageBox } from 'element-plus'
import { h } from 'vue'
import { ApiError } from '../api/client'
import { t } from '../i18n'

export function showError(e: unknown) {
  if (e instanceof ApiError) {
    const rows = e.errors.filter((x) => x.message)
    if (rows.length === 0) {
      ElMessage({ type: 'error', message: e.detail, showClose: true, duration: 8000 })
      return
    }
    ElMessageBox.alert(
      h('div', [
        h('p', e.detail),
        h('p', t('error.fields')),
        h('ul', rows.slice(0, 20).map((x) => h('li', (x.row ? t('error.row', x.row) + '：' : '') + (x.message ?? '')))),
      ]),
      t('error.title'),
      { type: 'error' },
    ).catch(() => {})
    return
  }
  // a bug of the page, not a refusal: say so plainly
  console.warn(e)
  ElMessage({ type: 'error', message: e instanceof Error ? e.message : String(e), showClose: true })
}
