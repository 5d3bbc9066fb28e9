// Runs a page's action with a busy flag (buttons show a spinner and are disabled), shows a
// refusal in words and, on success, an optional message.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { showError } from './errors'
import { confirmAction } from './confirm'

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
  /** Asks first (see confirmAction), then runs; undefined when the person said no. */
  async function confirmed<T>(ask: { title: string; message: string; action: string; danger?: boolean }, fn: () => Promise<T>,
    success?: string): Promise<T | undefined> {
    return (await confirmAction(ask)) ? run(fn, success) : undefined
  }
  return { busy, run, confirmed }
}
