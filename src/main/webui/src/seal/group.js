// The group and the canonical encoding of sealed ballots (see the README, "Sealed ballots"):
// NIST P-256 from @noble/curves; points compressed SEC1 (33 bytes), infinity as the byte 0x00;
// scalars 32 bytes big-endian below the order; every hashed or encoded value a field
// (4-byte big-endian length, then the bytes).
import { p256 } from '@noble/curves/nist.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const GROUP_ID = 'P-256';
export const Point = p256.Point;
export const N = Point.Fn.ORDER;
export const G = Point.BASE;
export const ZERO = Point.ZERO;

export class SealError extends Error {}

export const mod = (a) => ((a % N) + N) % N;

/** k·G (constant time: k may be secret) */
export function base(k) {
  const r = mod(k);
  return r === 0n ? ZERO : G.multiply(r);
}

/** k·P with a secret k (constant time) */
export function mul(P, k) {
  const r = mod(k);
  return r === 0n || P.is0() ? ZERO : P.multiply(r);
}

/** k·P with public k and P (verification only) */
export function mulPublic(P, k) {
  return P.multiplyUnsafe(mod(k));
}

export function encodePoint(P) {
  return P.is0() ? new Uint8Array([0]) : P.toBytes(true);
}

export function decodePoint(b) {
  if (b.length === 1 && b[0] === 0) return ZERO;
  if (b.length !== 33 || (b[0] !== 2 && b[0] !== 3)) throw new SealError('a point must be 33 bytes, compressed');
  try {
    return Point.fromBytes(b);
  } catch {
    throw new SealError('not a point of the curve');
  }
}

export function encodeScalar(k) {
  if (typeof k !== 'bigint' || k < 0n || k >= N) throw new RangeError('scalar out of range');
  return hexToBytes(k.toString(16).padStart(64, '0'));
}

export function decodeScalar(b) {
  if (b.length !== 32) throw new SealError('a scalar must be 32 bytes');
  const k = BigInt('0x' + bytesToHex(b));
  if (k >= N) throw new SealError('scalar not below the group order');
  return k;
}

/** the device's random source: n bytes from crypto.getRandomValues */
export function systemRandom(n) {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** a uniform scalar in [1, N-1]: 32 random bytes, drawn again while zero or not below N */
export function randomScalar(random) {
  for (;;) {
    const k = BigInt('0x' + bytesToHex(random(32)));
    if (k > 0n && k < N) return k;
  }
}

export const hex = bytesToHex;
export const unhex = (s) => {
  if (typeof s !== 'string') throw new SealError('a hex string is missing');
  try {
    return hexToBytes(s);
  } catch {
    throw new SealError('not hex: ' + s);
  }
};
export const pointHex = (P) => bytesToHex(encodePoint(P));
export const scalarHex = (k) => bytesToHex(encodeScalar(k));
export const pointOf = (s) => decodePoint(unhex(s));
export const scalarOf = (s) => decodeScalar(unhex(s));

function u32bytes(v) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v);
  return b;
}

/** a sequence of fields; the first field of anything hashed is its domain-separation tag */
export class Enc {
  constructor() {
    this.parts = [];
  }

  static tag(t) {
    return new Enc().str(t);
  }

  bytes(b) {
    this.parts.push(u32bytes(b.length), b);
    return this;
  }

  str(s) {
    return this.bytes(utf8ToBytes(s));
  }

  u32(v) {
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) throw new RangeError('integer out of range');
    return this.bytes(u32bytes(v));
  }

  point(P) {
    return this.bytes(encodePoint(P));
  }

  scalar(k) {
    return this.bytes(encodeScalar(k));
  }

  toBytes() {
    return concatBytes(...this.parts);
  }

  sha256() {
    return sha256(this.toBytes());
  }

  /** Fiat–Shamir challenge: SHA-512 of the fields, big-endian, mod N */
  challenge() {
    return mod(BigInt('0x' + bytesToHex(sha512(this.toBytes()))));
  }
}

export class Reader {
  constructor(data) {
    this.data = data;
    this.pos = 0;
  }

  bytes() {
    if (this.data.length - this.pos < 4) throw new SealError('encoding cut short');
    const len = new DataView(this.data.buffer, this.data.byteOffset + this.pos, 4).getUint32(0);
    this.pos += 4;
    if (len > this.data.length - this.pos) throw new SealError('encoding cut short');
    const b = this.data.slice(this.pos, this.pos + len);
    this.pos += len;
    return b;
  }

  str() {
    return new TextDecoder().decode(this.bytes());
  }

  expect(s) {
    if (this.str() !== s) throw new SealError(`expected "${s}"`);
  }

  u32() {
    const b = this.bytes();
    if (b.length !== 4 || (b[0] & 0x80) !== 0) throw new SealError('an integer must be 4 bytes, below 2^31');
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }

  point() {
    return decodePoint(this.bytes());
  }

  scalar() {
    return decodeScalar(this.bytes());
  }

  end() {
    if (this.pos !== this.data.length) throw new SealError('trailing bytes after the encoding');
  }
}
