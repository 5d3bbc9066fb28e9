// The ceremony's public record and a ballot's context (see the README, "Sealed ballots").
import { dlogVerifies } from './proofs.js';
import { Enc, G, GROUP_ID, SealError, ZERO, mulPublic, mod, pointHex, pointOf, scalarHex, scalarOf, hex } from './group.js';

const proofOf = (o) => ({ c: scalarOf(o.c), v: scalarOf(o.v) });

/** the ceremony as published (JSON with hex points) */
export function readCeremony(json) {
  return {
    ceremonyId: json.ceremonyId,
    k: json.k,
    n: json.n,
    trustees: json.trustees.map((t) => ({
      index: t.index,
      commsKey: pointOf(t.commsKey),
      commsProof: proofOf(t.commsProof),
      commitments: t.commitments.map(pointOf),
      coefficientProofs: t.coefficientProofs.map(proofOf),
    })),
  };
}

export const ceremonyStatement = (c, tag) => Enc.tag(tag).str(GROUP_ID).str(c.ceremonyId).u32(c.k).u32(c.n);

/** every trustee record present, in order, with k commitments, and every Schnorr proof checks */
export function verifyCeremony(c) {
  if (!c.ceremonyId || c.k < 1 || c.n < c.k) throw new SealError('a ceremony needs an id and 1 <= k <= n');
  if (c.trustees.length !== c.n) throw new SealError(`the ceremony has ${c.trustees.length} of ${c.n} trustee records`);
  c.trustees.forEach((t, i) => {
    if (t.index !== i + 1) throw new SealError('trustee records out of order');
    if (t.commitments.length !== c.k || t.coefficientProofs.length !== c.k) {
      throw new SealError(`trustee ${t.index} must publish ${c.k} commitments`);
    }
    const x = t.commsKey;
    if (x.is0() || !dlogVerifies(t.commsProof, [G], [x], () => ceremonyStatement(c, 'minsheng-seal/v1/comms-key').u32(t.index).point(x))) {
      throw new SealError(`trustee ${t.index}: the communication key's proof does not check`);
    }
    t.commitments.forEach((cm, m) => {
      const st = () => ceremonyStatement(c, 'minsheng-seal/v1/coefficient').u32(t.index).u32(m).point(cm);
      if (cm.is0() || !dlogVerifies(t.coefficientProofs[m], [G], [cm], st)) {
        throw new SealError(`trustee ${t.index}: the proof of commitment ${m} does not check`);
      }
    });
  });
  return c;
}

export function jointKey(c) {
  return c.trustees.reduce((k, t) => k.add(t.commitments[0]), ZERO);
}

/** Σ_m l^m·C_{i,m}: trustee i's polynomial at l, in the exponent */
export function valueAt(t, l) {
  let sum = ZERO;
  let power = 1n;
  for (const cm of t.commitments) {
    sum = sum.add(mulPublic(cm, power));
    power = mod(power * BigInt(l));
  }
  return sum;
}

/** s_l·G for trustee l, from the commitments alone */
export function publicShare(c, l) {
  return c.trustees.reduce((s, t) => s.add(valueAt(t, l)), ZERO);
}

/** layout = { method, items, choices, minFor, maxFor } as on the board */
export function makeContext(ceremony, ballotId, layout) {
  const { items, choices, minFor, maxFor } = layout;
  if (!items.length || new Set(items).size !== items.length || !choices.length || new Set(choices).size !== choices.length
      || !(minFor >= 0 && maxFor >= minFor && maxFor <= items.length)) {
    throw new SealError('items and choices must be distinct and not empty, and 0 <= minFor <= maxFor <= items');
  }
  verifyCeremony(ceremony);
  const K = jointKey(ceremony);
  K.precompute(8); // the joint key is a fixed base for every ballot: a window table speeds its multiples up
  const e = Enc.tag('minsheng-seal/v1/context').str(GROUP_ID).str(ceremony.ceremonyId).u32(ceremony.k).u32(ceremony.n);
  for (const t of ceremony.trustees) {
    e.point(t.commsKey);
    t.commitments.forEach((cm) => e.point(cm));
  }
  e.point(K).str(ballotId).str(layout.method).u32(layout.items.length);
  layout.items.forEach((i) => e.str(i));
  e.u32(layout.choices.length);
  layout.choices.forEach((ch) => e.str(ch));
  const hash = e.u32(layout.minFor).u32(layout.maxFor).sha256();
  return { ceremony, ballotId, layout, jointKey: K, hash, hashHex: hex(hash) };
}

export const FOR = 'FOR';
export const hasForSum = (layout) => layout.choices.includes(FOR);
export const oneChoicePerItem = (layout) => layout.choices.length > 1;

const proofJson = (p) => ({ c: scalarHex(p.c), v: scalarHex(p.v) });

/** the ceremony as published (the inverse of readCeremony) */
export function writeCeremony(c) {
  return {
    ceremonyId: c.ceremonyId,
    k: c.k,
    n: c.n,
    trustees: c.trustees.map((t) => ({
      index: t.index,
      commsKey: pointHex(t.commsKey),
      commsProof: proofJson(t.commsProof),
      commitments: t.commitments.map(pointHex),
      coefficientProofs: t.coefficientProofs.map(proofJson),
    })),
  };
}
