/** A content fingerprint of a report's values: tells identical files (copies) from different ones. */
import type { CellValue } from "../workbook/cell-value";

/** A stable 2×32-bit hash of the values (by name, sorted), to tell identical files apart from different ones. */
export function fingerprintValues(values: ReadonlyMap<string, CellValue>): string {
  const names = [...values.keys()].sort();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  for (const n of names) {
    const v = values.get(n) as CellValue;
    if (v.type === "blank" || (v.type === "text" && v.text.trim() === "")) continue;
    feed(n);
    feed("\u0001");
    feed(cellKey(v));
    feed("\u0002");
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

function cellKey(v: CellValue): string {
  switch (v.type) {
    case "number":
      return `n${v.value}`;
    case "text":
      return `s${v.text}`;
    case "boolean":
      return `b${v.value ? 1 : 0}`;
    case "error":
      return `e${v.code}`;
    case "uncomputed":
      return `f${v.formula}`;
    case "date":
      return `d${v.serial}`;
    case "invalid":
      return `x${v.raw}`;
    default:
      return "";
  }
}
