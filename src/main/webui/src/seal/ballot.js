// Sealing a ballot on the tablet, and checking a sealed ballot (see the README, "Sealed ballots").
import { sha256 } from '@noble/hashes/sha2.js';
import { FOR, hasForSum, oneChoicePerItem } from './context.js';
import { rangeProve, rangeVerifies, writeRange } from './proofs.js';
import { Enc, Reader, SealError, ZERO, base, hex, mod, mul, randomScalar, systemRandom } from './group.js';

export const BALLOT_TAG = 'minsheng-seal/v1/ballot';

const encrypt = (K, mark, r) => ({ alpha: base(r), beta: base(BigInt(mark)).add(mul(K, r)) });
const addCt = (a, b) => ({ alpha: a.alpha.add(b.alpha), beta: a.beta.add(b.beta) });
export const ZERO_CT = { alpha: ZERO, beta: ZERO };

const statement = (ctx, castId, kind, item, choice) => ({ contextHash: ctx.hash, jointKey: ctx.jointKey, castId, kind, item, choice });
const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));

/**
 * Seals a ballot: marks maps an item id to its chosen choice (absent = not marked). random(n)
 * gives n random bytes (the device's by default). Returns { ballot, encoding, tracker }.
 */
export function sealBallot(ctx, castId, marks, random = systemRandom) {
  const { items, choices, minFor, maxFor } = ctx.layout;
  for (const [item, choice] of Object.entries(marks)) {
    if (!items.includes(item) || !choices.includes(choice)) throw new RangeError(`no such item or choice: ${item} ${choice}`);
  }
  const values = items.map((item) => choices.map((choice) => (marks[item] === choice ? 1 : 0)));
  const fors = Object.values(marks).filter((c) => c === FOR).length;
  if (hasForSum(ctx.layout) && (fors < minFor || fors > maxFor)) {
    throw new RangeError(`between ${minFor} and ${maxFor} FOR marks allowed`);
  }
  const ballot = sealValues(ctx, castId, values, random);
  const encoding = encodeBallot(ballot);
  return { ballot, encoding, tracker: tracker(encoding) };
}

/** values[item][choice], unchecked (tests play cheats with it); the draws follow the Java side's order */
export function sealValues(ctx, castId, values, random) {
  const { items: itemIds, choices, minFor, maxFor } = ctx.layout;
  let forCt = ZERO_CT;
  let forR = 0n;
  let forCount = 0;
  const items = itemIds.map((item, i) => {
    let itemCt = ZERO_CT;
    let itemR = 0n;
    let itemCount = 0;
    const marks = choices.map((choice, j) => {
      const value = values[i][j];
      const r = randomScalar(random);
      const ct = encrypt(ctx.jointKey, value, r);
      const proof = rangeProve(statement(ctx, castId, 'mark', item, choice), ct, r, clamp(value, 0, 1), 0, 1, random);
      itemCt = addCt(itemCt, ct);
      itemR += r;
      itemCount += value;
      if (choice === FOR) {
        forCt = addCt(forCt, ct);
        forR += r;
        forCount += value;
      }
      return { choice, ct, proof };
    });
    const oneChoice = oneChoicePerItem(ctx.layout)
      ? rangeProve(statement(ctx, castId, 'item', item, ''), itemCt, mod(itemR), clamp(itemCount, 0, 1), 0, 1, random)
      : null;
    return { itemId: item, marks, oneChoice };
  });
  const forSum = hasForSum(ctx.layout)
    ? rangeProve(statement(ctx, castId, 'for-sum', '', ''), forCt, mod(forR), clamp(forCount, minFor, maxFor), minFor, maxFor, random)
    : null;
  return { contextHash: ctx.hash, castId, items, forSum };
}

export function encodeBallot(b) {
  const e = Enc.tag(BALLOT_TAG).bytes(b.contextHash).str(b.castId).u32(b.items.length);
  for (const item of b.items) {
    e.str(item.itemId).u32(item.marks.length);
    for (const m of item.marks) writeRange(e.str(m.choice).point(m.ct.alpha).point(m.ct.beta), m.proof);
    if (item.oneChoice) writeRange(e, item.oneChoice);
  }
  if (b.forSum) writeRange(e, b.forSum);
  return e.toBytes();
}

/** lowercase hex SHA-256 of the encoding */
export const tracker = (encoding) => hex(sha256(encoding));

function readRange(r, lo, hi) {
  if (r.u32() !== lo || r.u32() !== hi) throw new SealError('range proof for the wrong range');
  const c = [];
  const v = [];
  for (let j = lo; j <= hi; j++) {
    c.push(r.scalar());
    v.push(r.scalar());
  }
  return { lo, hi, c, v };
}

/** reads a ballot sealed under ctx; the bytes must be canonical */
export function decodeBallot(ctx, bytes) {
  const { items: itemIds, choices, minFor, maxFor } = ctx.layout;
  const r = new Reader(bytes);
  r.expect(BALLOT_TAG);
  const contextHash = r.bytes();
  const castId = r.str();
  if (r.u32() !== itemIds.length) throw new SealError('ballot does not carry every item');
  const items = itemIds.map(() => {
    const itemId = r.str();
    if (r.u32() !== choices.length) throw new SealError(`${itemId}: not every choice`);
    const marks = choices.map(() => {
      const choice = r.str();
      const ct = { alpha: r.point(), beta: r.point() };
      return { choice, ct, proof: readRange(r, 0, 1) };
    });
    return { itemId, marks, oneChoice: oneChoicePerItem(ctx.layout) ? readRange(r, 0, 1) : null };
  });
  const forSum = hasForSum(ctx.layout) ? readRange(r, minFor, maxFor) : null;
  r.end();
  const b = { contextHash, castId, items, forSum };
  if (hex(encodeBallot(b)) !== hex(bytes)) throw new SealError('encoding not canonical');
  return b;
}

/** every check a verifier makes; throws a SealError saying which fails */
export function verifyBallot(ctx, b) {
  const { items: itemIds, choices, minFor, maxFor } = ctx.layout;
  if (hex(b.contextHash) !== ctx.hashHex) throw new SealError('ballot sealed for another ballot or key');
  if (!b.castId || b.castId.length > 200) throw new SealError('cast id missing or too long');
  if (b.items.length !== itemIds.length) throw new SealError('ballot does not carry every item');
  let forCt = ZERO_CT;
  b.items.forEach((item, i) => {
    const id = itemIds[i];
    if (item.itemId !== id || item.marks.length !== choices.length) throw new SealError(`item ${i} is not ${id} with every choice`);
    let itemCt = ZERO_CT;
    item.marks.forEach((m, j) => {
      const choice = choices[j];
      if (m.choice !== choice) throw new SealError(`${id}: choice ${j} is not ${choice}`);
      if (m.ct.alpha.is0() || m.ct.beta.is0()) throw new SealError(`${id} ${choice}: degenerate ciphertext`);
      if (m.proof.lo !== 0 || m.proof.hi !== 1 || !rangeVerifies(m.proof, statement(ctx, b.castId, 'mark', id, choice), m.ct)) {
        throw new SealError(`${id} ${choice}: the proof that the mark is 0 or 1 fails`);
      }
      itemCt = addCt(itemCt, m.ct);
      if (choice === FOR) forCt = addCt(forCt, m.ct);
    });
    if (oneChoicePerItem(ctx.layout) !== Boolean(item.oneChoice)) throw new SealError(`${id}: one-choice proof missing or unexpected`);
    if (item.oneChoice && (item.oneChoice.lo !== 0 || item.oneChoice.hi !== 1
        || !rangeVerifies(item.oneChoice, statement(ctx, b.castId, 'item', id, ''), itemCt))) {
      throw new SealError(`${id}: the proof of at most one choice fails`);
    }
  });
  if (hasForSum(ctx.layout) !== Boolean(b.forSum)) throw new SealError('FOR-sum proof missing or unexpected');
  if (b.forSum && (b.forSum.lo !== minFor || b.forSum.hi !== maxFor
      || !rangeVerifies(b.forSum, statement(ctx, b.castId, 'for-sum', '', ''), forCt))) {
    throw new SealError(`the proof of ${minFor} to ${maxFor} FOR marks fails`);
  }
  return b;
}

export { addCt };
