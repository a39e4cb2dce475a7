/**
 * A short fingerprint of a form definition: what its templates' cells mean (header fields,
 * sections, indicators, computed values, rules — not the unit registry, which changes without
 * changing a report). Written in every template's metadata sheet, so that a return made from
 * another definition of the same form and version can be told apart and named in a warning.
 */
import type { FormDefinition } from "./schema";

/** 64-bit FNV-1a of a string, as 16 hex digits (stable across runs and platforms). */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

/** JSON with object keys sorted, so that the fingerprint does not depend on key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

export function formFingerprint(def: FormDefinition): string {
  let hit = fingerprints.get(def);
  if (hit === undefined) {
    const { units: _units, ...rest } = def;
    fingerprints.set(def, (hit = hashText(canonical(rest))));
  }
  return hit;
}

/** Every returned file of a form is compared with the same definition: hashed once (definitions are not changed once read). */
const fingerprints = new WeakMap<FormDefinition, string>();
