/**
 * A unit registry given by the officer (`merge --units`): CSV `code,name,group[,aliases]` or JSON
 * (an array of units, or `{ "units": [...] }`). Pure: text in, units out; every problem named by
 * line. The group is any name ("Thôn", "Tổ dân phố"…); the older `kind` values commune/body (and
 * xã/thị trấn/phường, cơ quan/đơn vị) stand for the built-in registry's two groups.
 */
import { unitSchema, type Unit } from "../form/schema";
import { BODIES, COMMUNES } from "../form/units-tan-yen";
import { stripDiacritics } from "../form/unit-match";

export class RegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Danh sách đơn vị không hợp lệ / invalid unit registry:\n- ${problems.join("\n- ")}`);
    this.name = "RegistryError";
  }
}

/** A group name, with the older kind words standing for the built-in groups; null when blank. */
function groupOf(raw: string): string | null {
  const k = stripDiacritics(raw).toLowerCase().trim();
  if (!k) return null;
  if (["commune", "xa", "thi tran", "tt", "phuong", "xa/tt", "xa, thi tran", "town", "ward"].includes(k))
    return COMMUNES;
  if (["body", "co quan", "don vi", "agency", "co quan, don vi"].includes(k)) return BODIES;
  return raw.trim();
}

/** Split one CSV line (RFC 4180 quotes; comma or semicolon, as Excel writes it in vi-VN). */
function splitCsv(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === sep) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export function parseRegistryCsv(text: string): Unit[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const first = lines.find((l) => l.trim()) ?? "";
  const sep = first.split(";").length > first.split(",").length ? ";" : ",";
  const problems: string[] = [];
  const units: Unit[] = [];
  lines.forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith("#")) return;
    const [code = "", name = "", groupText = "", aliases = ""] = splitCsv(line, sep);
    if (i === lines.indexOf(first) && /^(code|m[aã])/i.test(stripDiacritics(code))) return; // header row
    const group = groupOf(groupText);
    if (!group) {
      problems.push(
        `dòng ${i + 1}: thiếu nhóm đơn vị (cột thứ 3) / line ${i + 1}: the unit's group (3rd column) is missing`
      );
      return;
    }
    units.push({
      code: code.toUpperCase(),
      name,
      group,
      aliases: aliases
        ? aliases
            .split("|")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    });
  });
  return check(units, problems);
}

export function parseRegistryJson(text: string): Unit[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new RegistryError([`JSON không hợp lệ / invalid JSON: ${(e as Error).message}`]);
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === "object" && Array.isArray((data as { units?: unknown }).units)
      ? (data as { units: unknown[] }).units
      : null;
  if (!list)
    throw new RegistryError([
      'cần một mảng đơn vị hoặc { "units": [...] } / expected an array of units or { "units": [...] }',
    ]);
  const problems: string[] = [];
  const units: Unit[] = [];
  list.forEach((raw, i) => {
    const r = raw && typeof raw === "object" ? { ...(raw as Record<string, unknown>) } : raw;
    if (r && typeof r === "object") {
      const o = r as { kind?: unknown; group?: unknown };
      if (o.group === undefined && typeof o.kind === "string") o.group = groupOf(o.kind) ?? undefined;
      delete o.kind;
    }
    const p = unitSchema.safeParse(r);
    if (p.success) units.push(p.data);
    else
      problems.push(
        `đơn vị thứ ${i + 1}: ${p.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`
      );
  });
  return check(units, problems);
}

/** By content: JSON when it starts with [ or {, else CSV. */
export function parseRegistry(text: string): Unit[] {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  return t.startsWith("[") || t.startsWith("{") ? parseRegistryJson(text) : parseRegistryCsv(text);
}

function check(units: Unit[], problems: string[]): Unit[] {
  const seen = new Set<string>();
  units.forEach((u, i) => {
    const p = unitSchema.safeParse(u);
    if (!p.success)
      problems.push(
        `đơn vị ${u.code || `thứ ${i + 1}`}: ${p.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`
      );
    if (seen.has(u.code)) problems.push(`mã đơn vị trùng / duplicate code: ${u.code}`);
    seen.add(u.code);
  });
  if (!units.length && !problems.length) problems.push("danh sách trống / the registry is empty");
  if (problems.length) throw new RegistryError(problems);
  return units;
}
