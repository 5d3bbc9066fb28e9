// The sealed ballot box, browser side: the same encodings and proofs as cn.minsheng.ballot.seal.
export { SealError, systemRandom } from './group.js';
export { readCeremony, writeCeremony, verifyCeremony, makeContext, jointKey, publicShare } from './context.js';
export { sealBallot, decodeBallot, verifyBallot, encodeBallot, tracker } from './ballot.js';
export { sumBallots, partialDecrypt, verifyPartial, combine, readTotals, readPartial, writePartial, contextOfBoard, checkBoard } from './tally.js';
export { sealBackup, openBackup } from './backup.js';
export { createTrustee, publishTrustee, sealShareFor, openShare, complain, judgeComplaint, finishTrustee } from './trustee.js';
