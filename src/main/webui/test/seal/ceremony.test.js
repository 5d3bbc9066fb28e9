import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeContext, readCeremony, verifyCeremony, writeCeremony } from '../../src/seal/context.js';
import { complain, createTrustee, finishTrustee, judgeComplaint, openShare, polynomialAt, publishTrustee, sealShareFor } from '../../src/seal/trustee.js';
import { openBackup, sealBackup } from '../../src/seal/backup.js';
import { sealBallot, decodeBallot } from '../../src/seal/ballot.js';
import { combine, partialDecrypt, sumBallots } from '../../src/seal/tally.js';
import { SealError, base, G, ZERO } from '../../src/seal/group.js';

const params = { ceremonyId: 'js-ceremony', k: 2, n: 3 };

function ceremony() {
  const trustees = [1, 2, 3].map((i) => createTrustee(params, i));
  const c = verifyCeremony({ ...params, trustees: trustees.map((t) => publishTrustee(t)) });
  return { trustees, c };
}

test('three devices run the ceremony; any two decrypt the totals, one cannot, and a restored backup can', () => {
  const { trustees, c } = ceremony();
  // the public record survives its JSON form
  assert.equal(JSON.stringify(writeCeremony(readCeremony(writeCeremony(c)))), JSON.stringify(writeCeremony(c)));
  const keys = trustees.map((t) => finishTrustee(t, c, trustees.filter((o) => o !== t).map((o) => sealShareFor(o, c, t.index))));
  const ctx = makeContext(c, 'js-ballot', { method: 'YES_NO_ABSTAIN', items: ['a', 'b'], choices: ['FOR', 'AGAINST', 'ABSTAIN'], minFor: 0, maxFor: 2 });
  const votes = [{ a: 'FOR' }, { a: 'FOR', b: 'AGAINST' }, { b: 'ABSTAIN' }, {}];
  const ballots = votes.map((v, i) => decodeBallot(ctx, sealBallot(ctx, `c${i}`, v).encoding));
  const totals = sumBallots(ctx, ballots);
  const truth = [[2, 0, 0], [0, 1, 1]];
  const parts = keys.map((k) => partialDecrypt(ctx, k, totals));
  for (const pair of [[0, 1], [0, 2], [1, 2]]) assert.deepEqual(combine(ctx, totals, pair.map((i) => parts[i])), truth);
  assert.deepEqual(combine(ctx, totals, parts), truth);
  assert.throws(() => combine(ctx, totals, [parts[1]]), /2 are needed/);
  const text = sealBackup(keys[2], 'a long passphrase 口令', { logN: 10 });
  const restored = openBackup(text, 'a long passphrase 口令');
  assert.equal(restored.share, keys[2].share);
  assert.deepEqual(combine(ctx, totals, [partialDecrypt(ctx, restored, totals), parts[0]]), truth);
  assert.throws(() => sealBackup(keys[2], 'too short'), SealError);
});

test('a bad share is detected and its sender named; an unfounded or forged complaint names the complainer', () => {
  const { trustees, c } = ceremony();
  const [one, two, three] = trustees;
  const bad = sealShareFor(two, c, 3, undefined, polynomialAt(two, 3) + 1n);
  assert.equal(openShare(c, three, bad), null);
  assert.throws(() => finishTrustee(three, c, [sealShareFor(one, c, 3), bad]), /bad share from trustee 2/);
  assert.equal(judgeComplaint(c, bad, complain(three, c, bad)).atFault, 2);
  const noEphemeral = { ...sealShareFor(two, c, 3), ephemeral: ZERO };
  assert.equal(openShare(c, three, noEphemeral), null);
  assert.equal(judgeComplaint(c, noEphemeral, complain(three, c, noEphemeral)).atFault, 2);
  const good = sealShareFor(one, c, 3);
  const unfounded = complain(three, c, good);
  assert.equal(judgeComplaint(c, good, unfounded).atFault, 3);
  assert.equal(judgeComplaint(c, good, { ...unfounded, shared: base(7n) }).atFault, 3);
});

test('a rogue commitment, chosen without its logarithm, is refused naming its trustee', () => {
  const { c } = ceremony();
  const t = c.trustees[1];
  const rogue = { ...c, trustees: [c.trustees[0], { ...t, commitments: [t.commitments[0].add(G), t.commitments[1]] }, c.trustees[2]] };
  assert.throws(() => verifyCeremony(rogue), /trustee 2: the proof of commitment 0/);
});
