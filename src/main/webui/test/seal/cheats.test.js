import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseOf } from './vectors.js';
import { decodeBallot, encodeBallot, sealBallot, sealValues, verifyBallot } from '../../src/seal/ballot.js';
import { contextOfBoard, checkBoard } from '../../src/seal/tally.js';
import { hex } from '../../src/seal/group.js';

const approval = contextOfBoard(caseOf('ballot-approval').board); // 3 items, 1 to 2 FOR marks
const yna = contextOfBoard(caseOf('ballot-yna').board); // FOR / AGAINST / ABSTAIN, at most 2 FOR
const rating = contextOfBoard(caseOf('ballot-rating').board);

const refused = (ctx, ballot, pattern) => assert.throws(() => verifyBallot(ctx, decodeBallot(ctx, encodeBallot(ballot))), pattern);

test('an honest ballot sealed here with the device randomness verifies, and its tracker is the hash of its bytes', () => {
  for (const [ctx, marks] of [[approval, { 'proj-01': 'FOR' }], [yna, { 'proj-02': 'AGAINST', '项目-03': 'FOR' }], [rating, { 'proj-01': 'ABSTAIN' }]]) {
    const { ballot, encoding, tracker } = sealBallot(ctx, 'cast-honest', marks);
    verifyBallot(ctx, decodeBallot(ctx, encoding));
    assert.equal(tracker.length, 64);
    assert.equal(hex(encodeBallot(ballot)), hex(encoding));
  }
});

test('a mark of 2 or -1 is refused', () => {
  for (const v of [2, -1]) {
    refused(approval, sealValues(approval, 'cheat', [[v], [0], [1]], cryptoRandom), /0 or 1/);
    refused(yna, sealValues(yna, 'cheat', [[0, v, 0], [0, 0, 0], [0, 0, 0]], cryptoRandom), /0 or 1/);
  }
});

test('too many or too few FOR marks are refused', () => {
  refused(approval, sealValues(approval, 'cheat', [[1], [1], [1]], cryptoRandom), /FOR marks/);
  refused(approval, sealValues(approval, 'cheat', [[0], [0], [0]], cryptoRandom), /FOR marks/);
  refused(yna, sealValues(yna, 'cheat', [[1, 0, 0], [1, 0, 0], [1, 0, 0]], cryptoRandom), /FOR marks/);
  assert.throws(() => sealBallot(approval, 'c', {}), RangeError);
});

test('two choices on one item are refused', () => {
  refused(yna, sealValues(yna, 'cheat', [[1, 1, 0], [0, 0, 0], [0, 0, 0]], cryptoRandom), /at most one choice/);
  refused(rating, sealValues(rating, 'cheat', [[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0]], cryptoRandom), /at most one choice/);
});

test('a proof copied from another ballot, or a ballot under another cast id or ballot id, is refused', () => {
  const a = sealBallot(yna, 'cast-a', { 'proj-01': 'FOR' }).ballot;
  const b = sealBallot(yna, 'cast-b', { 'proj-01': 'FOR' }).ballot;
  const first = b.items[0];
  const mixed = { ...b, items: [{ ...first, marks: [{ ...first.marks[0], proof: a.items[0].marks[0].proof }, ...first.marks.slice(1)] }, ...b.items.slice(1)] };
  refused(yna, mixed, /0 or 1/);
  refused(yna, { ...a, castId: 'cast-c' }, /fails/);
  const elsewhere = sealBallot(approval, 'cast-a', { 'proj-01': 'FOR' }).ballot;
  refused(approval, { ...elsewhere, contextHash: contextOfBoard({ ...caseOf('ballot-approval').board, ballotId: 'ballot-other' }).hash }, /another ballot/);
});

test('a replayed ballot, or its ciphertexts under a new cast id, is refused on the board', () => {
  const board = structuredClone(caseOf('ballot-approval').board);
  board.ballots.push(structuredClone(board.ballots[0]));
  assert.ok(checkBoard(board).some((f) => f.startsWith('ballot 4') && f.includes('cast id already')));
});

function cryptoRandom(n) {
  return crypto.getRandomValues(new Uint8Array(n));
}
