/**
 * The sealed ballot box: exponential ElGamal on P-256 with zero-knowledge proofs, a Feldman key
 * ceremony among the scrutineers, threshold decryption of the totals, and share backups. Only
 * java.* and BouncyCastle; the byte encodings are written up in the README ("Sealed ballots") and
 * the browser side (src/main/webui/src/seal/) follows them byte for byte.
 */
package cn.minsheng.ballot.seal;
