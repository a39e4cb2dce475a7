/**
 * An independent reading of one cell, the way strict Excel-like readers (openpyxl over expat,
 * LibreOffice) see it — for the fuzz test's "real value". Shares nothing with src/xlsx: fflate
 * unzips (a name given twice: the last entry wins, as Python's zipfile does), saxes (a strict XML
 * parser) reads the parts, and the cell's stored text is interpreted by ECMA-376's rules written
 * out again here. Null when there is no such reading: the package or a part is not well-formed
 * (a strict reader refuses the file), the sheet or the cell's part cannot be found, cells are
 * placed by position only (not followed here), or the address is given twice.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue } from "../../src/workbook/cell-value";

type Handler = {
  open?: (tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (t: string) => void;
};

/** Parse strictly; false when the XML is not well-formed. Names are local (prefix dropped). */
function parse(xml: string, h: Handler): boolean {
  const p = new SaxesParser({ xmlns: false });
  let ok = true;
  const local = (n: string): string => n.slice(n.indexOf(":") + 1);
  p.on("error", () => {
    ok = false;
  });
  p.on("opentag", (t) => h.open?.({ ...t, name: local(t.name) } as SaxesTagPlain));
  p.on("closetag", (t) => h.close?.(local(t.name)));
  p.on("text", (t) => h.text?.(t));
  p.on("cdata", (t) => h.text?.(t));
  try {
    p.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

const attr = (t: SaxesTagPlain, name: string): string | undefined => {
  for (const [k, v] of Object.entries(t.attributes)) if (k === name || k.endsWith(`:${name}`)) return v;
  return undefined;
};

/** OOXML's escape `_xHHHH_` for characters XML cannot carry. */
const unescapeOoxml = (s: string): string =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function sharedStrings(xml: string | undefined): string[] | null {
  if (xml === undefined) return [];
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  const ok = parse(xml, {
    open: (t) => {
      if (t.name === "si") cur = "";
      else if (t.name === "rPh") phonetic++;
      else if (t.name === "t" && !phonetic) inT = true;
    },
    close: (n) => {
      if (n === "si" && cur !== null) {
        out.push(unescapeOoxml(cur));
        cur = null;
      } else if (n === "rPh") phonetic--;
      else if (n === "t") inT = false;
    },
    text: (s) => {
      if (inT && cur !== null) cur += s;
    },
  });
  return ok ? out : null;
}

/** The part of the sheet named `sheet` (case-insensitive), through workbook.xml and its relationships. */
function sheetPart(parts: Record<string, string>, sheet: string): string | null {
  const rels = new Map<string, string>();
  const relsXml = parts["xl/_rels/workbook.xml.rels"];
  if (
    relsXml === undefined ||
    !parse(relsXml, {
      open: (t) => {
        if (t.name === "Relationship") rels.set(attr(t, "Id") ?? "", attr(t, "Target") ?? "");
      },
    })
  )
    return null;
  let id: string | null = null;
  const wb = parts["xl/workbook.xml"];
  if (
    wb === undefined ||
    !parse(wb, {
      open: (t) => {
        if (
          t.name === "sheet" &&
          (attr(t, "name") ?? "").toUpperCase() === sheet.toUpperCase() &&
          id === null
        )
          id = attr(t, "id") ?? null;
      },
    })
  )
    return null;
  const target = id === null ? undefined : rels.get(id);
  if (!target) return null;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** What the cell stores, by ECMA-376 (a number only in xsd:double's lexical form, finite). */
function interpret(t: string, v: string | null, inline: string | null, sst: string[]): CellValue {
  const raw = v ?? "";
  switch (t) {
    case "s":
      return /^\d+$/.test(raw) && sst[Number(raw)] !== undefined
        ? sst[Number(raw)] === ""
          ? { type: "blank" }
          : { type: "text", text: sst[Number(raw)] }
        : { type: "invalid", raw };
    case "inlineStr":
      return inline ? { type: "text", text: unescapeOoxml(inline) } : { type: "blank" };
    case "str":
      return raw ? { type: "text", text: unescapeOoxml(raw) } : { type: "blank" };
    case "b":
      return raw === "1" || raw === "0" ? { type: "boolean", value: raw === "1" } : { type: "invalid", raw };
    case "e":
      return { type: "error", code: raw };
    case "d":
      return { type: "invalid", raw }; // a date: never a number (its serial is not needed here)
    default: {
      if (v === null || raw === "") return { type: "blank" };
      const ok = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw) && Number.isFinite(Number(raw));
      return ok ? { type: "number", value: Number(raw) + 0 } : { type: "invalid", raw };
    }
  }
}

/** Every addressed cell of one sheet part, or null (not well-formed; a cell placed by position only). Cells given twice: null. */
function sheetCells(xml: string, sst: string[]): Map<string, CellValue | null> | null {
  const cells = new Map<string, CellValue | null>();
  let cell: { r: string; t: string; v: string | null; inline: string | null } | null = null;
  let capture: "v" | "t" | null = null;
  let phonetic = 0;
  let withoutAddress = false;
  const ok = parse(xml, {
    open: (t) => {
      if (t.name === "c") {
        const r = attr(t, "r");
        if (r === undefined) withoutAddress = true;
        cell = { r: (r ?? "").toUpperCase(), t: attr(t, "t") ?? "n", v: null, inline: null };
      } else if (cell && t.name === "v") {
        capture = "v";
        cell.v = "";
      } else if (cell && t.name === "rPh") phonetic++;
      else if (cell && t.name === "t" && !phonetic) {
        capture = "t";
        cell.inline ??= "";
      }
    },
    close: (n) => {
      if (n === "c" && cell) {
        // the same address twice: no one reading of it
        cells.set(cell.r, cells.has(cell.r) ? null : interpret(cell.t, cell.v, cell.inline, sst));
        cell = null;
      } else if (n === "v" || n === "t") capture = null;
      else if (n === "rPh") phonetic--;
    },
    text: (s) => {
      if (!cell || !capture) return;
      if (capture === "v") cell.v += s;
      else cell.inline += s;
    },
  });
  return ok && !withoutAddress ? cells : null;
}

/**
 * A strict reading of a workbook: `cell(sheet, "D14")` is the value there, blank when the sheet
 * holds nothing there, or null when a strict reader has none (see above). Sheets are parsed once.
 */
export function plainWorkbook(bytes: Uint8Array): { cell(sheet: string, address: string): CellValue | null } {
  let parts: Record<string, string> | null = null;
  try {
    parts = {};
    for (const [k, b] of Object.entries(unzipSync(bytes)))
      if (/\.(xml|rels)$/.test(k)) parts[k] = strFromU8(b);
  } catch {
    parts = null;
  }
  const sst = parts ? sharedStrings(parts["xl/sharedStrings.xml"]) : null;
  const sheets = new Map<string, Map<string, CellValue | null> | null>();
  return {
    cell(sheet, address) {
      if (!parts || !sst) return null;
      if (!sheets.has(sheet.toUpperCase())) {
        const path = sheetPart(parts, sheet);
        const xml = path ? parts[path] : undefined;
        sheets.set(sheet.toUpperCase(), xml === undefined ? null : sheetCells(xml, sst));
      }
      const cells = sheets.get(sheet.toUpperCase());
      if (!cells) return null;
      const v = cells.get(address.toUpperCase());
      return v === undefined ? { type: "blank" } : v;
    },
  };
}
