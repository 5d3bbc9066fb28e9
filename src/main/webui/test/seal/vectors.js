// The vectors Java generated (src/test/resources/seal/vectors.json), and a random source that
// hands out exactly the blocks Java drew.
import { readFileSync } from 'node:fs';
import { unhex } from '../../src/seal/group.js';

export const VECTORS_URL = new URL('../../../../test/resources/seal/vectors.json', import.meta.url);
export const JS_MADE_URL = new URL('../../../../test/resources/seal/js-made.json', import.meta.url);
export const vectors = JSON.parse(readFileSync(VECTORS_URL, 'utf8'));

export function replay(draws) {
  let next = 0;
  const random = (n) => {
    if (next >= draws.length) throw new Error('drew more than the Java side did');
    const block = unhex(draws[next++]);
    if (block.length !== n) throw new Error(`drew ${n} bytes where the Java side drew ${block.length}`);
    return block;
  };
  random.used = () => next;
  return random;
}

export const caseOf = (ballotId) => vectors.cases.find((c) => c.board.ballotId === ballotId);
