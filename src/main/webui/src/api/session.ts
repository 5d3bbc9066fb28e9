// Who is signed in on this device: the token and the caller (whoAmI), kept in sessionStorage so a
// reload keeps the sign-in but closing the browser ends it.
import { reactive } from 'vue'

export interface Caller {
  accountId?: string
  username?: string
  roles?: string[]
  congressId?: string
  deputyId?: string
  congressCode?: string
  /** a department account's department (承办单位) */
  department?: string
}

const KEY = 'minsheng.session'
const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null') as { token: string; caller: Caller } | null

export const session = reactive({
  token: saved?.token ?? '',
  caller: (saved?.caller ?? {}) as Caller,
  /** set when the service answered 401: the pages show the sign-in again */
  needsSignIn: false,
  signedIn(token: string, caller: Caller) {
    this.token = token
    this.caller = caller
    this.needsSignIn = false
    sessionStorage.setItem(KEY, JSON.stringify({ token, caller }))
  },
  signOut() {
    this.token = ''
    this.caller = {}
    sessionStorage.removeItem(KEY)
  },
  expired() {
    if (this.token) this.needsSignIn = true
  },
  has(role: string) {
    return (this.caller.roles ?? []).includes(role)
  },
})
