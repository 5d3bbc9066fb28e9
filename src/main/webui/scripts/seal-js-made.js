// Writes src/test/resources/seal/js-made.json: a ballot sealed here with the device's randomness
// under the vectors' YES_NO_ABSTAIN ballot, and trustee 2's partial decryption of that board's
// totals. Java (SealVectorsTest) verifies both. Run (in src/main/webui): node scripts/seal-js-made.js
import { writeFileSync } from 'node:fs';
import { caseOf, JS_MADE_URL, vectors } from '../test/seal/vectors.js';
import { sealBallot } from '../src/seal/ballot.js';
import { hex, scalarOf } from '../src/seal/group.js';
import { contextOfBoard, partialDecrypt, readTotals, writePartial } from '../src/seal/tally.js';

const { board } = caseOf('ballot-yna');
const ctx = contextOfBoard(board);
const { encoding, tracker } = sealBallot(ctx, 'js-cast-1', { 'proj-02': 'FOR', '项目-03': 'AGAINST' });
const k = vectors.keys[1];
const partial = partialDecrypt(ctx, { ceremonyId: vectors.ceremony.ceremonyId, index: k.index, share: scalarOf(k.share) }, readTotals(board.totals));
writeFileSync(JS_MADE_URL, JSON.stringify({ ballotId: board.ballotId, ballot: { encoding: hex(encoding), tracker }, partial: writePartial(partial) }, null, 2) + '\n');
