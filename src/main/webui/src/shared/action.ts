// Runs a page's action with a busy flag (buttons show a spinner and are disabled), shows a
// refusal in words and, on success, an optional message.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { showError } from './errors'

export function useAction() {
  const busy = ref(false)
  async function run<T>(fn: () => Promise<T>, success?: string): Promise<T | undefined> {
    if (busy.value) return undefined
    busy.value = true
    try {
      const r = await fn()
      if (success) ElMessage({ type: 'success', message: success })
      return r
    } catch (e) {
      showError(e)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
