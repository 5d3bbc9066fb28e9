// What a scrutineer's device keeps of the sealed ballot box, in localStorage, per account and
// ceremony: during the ceremony its secret polynomial and communication key (needed between
// posting its key and sending its shares), and afterwards its share of the election key. Nothing
// of it ever leaves the device except as the passphrase-encrypted backup file the scrutineer saves.
import { session } from '../../api/session'

/** the device's trustee while the ceremony runs (scalars in hex) */
export interface KeptTrustee { ceremonyId: string; k: number; n: number; index: number; commsSecret: string; coefficients: string[] }
/** the device's share once the ceremony is done (scalars in hex) */
export interface KeptKey { ceremonyId: string; k: number; n: number; index: number; share: string; commsSecret: string }

const slot = (kind: string, ceremonyId: string) => `minsheng.seal.${kind}.${session.caller.accountId ?? ''}.${ceremonyId}`
const read = <T>(k: string): T | null => JSON.parse(localStorage.getItem(k) || 'null')

export const hexOf = (x: bigint) => x.toString(16).padStart(64, '0')
export const bigOf = (h: string) => BigInt('0x' + h)

export const kept = {
  trustee: (ceremonyId: string) => read<KeptTrustee>(slot('trustee', ceremonyId)),
  saveTrustee(t: { params: { ceremonyId: string; k: number; n: number }; index: number; commsSecret: bigint; coefficients: bigint[] }) {
    const { ceremonyId, k, n } = t.params
    localStorage.setItem(slot('trustee', ceremonyId), JSON.stringify({ ceremonyId, k, n, index: t.index,
      commsSecret: hexOf(t.commsSecret), coefficients: t.coefficients.map(hexOf) } satisfies KeptTrustee))
  },
  /** the trustee object src/seal works with */
  liveTrustee(ceremonyId: string) {
    const t = kept.trustee(ceremonyId)
    return t && { params: { ceremonyId: t.ceremonyId, k: t.k, n: t.n }, index: t.index, commsSecret: bigOf(t.commsSecret),
      coefficients: t.coefficients.map(bigOf) }
  },
  key: (ceremonyId: string) => read<KeptKey>(slot('key', ceremonyId)),
  /** the share key src/seal works with */
  liveKey(ceremonyId: string) {
    const k = kept.key(ceremonyId)
    return k && { ...k, share: bigOf(k.share), commsSecret: bigOf(k.commsSecret) }
  },
  saveKey(k: { ceremonyId: string; k: number; n: number; index: number; share: bigint; commsSecret: bigint }) {
    localStorage.setItem(slot('key', k.ceremonyId), JSON.stringify({ ...k, share: hexOf(k.share), commsSecret: hexOf(k.commsSecret) }))
    localStorage.removeItem(slot('trustee', k.ceremonyId)) // the polynomial is no longer needed once the share is made
  },
}
