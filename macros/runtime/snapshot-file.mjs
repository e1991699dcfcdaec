// @ts-check
// The file format of the shipped snapshot of Python (macros/snapshot.py): Pyodide's memory snapshot is the whole
// 31 MB of the interpreter's WebAssembly memory, more than half of it zeros. Moving 31 MB from the network into
// a worker costs a quarter of a second even uncompressed, so the file holds only the 4 KB pages that are not all
// zero, as runs: "LWSNAP1\0", the memory's length and the run count (uint32 little-endian), then each run's
// offset and length, then the runs' bytes. The build packs it (macros/snapshot.mjs); the worker checks it against
// the SHA-256 the build wrote into shipped.mjs, since a spoilt memory may hang Python rather than fail, and
// unpacks it.

const MAGIC = "LWSNAP1\0";
const PAGE = 4096;

/**
 * The memory snapshot as runs of its non-zero pages.
 * @param {Uint8Array} memory
 * @returns {Uint8Array}
 */
export function packSnapshot(memory) {
  /** @type {[number, number][]} */
  const runs = [];
  for (let at = 0; at < memory.length; at += PAGE) {
    const end = Math.min(at + PAGE, memory.length);
    if (!memory.subarray(at, end).some((byte) => byte !== 0)) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === at) last[1] += end - at;
    else runs.push([at, end - at]);
  }
  const headerBytes = MAGIC.length + 8 + runs.length * 8;
  const packed = new Uint8Array(headerBytes + runs.reduce((sum, [, length]) => sum + length, 0));
  const header = new DataView(packed.buffer);
  packed.set(new TextEncoder().encode(MAGIC));
  header.setUint32(MAGIC.length, memory.length, true);
  header.setUint32(MAGIC.length + 4, runs.length, true);
  let data = headerBytes;
  runs.forEach(([offset, length], index) => {
    header.setUint32(MAGIC.length + 8 + index * 8, offset, true);
    header.setUint32(MAGIC.length + 12 + index * 8, length, true);
    packed.set(memory.subarray(offset, offset + length), data);
    data += length;
  });
  return packed;
}

/**
 * The memory snapshot back from its runs; throws on anything that is not a whole packed snapshot.
 * @param {Uint8Array} packed
 * @returns {Uint8Array}
 */
export function unpackSnapshot(packed) {
  const header = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < MAGIC.length + 8 || new TextDecoder().decode(packed.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new Error("not a packed snapshot of Python");
  }
  const memory = new Uint8Array(header.getUint32(MAGIC.length, true));
  const count = header.getUint32(MAGIC.length + 4, true);
  let data = MAGIC.length + 8 + count * 8;
  for (let index = 0; index < count; index += 1) {
    const offset = header.getUint32(MAGIC.length + 8 + index * 8, true);
    const length = header.getUint32(MAGIC.length + 12 + index * 8, true);
    if (data + length > packed.length || offset + length > memory.length) throw new Error("a truncated snapshot");
    memory.set(packed.subarray(data, data + length), offset);
    data += length;
  }
  if (data !== packed.length) throw new Error("a snapshot with bytes after its last run");
  return memory;
}

/**
 * `packed` itself once its SHA-256 is `sha256` (hex); throws if it is not. Where the browser has no
 * crypto.subtle (a page served over plain http from another machine), the check is skipped.
 * @param {Uint8Array<ArrayBuffer>} packed
 * @param {string | null} sha256
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export async function checkedSnapshot(packed, sha256) {
  if (!sha256 || !globalThis.crypto?.subtle) return packed;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", packed));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex !== sha256) throw new Error("the snapshot's bytes are not the build's");
  return packed;
}
