// Writes src/test/resources/seal/js-made.json: a ballot sealed here with the device's randomness
// under the vectors' YES_NO_ABSTAIN ballot, and trustee 2's partial decryption of that board's
// totals, and a 2-of-3 ceremony run here with a bad share from trustee 2 to trustee 3 and trustee
// 3's complaint. Java (SealVectorsTest) verifies all of it. Run (in src/main/webui): node scripts/seal-js-made.js
import { writeFileSync } from 'node:fs';
import { caseOf, JS_MADE_URL, vectors } from '../test/seal/vectors.js';
import { sealBallot } from '../src/seal/ballot.js';
import { hex, pointHex, scalarHex, scalarOf } from '../src/seal/group.js';
import { verifyCeremony, writeCeremony } from '../src/seal/context.js';
import { complain, createTrustee, polynomialAt, publishTrustee, sealShareFor } from '../src/seal/trustee.js';
import { contextOfBoard, partialDecrypt, readTotals, writePartial } from '../src/seal/tally.js';

const { board } = caseOf('ballot-yna');
const ctx = contextOfBoard(board);
const { encoding, tracker } = sealBallot(ctx, 'js-cast-1', { 'proj-02': 'FOR', '项目-03': 'AGAINST' });
const k = vectors.keys[1];
const partial = partialDecrypt(ctx, { ceremonyId: vectors.ceremony.ceremonyId, index: k.index, share: scalarOf(k.share) }, readTotals(board.totals));
const params = { ceremonyId: 'js-ceremony', k: 2, n: 3 };
const trustees = [1, 2, 3].map((i) => createTrustee(params, i));
const ceremony = verifyCeremony({ ...params, trustees: trustees.map((t) => publishTrustee(t)) });
const bad = sealShareFor(trustees[1], ceremony, 3, undefined, polynomialAt(trustees[1], 3) + 1n);
const complaint = complain(trustees[2], ceremony, bad);
writeFileSync(JS_MADE_URL, JSON.stringify({
  ballotId: board.ballotId,
  ballot: { encoding: hex(encoding), tracker },
  partial: writePartial(partial),
  ceremony: writeCeremony(ceremony),
  badShare: { sender: bad.sender, recipient: bad.recipient, ephemeral: pointHex(bad.ephemeral), box: hex(bad.box) },
  complaint: { accused: complaint.accused, complainer: complaint.complainer, shared: pointHex(complaint.shared),
    c: scalarHex(complaint.proof.c), v: scalarHex(complaint.proof.v) },
}, null, 2) + '\n');
