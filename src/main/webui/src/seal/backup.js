// A scrutineer's share under a passphrase (scrypt + AES-256-GCM), for a file or a printed QR
// code. See the README, "Sealed ballots".
import { gcm } from '@noble/ciphers/aes.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Enc, Reader, SealError, systemRandom } from './group.js';

export const BACKUP_TAG = 'minsheng-seal/v1/backup';
export const MIN_PASSPHRASE = 10;

const header = (logN, r, p, salt) => Enc.tag(BACKUP_TAG).u32(logN).u32(r).u32(p).bytes(salt);

function backupAead(passphrase, logN, r, p, salt, aad) {
  const okm = scrypt(utf8ToBytes(passphrase.normalize('NFC')), salt, { N: 2 ** logN, r, p, dkLen: 44 });
  return gcm(okm.slice(0, 32), okm.slice(32, 44), aad);
}

const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
function fromBase64(text) {
  try {
    return Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  } catch {
    throw new SealError('not a share backup');
  }
}

/** key = { ceremonyId, k, n, index, share, commsSecret } → the backup's text (base64) */
export function sealBackup(key, passphrase, { logN = 17, random = systemRandom } = {}) {
  if ([...passphrase].length < MIN_PASSPHRASE) throw new SealError(`a backup passphrase needs at least ${MIN_PASSPHRASE} characters`);
  const salt = random(16);
  const head = header(logN, 8, 1, salt).toBytes();
  const plain = Enc.tag('minsheng-seal/v1/share').str(key.ceremonyId).u32(key.k).u32(key.n).u32(key.index)
    .scalar(key.share).scalar(key.commsSecret).toBytes();
  return toBase64(concatBytes(head, new Enc().bytes(backupAead(passphrase, logN, 8, 1, salt, head).encrypt(plain)).toBytes()));
}

/** the key inside a backup, or a SealError for a wrong passphrase or a damaged backup */
export function openBackup(text, passphrase) {
  const r = new Reader(fromBase64(text));
  r.expect(BACKUP_TAG);
  const logN = r.u32();
  const cost = r.u32();
  const par = r.u32();
  const salt = r.bytes();
  if (logN < 10 || logN > 22 || cost < 1 || cost > 32 || par < 1 || par > 16 || salt.length !== 16) {
    throw new SealError('backup parameters out of range');
  }
  const box = r.bytes();
  r.end();
  let plain;
  try {
    plain = backupAead(passphrase, logN, cost, par, salt, header(logN, cost, par, salt).toBytes()).decrypt(box);
  } catch {
    throw new SealError('wrong passphrase, or the backup is damaged');
  }
  const p = new Reader(plain);
  p.expect('minsheng-seal/v1/share');
  const key = { ceremonyId: p.str(), k: p.u32(), n: p.u32(), index: p.u32(), share: p.scalar(), commsSecret: p.scalar() };
  p.end();
  return key;
}
