// Zero-knowledge proofs (see the README, "Sealed ballots"): a proof of equal discrete logarithms
// over one or more bases (Schnorr, Chaum–Pedersen), and the disjunctive Chaum–Pedersen range
// proof that a ciphertext encrypts some j in [lo, hi].
import { Enc, G, base, mod, mul, mulPublic, randomScalar } from './group.js';

/** proof of x with images[i] = x·bases[i]; statement() returns a fresh Enc naming every public input */
export function dlogProve(bases, x, statement, random) {
  const u = randomScalar(random);
  const e = statement();
  for (const b of bases) e.point(mul(b, u));
  const c = e.challenge();
  return { c, v: mod(u + c * x) };
}

export function dlogVerifies(proof, bases, images, statement) {
  const e = statement();
  bases.forEach((b, i) => e.point(mulPublic(b, proof.v).subtract(mulPublic(images[i], proof.c))));
  return e.challenge() === proof.c;
}

export const RANGE_TAG = 'minsheng-seal/v1/range';

/** s = { contextHash, jointKey, castId, kind, item, choice } */
function rangeChallenge(s, ct, lo, hi, as, bs) {
  const e = Enc.tag(RANGE_TAG).bytes(s.contextHash).str(s.castId).str(s.kind).str(s.item).str(s.choice).u32(lo).u32(hi)
    .point(ct.alpha).point(ct.beta);
  as.forEach((a, i) => e.point(a).point(bs[i]));
  return e.challenge();
}

const commitA = (ct, c, v) => base(v).subtract(mulPublic(ct.alpha, c));
const commitB = (K, ct, j, c, v) => mulPublic(K, v).subtract(mulPublic(ct.beta.subtract(base(BigInt(j))), c));

/**
 * A proof that ct = encrypt(value, r) with value in [lo, hi]. Draws, for j = lo … hi in order,
 * u for the true j, or c_j then v_j for every other j (the same order as the Java side).
 */
export function rangeProve(s, ct, r, value, lo, hi, random) {
  if (value < lo || value > hi) throw new RangeError('value outside the range');
  const size = hi - lo + 1;
  const cs = new Array(size);
  const vs = new Array(size);
  const as = new Array(size);
  const bs = new Array(size);
  let u;
  for (let i = 0; i < size; i++) {
    const j = lo + i;
    if (j === value) {
      u = randomScalar(random);
      as[i] = base(u);
      bs[i] = mul(s.jointKey, u);
    } else {
      cs[i] = randomScalar(random);
      vs[i] = randomScalar(random);
      as[i] = commitA(ct, cs[i], vs[i]);
      bs[i] = commitB(s.jointKey, ct, j, cs[i], vs[i]);
    }
  }
  const c = rangeChallenge(s, ct, lo, hi, as, bs);
  const real = value - lo;
  let cReal = c;
  cs.forEach((ci, i) => {
    if (i !== real) cReal -= ci;
  });
  cs[real] = mod(cReal);
  vs[real] = mod(u + cs[real] * r);
  return { lo, hi, c: cs, v: vs };
}

export function rangeVerifies(proof, s, ct) {
  const { lo, hi, c, v } = proof;
  const as = [];
  const bs = [];
  let sum = 0n;
  for (let i = 0; i <= hi - lo; i++) {
    as.push(commitA(ct, c[i], v[i]));
    bs.push(commitB(s.jointKey, ct, lo + i, c[i], v[i]));
    sum += c[i];
  }
  return mod(sum) === rangeChallenge(s, ct, lo, hi, as, bs);
}

export function writeRange(e, proof) {
  e.u32(proof.lo).u32(proof.hi);
  proof.c.forEach((c, i) => e.scalar(c).scalar(proof.v[i]));
  return e;
}
