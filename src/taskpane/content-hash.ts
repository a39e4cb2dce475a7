/**
 * A file's identity by content, so that files picked again (after a cancel, or a folder picked a
 * second time) are not read twice: SHA-256 through Web Crypto where the page has it (every pane
 * served over https or from localhost), else a 2×32-bit FNV-1a of the bytes.
 */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const subtle = typeof crypto !== "undefined" ? crypto.subtle : undefined;
  if (subtle && typeof subtle.digest === "function") {
    try {
      const digest = await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
      return `sha256:${hex(new Uint8Array(digest))}`;
    } catch {
      // An insecure context or an old engine: the plain hash below.
    }
  }
  return `fnv:${fnv(bytes)}:${bytes.length}`;
}

function hex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

/** Two FNV-1a 32-bit hashes with different offsets (64 bits together). */
export function fnv(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x01000193);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
