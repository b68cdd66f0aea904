/**
 * Stable LSD radix sort of row positions by float64 keys. Each key becomes a 64-bit sortable pattern (two 32-bit
 * words); only the bits that differ between keys are sorted, 11 at a time (millisecond times over days differ in
 * about 30 bits: 3 passes). Every pass moves the key words with the positions, so it reads sequentially instead of
 * looking keys up by position (1,000,000 shuffled times: ~600 ms of cache misses before). Ties keep position order
 * in both directions.
 */
const digitBits = 11;
const digitMask = (1 << digitBits) - 1;

export function radixOrder(keys: Float64Array, descending: boolean): Uint32Array {
  const count = keys.length;
  const words = new Uint32Array(keys.buffer.slice(keys.byteOffset, keys.byteOffset + count * 8));
  let hi = new Uint32Array(count);
  let lo = new Uint32Array(count);
  let order = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const high = words[2 * i + 1];
    const negative = high >>> 31 === 1;
    const sortableHi = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
    const sortableLo = negative ? ~words[2 * i] >>> 0 : words[2 * i];
    hi[i] = descending ? ~sortableHi >>> 0 : sortableHi;
    lo[i] = descending ? ~sortableLo >>> 0 : sortableLo;
    order[i] = i;
  }
  const [lowest, highest] = varyingBits(hi, lo);
  let nextHi = new Uint32Array(count);
  let nextLo = new Uint32Array(count);
  let nextOrder = new Uint32Array(count);
  const buckets = new Uint32Array(1 << digitBits);
  for (let shift = lowest; shift <= highest; shift += digitBits) {
    if (!scatter(shift, hi, lo, order, nextHi, nextLo, nextOrder, buckets)) continue;
    [hi, nextHi, lo, nextLo, order, nextOrder] = [nextHi, hi, nextLo, lo, nextOrder, order];
  }
  return order;
}

/** The lowest and highest bit (0–63, high word above) that is not the same in every key; [64, -1] when none. */
function varyingBits(hi: Uint32Array, lo: Uint32Array): [number, number] {
  let hiDiff = 0;
  let loDiff = 0;
  for (let i = 1; i < hi.length; i++) {
    hiDiff |= hi[i] ^ hi[0];
    loDiff |= lo[i] ^ lo[0];
  }
  if (hiDiff === 0 && loDiff === 0) return [64, -1];
  const lowest = loDiff !== 0 ? 31 - Math.clz32(loDiff & -loDiff) : 63 - Math.clz32(hiDiff & -hiDiff);
  const highest = hiDiff !== 0 ? 63 - Math.clz32(hiDiff) : 31 - Math.clz32(loDiff);
  return [lowest, highest];
}

/** The 11-bit digit at bit `shift` of the 64-bit key (hi, lo). */
function digitAt(hi: number, lo: number, shift: number): number {
  if (shift >= 32) return (hi >>> (shift - 32)) & digitMask;
  if (shift + digitBits <= 32) return (lo >>> shift) & digitMask;
  return ((lo >>> shift) | (hi << (32 - shift))) & digitMask;
}

/** One counting pass moving keys and positions; returns false (and moves nothing) when every digit is the same. */
function scatter(
  shift: number,
  hi: Uint32Array,
  lo: Uint32Array,
  order: Uint32Array,
  outHi: Uint32Array,
  outLo: Uint32Array,
  outOrder: Uint32Array,
  buckets: Uint32Array,
): boolean {
  const count = order.length;
  buckets.fill(0);
  for (let i = 0; i < count; i++) buckets[digitAt(hi[i], lo[i], shift)]++;
  if (count === 0 || buckets[digitAt(hi[0], lo[0], shift)] === count) return false;
  let sum = 0;
  for (let d = 0; d < buckets.length; d++) {
    const size = buckets[d];
    buckets[d] = sum;
    sum += size;
  }
  for (let i = 0; i < count; i++) {
    const at = buckets[digitAt(hi[i], lo[i], shift)]++;
    outHi[at] = hi[i];
    outLo[at] = lo[i];
    outOrder[at] = order[i];
  }
  return true;
}
