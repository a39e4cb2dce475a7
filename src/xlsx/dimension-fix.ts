/**
 * exceljs 4.4 declares a worksheet's used range (`<dimension ref>`) one column short when the
 * first column's first cell is part of a merged range (the template's says B1:H67 while column A
 * holds the codes). Readers that trust the declaration (SheetJS, and every program built on it)
 * then drop column A — and with it the code column. This rewrites each worksheet's declaration
 * from the sheet model, which knows its cells.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { SheetModel } from "../layout/sheet-model";
import { columnNumber, columnLetter, parseAddress } from "../workbook/address";

/** `A1:H67` for the cells and merged ranges of a sheet model; null for an empty sheet. */
export function usedRange(sheet: SheetModel): string | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  const take = (address: string): void => {
    const { column, row } = parseAddress(address);
    const c = columnNumber(column);
    r1 = Math.min(r1, row);
    r2 = Math.max(r2, row);
    c1 = Math.min(c1, c);
    c2 = Math.max(c2, c);
  };
  for (const cell of sheet.cells) take(cell.address);
  for (const m of sheet.merges) for (const a of m.split(":")) take(a);
  if (!r2) return null;
  return `${columnLetter(c1)}${r1}:${columnLetter(c2)}${r2}`;
}

/** The workbook bytes with every worksheet's `<dimension ref>` set from its model (sheets in order). */
export function fixDimensions(bytes: Uint8Array, sheets: readonly SheetModel[]): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
    const sheet = m ? sheets[Number(m[1]) - 1] : undefined;
    const range = sheet ? usedRange(sheet) : null;
    out[path] = range
      ? strToU8(strFromU8(data).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${range}"/>`))
      : data;
  }
  return zipSync(out, { level: 6 });
}
