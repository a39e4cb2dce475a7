/**
 * "Copy for year N": the same form for another year, without code. The year, the deadline (moved
 * by the same number of years) and the year written in the form id, the title, the labels and the
 * messages ("năm 2019", "01/12/2019", "BDG-2019") change; everything else stays.
 */
import type { FormDefinition } from "../form/schema";

/** Every text of the definition, with `from` written as a year replaced by `to`. */
function replaceYear(value: unknown, from: number, to: number): unknown {
  if (typeof value === "string") return value.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`, "g"), String(to));
  if (Array.isArray(value)) return value.map((v) => replaceYear(v, from, to));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceYear(v, from, to)]));
  return value;
}

export function copyForYear(def: FormDefinition, year: number): FormDefinition {
  const from = def.year;
  const shift = year - from;
  const [y, m, d] = def.deadline.split("-").map(Number);
  const deadline = new Date(Date.UTC(y + shift, m - 1, d)).toISOString().slice(0, 10);
  // The units' codes and names are not the form's to change (a commune named after a year is rare,
  // but its name is not a date).
  const { units, ...rest } = def;
  const copied = replaceYear(rest, from, year) as Omit<FormDefinition, "units">;
  return { ...copied, units, year, deadline };
}
