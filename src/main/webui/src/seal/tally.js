// Counting without opening a ballot: encrypted totals, a scrutineer's partial decryption with its
// proof, the Lagrange combination, and a check of a whole published board (see the README).
import { readCeremony, makeContext, publicShare } from './context.js';
import { addCt, decodeBallot, tracker, verifyBallot, ZERO_CT } from './ballot.js';
import { dlogProve, dlogVerifies } from './proofs.js';
import { Enc, G, SealError, ZERO, base, encodePoint, hex, mod, mul, mulPublic, pointHex, pointOf, scalarHex, scalarOf, systemRandom, unhex } from './group.js';

/** totals[item][choice]: the sum of the ballots' ciphertexts */
export function sumBallots(ctx, ballots) {
  return {
    ballots: ballots.length,
    ciphertexts: ctx.layout.items.map((_, i) => ctx.layout.choices.map((_, j) => ballots.reduce((s, b) => addCt(s, b.items[i].marks[j].ct), ZERO_CT))),
  };
}

const partialStatement = (ctx, i, Ki, item, choice, ct, M) => () => Enc.tag('minsheng-seal/v1/partial').bytes(ctx.hash).u32(i).point(Ki)
  .str(ctx.layout.items[item]).str(ctx.layout.choices[choice]).point(ct.alpha).point(ct.beta).point(M);

/** the scrutineer's device: key = { ceremonyId, index, share }; draws one u per total, items then choices */
export function partialDecrypt(ctx, key, totals, random = systemRandom) {
  if (key.ceremonyId !== ctx.ceremony.ceremonyId) throw new SealError('this key belongs to another ceremony');
  const Ki = base(key.share);
  return {
    trustee: key.index,
    shares: totals.ciphertexts.map((row, i) => row.map((ct, j) => {
      const M = mul(ct.alpha, key.share);
      return { m: M, proof: dlogProve([G, ct.alpha], key.share, partialStatement(ctx, key.index, Ki, i, j, ct, M), random) };
    })),
  };
}

export function verifyPartial(ctx, totals, p) {
  const Ki = publicShare(ctx.ceremony, p.trustee);
  if (p.shares.length !== totals.ciphertexts.length) throw new SealError(`trustee ${p.trustee}: partial decryption of the wrong shape`);
  p.shares.forEach((row, i) => {
    if (row.length !== totals.ciphertexts[i].length) throw new SealError(`trustee ${p.trustee}: partial decryption of the wrong shape`);
    row.forEach((s, j) => {
      const ct = totals.ciphertexts[i][j];
      if (!dlogVerifies(s.proof, [G, ct.alpha], [Ki, s.m], partialStatement(ctx, p.trustee, Ki, i, j, ct, s.m))) {
        throw new SealError(`trustee ${p.trustee}: the decryption proof of ${ctx.layout.items[i]} ${ctx.layout.choices[j]} fails`);
      }
    });
  });
  return p;
}

export function lagrange(i, set) {
  let num = 1n;
  let den = 1n;
  for (const j of set) {
    if (j !== i) {
      num = mod(num * BigInt(j));
      den = mod(den * BigInt(j - i));
    }
  }
  return mod(num * modInverse(den));
}

function modInverse(a) {
  // Fermat: a^(N-2) mod N (N is prime)
  let result = 1n;
  let b = mod(a);
  let e = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n - 2n;
  while (e > 0n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
    e >>= 1n;
  }
  return result;
}

/** a lookup of m·G for 0 <= m <= bound (the totals are small: at most the number of ballots) */
function smallLogs(bound) {
  const table = new Map();
  let Q = ZERO;
  for (let m = 0; m <= bound; m++) {
    table.set(hex(encodePoint(Q)), m);
    Q = Q.add(G);
  }
  return (P) => {
    const m = table.get(hex(encodePoint(P)));
    if (m === undefined) throw new SealError(`the decrypted total is not between 0 and ${bound}`);
    return m;
  };
}

/** the counts from at least k verified partial decryptions of distinct trustees */
export function combine(ctx, totals, partials) {
  const set = partials.map((p) => p.trustee);
  if (new Set(set).size !== set.length) throw new SealError('two partial decryptions of one trustee');
  partials.forEach((p) => verifyPartial(ctx, totals, p));
  if (set.length < ctx.ceremony.k) throw new SealError(`${set.length} partial decryptions; ${ctx.ceremony.k} are needed`);
  const lambdas = set.map((i) => lagrange(i, set));
  const log = smallLogs(totals.ballots);
  return totals.ciphertexts.map((row, i) => row.map((ct, j) => {
    const M = partials.reduce((s, p, x) => s.add(mulPublic(p.shares[i][j].m, lambdas[x])), ZERO);
    return log(ct.beta.subtract(M));
  }));
}

// ---- the board's JSON

export const readTotals = (json) => ({
  ballots: json.ballots,
  ciphertexts: json.ciphertexts.map((row) => row.map((ct) => ({ alpha: pointOf(ct.alpha), beta: pointOf(ct.beta) }))),
});

export const readPartial = (json) => ({
  trustee: json.trustee,
  shares: json.shares.map((row) => row.map((s) => ({ m: pointOf(s.m), proof: { c: scalarOf(s.c), v: scalarOf(s.v) } }))),
});

export const writePartial = (p) => ({
  trustee: p.trustee,
  shares: p.shares.map((row) => row.map((s) => ({ m: pointHex(s.m), c: scalarHex(s.proof.c), v: scalarHex(s.proof.v) }))),
});

export const contextOfBoard = (board) => makeContext(readCeremony(board.ceremony), board.ballotId, board.layout);

/** the findings of checking a published sealed board; empty when everything checks out */
export function checkBoard(board) {
  const findings = [];
  let ctx;
  try {
    ctx = contextOfBoard(board);
  } catch (e) {
    return [`ceremony or layout: ${e.message}`];
  }
  if (ctx.hashHex !== board.contextHash) findings.push(`context hash: recomputed ${ctx.hashHex}, published ${board.contextHash}`);
  const ballots = [];
  const castIds = new Set();
  const alphas = new Set();
  board.ballots.forEach((entry, n) => {
    try {
      const bytes = unhex(entry.encoding);
      const b = verifyBallot(ctx, decodeBallot(ctx, bytes));
      const mine = b.items.flatMap((item) => item.marks.map((m) => pointHex(m.ct.alpha)));
      if (castIds.has(b.castId)) throw new SealError('cast id already in the box');
      if (mine.some((a, x) => alphas.has(a) || mine.indexOf(a) !== x)) throw new SealError('a ciphertext of this ballot is already in the box');
      castIds.add(b.castId);
      mine.forEach((a) => alphas.add(a));
      ballots.push(b);
      if (tracker(bytes) !== entry.tracker) findings.push(`ballot ${n + 1}: tracker ${entry.tracker} is not the hash of its encoding`);
    } catch (e) {
      findings.push(`ballot ${n + 1} (${entry.tracker}): ${e.message}`);
    }
  });
  const totals = sumBallots(ctx, ballots);
  const same = (a, b) => hex(encodePoint(a)) === hex(encodePoint(b));
  try {
    const published = readTotals(board.totals);
    const equal = published.ballots === totals.ballots && published.ciphertexts.length === totals.ciphertexts.length
      && published.ciphertexts.every((row, i) => row.length === totals.ciphertexts[i].length
        && row.every((ct, j) => same(ct.alpha, totals.ciphertexts[i][j].alpha) && same(ct.beta, totals.ciphertexts[i][j].beta)));
    if (!equal) findings.push('encrypted totals: the published ones are not the sum of the valid ballots on the board');
  } catch (e) {
    findings.push(`encrypted totals: ${e.message}`);
  }
  const partials = [];
  for (const p of board.partials) {
    try {
      partials.push(verifyPartial(ctx, totals, readPartial(p)));
    } catch (e) {
      findings.push(`partial decryption of trustee ${p.trustee}: ${e.message}`);
    }
  }
  try {
    const counts = combine(ctx, totals, partials);
    if (JSON.stringify(counts) !== JSON.stringify(board.counts)) {
      findings.push(`counts: decrypted ${JSON.stringify(counts)}, published ${JSON.stringify(board.counts)}`);
    }
  } catch (e) {
    findings.push(`counts: ${e.message}`);
  }
  return findings;
}
