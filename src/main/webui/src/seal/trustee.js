// A scrutineer's device in the key ceremony (see the README, "Sealed ballots"): its communication
// key and secret polynomial, its public record with Schnorr proofs, the shares it seals to the
// other scrutineers (ECDH + HKDF-SHA256 + AES-256-GCM), the check of what it receives against the
// sender's commitments, a public complaint about a bad share, and its final share.
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ceremonyStatement, publicShare, valueAt, verifyCeremony } from './context.js';
import { dlogProve, dlogVerifies } from './proofs.js';
import { G, SealError, base, decodeScalar, encodePoint, encodeScalar, mod, mul, randomScalar, systemRandom } from './group.js';

const commsStatement = (c, i, X) => () => ceremonyStatement(c, 'minsheng-seal/v1/comms-key').u32(i).point(X);
const coefficientStatement = (c, i, m, C) => () => ceremonyStatement(c, 'minsheng-seal/v1/coefficient').u32(i).u32(m).point(C);
const shareInfo = (c, sender, recipient, X) => ceremonyStatement(c, 'minsheng-seal/v1/share-key').u32(sender).u32(recipient).point(X).toBytes();
const complaintStatement = (c, s, X, Z) => () => ceremonyStatement(c, 'minsheng-seal/v1/complaint').u32(s.sender).u32(s.recipient)
  .point(s.ephemeral).point(X).point(Z);

function shareCipher(c, sender, recipient, X, Z, E) {
  const info = shareInfo(c, sender, recipient, X);
  const okm = hkdf(sha256, encodePoint(Z), encodePoint(E), info, 44);
  return gcm(okm.slice(0, 32), okm.slice(32, 44), info);
}

/** params = { ceremonyId, k, n }; keeps its secrets in the returned object (the device's storage) */
export function createTrustee(params, index, random = systemRandom) {
  if (index < 1 || index > params.n) throw new RangeError(`no trustee ${index}`);
  const commsSecret = randomScalar(random);
  const coefficients = Array.from({ length: params.k }, () => randomScalar(random));
  return { params, index, commsSecret, coefficients };
}

/** the trustee's public record (points), with its proofs */
export function publishTrustee(t, random = systemRandom) {
  const X = base(t.commsSecret);
  const commitments = t.coefficients.map((a) => base(a));
  return {
    index: t.index,
    commsKey: X,
    commsProof: dlogProve([G], t.commsSecret, commsStatement(t.params, t.index, X), random),
    commitments,
    coefficientProofs: t.coefficients.map((a, m) => dlogProve([G], a, coefficientStatement(t.params, t.index, m, commitments[m]), random)),
  };
}

/** P_i(l) mod N */
export function polynomialAt(t, l) {
  let sum = 0n;
  let power = 1n;
  for (const a of t.coefficients) {
    sum = mod(sum + a * power);
    power = mod(power * BigInt(l));
  }
  return sum;
}

/** the share for trustee l, sealed to l's communication key as published in the ceremony (value: tests only) */
export function sealShareFor(t, ceremony, l, random = systemRandom, value = polynomialAt(t, l)) {
  const X = ceremony.trustees[l - 1].commsKey;
  const e = randomScalar(random);
  const E = base(e);
  return { sender: t.index, recipient: l, ephemeral: E, box: shareCipher(ceremony, t.index, l, X, mul(X, e), E).encrypt(encodeScalar(value)) };
}

function openWith(ceremony, s, Z) {
  if (s.ephemeral.is0()) return null;
  const X = ceremony.trustees[s.recipient - 1].commsKey;
  let plain;
  try {
    plain = shareCipher(ceremony, s.sender, s.recipient, X, Z, s.ephemeral).decrypt(s.box);
    const v = decodeScalar(plain);
    return base(v).equals(valueAt(ceremony.trustees[s.sender - 1], s.recipient)) ? v : null;
  } catch {
    return null;
  }
}

/** the share in a box sent to this trustee (key: { index, commsSecret }), or null when it does not open or match */
export function openShare(ceremony, key, s) {
  if (s.recipient !== undefined && s.recipient !== key.index) return null;
  return openWith(ceremony, { ...s, recipient: key.index }, mul(s.ephemeral, key.commsSecret));
}

/** the public complaint about a box that openShare refused: reveals Z = x_l·E with a proof */
export function complain(t, ceremony, s, random = systemRandom) {
  const X = ceremony.trustees[t.index - 1].commsKey;
  const Z = mul(s.ephemeral, t.commsSecret);
  return { accused: s.sender, complainer: t.index, shared: Z, proof: dlogProve([G, s.ephemeral], t.commsSecret, complaintStatement(ceremony, s, X, Z), random) };
}

/** who the record shows at fault: the sender when the box does not open or match, else the complainer */
export function judgeComplaint(ceremony, s, complaint) {
  if (s.sender !== complaint.accused || s.recipient !== complaint.complainer) throw new SealError('the complaint is not about this share');
  const X = ceremony.trustees[complaint.complainer - 1].commsKey;
  if (s.ephemeral.is0()) return { atFault: complaint.accused, reason: `trustee ${complaint.accused}'s share for trustee ${complaint.complainer} has no ephemeral key` };
  if (!dlogVerifies(complaint.proof, [G, s.ephemeral], [X, complaint.shared], complaintStatement(ceremony, s, X, complaint.shared))) {
    return { atFault: complaint.complainer, reason: `trustee ${complaint.complainer}'s complaint carries no valid proof` };
  }
  return openWith(ceremony, s, complaint.shared) === null
    ? { atFault: complaint.accused, reason: `trustee ${complaint.accused}'s share for trustee ${complaint.complainer} is bad` }
    : { atFault: complaint.complainer, reason: `trustee ${complaint.accused}'s share for trustee ${complaint.complainer} is good; the complaint is unfounded` };
}

/** this trustee's key once every other trustee's share is in: s_i = Σ_j P_j(i); throws naming a bad sender */
export function finishTrustee(t, ceremony, received) {
  verifyCeremony(ceremony);
  const mine = ceremony.trustees[t.index - 1];
  if (!mine.commsKey.equals(base(t.commsSecret)) || !mine.commitments[0].equals(base(t.coefficients[0]))) {
    throw new SealError("the ceremony does not carry this trustee's record");
  }
  const senders = new Set(received.map((s) => s.sender));
  if (senders.has(t.index) || senders.size !== received.length) throw new SealError('a share received twice');
  let share = polynomialAt(t, t.index);
  for (const s of received) {
    const v = openShare(ceremony, t, s);
    if (v === null) throw new SealError(`bad share from trustee ${s.sender}`);
    share = mod(share + v);
  }
  if (received.length !== t.params.n - 1) throw new SealError(`shares from ${received.length} of ${t.params.n - 1} other trustees`);
  if (!base(share).equals(publicShare(ceremony, t.index))) throw new SealError("the share does not match the ceremony's commitments");
  const { ceremonyId, k, n } = t.params;
  return { ceremonyId, k, n, index: t.index, share, commsSecret: t.commsSecret };
}
