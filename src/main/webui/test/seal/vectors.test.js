import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseOf, replay, vectors } from './vectors.js';
import { decodeBallot, encodeBallot, sealBallot, verifyBallot } from '../../src/seal/ballot.js';
import { jointKey, publicShare, readCeremony } from '../../src/seal/context.js';
import { hex, pointHex, scalarOf, pointOf, unhex } from '../../src/seal/group.js';
import { checkBoard, combine, contextOfBoard, partialDecrypt, readPartial, readTotals, sumBallots, writePartial } from '../../src/seal/tally.js';
import { openBackup } from '../../src/seal/backup.js';
import { openShare } from '../../src/seal/trustee.js';

const keyOf = (index) => {
  const k = vectors.keys[index - 1];
  return { ceremonyId: vectors.ceremony.ceremonyId, index: k.index, share: scalarOf(k.share), commsSecret: scalarOf(k.commsSecret) };
};

test('the ceremony gives the joint key and public shares Java computed', () => {
  const c = readCeremony(vectors.ceremony);
  assert.equal(pointHex(jointKey(c)), vectors.jointKey);
  for (const k of vectors.keys) assert.equal(pointHex(publicShare(c, k.index)), k.publicShare);
});

for (const { board, sealing, partialDraws } of vectors.cases) {
  test(`${board.ballotId}: the context hash is Java's and the whole board checks`, () => {
    assert.equal(contextOfBoard(board).hashHex, board.contextHash);
    assert.deepEqual(checkBoard(board), []);
  });

  test(`${board.ballotId}: sealing the same marks with the same draws gives Java's bytes and trackers`, () => {
    const ctx = contextOfBoard(board);
    sealing.forEach((s, i) => {
      const random = replay(s.draws);
      const { encoding, tracker } = sealBallot(ctx, s.castId, s.marks, random);
      assert.equal(random.used(), s.draws.length);
      assert.equal(hex(encoding), board.ballots[i].encoding);
      assert.equal(tracker, board.ballots[i].tracker);
      const back = verifyBallot(ctx, decodeBallot(ctx, encoding));
      assert.equal(hex(encodeBallot(back)), hex(encoding));
    });
  });

  test(`${board.ballotId}: the scrutineers' partial decryptions, redone with the same draws, are Java's, and combine to the counts`, () => {
    const ctx = contextOfBoard(board);
    const ballots = board.ballots.map((b) => decodeBallot(ctx, unhex(b.encoding)));
    const totals = sumBallots(ctx, ballots);
    const published = readTotals(board.totals);
    totals.ciphertexts.forEach((row, i) => row.forEach((ct, j) => {
      assert.ok(ct.alpha.equals(published.ciphertexts[i][j].alpha) && ct.beta.equals(published.ciphertexts[i][j].beta));
    }));
    const partials = partialDraws.map(({ trustee, draws }, x) => {
      const p = partialDecrypt(ctx, keyOf(trustee), totals, replay(draws));
      assert.deepEqual(writePartial(p), board.partials[x]);
      return p;
    });
    assert.deepEqual(combine(ctx, totals, partials), board.counts);
    assert.throws(() => combine(ctx, totals, partials.slice(0, 1)), /2 are needed/);
  });
}

test('a single altered byte in a ciphertext, a proof, a partial decryption or a total makes the board fail', () => {
  const { board } = caseOf('ballot-yna');
  const flip = (s, at) => s.slice(0, at) + ((parseInt(s[at], 16) ^ 1).toString(16)) + s.slice(at + 1);
  const altered = (edit) => {
    const copy = structuredClone(board);
    edit(copy);
    return checkBoard(copy);
  };
  // ballot 2's encoding: a byte inside the first alpha, and one inside the last proof scalar
  const enc = board.ballots[1].encoding;
  const alphaAt = enc.indexOf('00000021') + 8 + 10; // the first 33-byte field is the first mark's alpha
  for (const at of [alphaAt, enc.length - 5]) {
    const f = altered((b) => { b.ballots[1].encoding = flip(enc, at); });
    assert.ok(f.some((x) => x.startsWith('ballot 2')), f.join('\n'));
  }
  let f = altered((b) => { b.partials[0].shares[1][2].c = flip(b.partials[0].shares[1][2].c, 40); });
  assert.ok(f.some((x) => x.startsWith('partial decryption of trustee 3')), f.join('\n'));
  f = altered((b) => { b.partials[1].shares[0][0].m = flip(b.partials[1].shares[0][0].m, 20); });
  assert.ok(f.length > 0, 'altered partial decryption');
  f = altered((b) => { b.totals.ciphertexts[2][1].beta = flip(b.totals.ciphertexts[2][1].beta, 30); });
  assert.ok(f.some((x) => x.startsWith('encrypted totals')), f.join('\n'));
  f = altered((b) => { b.counts[0][0] += 1; });
  assert.ok(f.some((x) => x.startsWith('counts')), f.join('\n'));
  f = altered((b) => { b.ballots[0].tracker = flip(b.ballots[0].tracker, 0); });
  assert.ok(f.some((x) => x.includes('tracker')), f.join('\n'));
});

test("a scrutineer's backup made in Java opens here with its passphrase, and only with it", () => {
  const b = vectors.backup;
  const key = openBackup(b.text, b.passphrase);
  assert.equal(key.index, b.index);
  assert.equal(key.ceremonyId, b.ceremonyId);
  assert.equal(key.share, scalarOf(b.share));
  assert.throws(() => openBackup(b.text, b.passphrase + ' '), /wrong passphrase/);
  // the restored share decrypts: trustee 2 (restored) with trustee 1
  const { board } = caseOf('ballot-approval');
  const ctx = contextOfBoard(board);
  const totals = readTotals(board.totals);
  const parts = [partialDecrypt(ctx, key, totals), readPartial(board.partials[1])];
  assert.deepEqual(combine(ctx, totals, parts), board.counts);
});

test('a ceremony share sealed in Java opens here, checked against the commitments; an altered box does not', () => {
  const s = vectors.shareBox;
  const c = readCeremony(vectors.ceremony);
  const box = { sender: s.sender, ephemeral: pointOf(s.ephemeral), box: unhex(s.box) };
  assert.equal(openShare(c, keyOf(s.recipient), box), scalarOf(s.share));
  const bad = unhex(s.box);
  bad[3] ^= 1;
  assert.equal(openShare(c, keyOf(s.recipient), { ...box, box: bad }), null);
  assert.equal(openShare(c, keyOf(2), box), null);
});
