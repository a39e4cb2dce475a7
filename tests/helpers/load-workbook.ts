/** An .xls or .ods file read whole (what the inspection then looks at), for tests of those readers. */
import type { LoadedWorkbook } from "../../src/xlsx/loaded-workbook";
import { OTHER_FORMATS } from "../../src/xlsx/other-formats";
import { DEFAULT_LIMITS, sniffFile, type ReadLimits } from "../../src/xlsx/reader";

export function loadWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): LoadedWorkbook | null {
  const s = sniffFile(bytes, limits);
  if (s.type === "xls") return OTHER_FORMATS.readXls(bytes, limits);
  if (s.type === "ods") return OTHER_FORMATS.readOds(s.zip, limits);
  return null;
}
