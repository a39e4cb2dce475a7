/**
 * Re-running `merge` with the same --out keeps the collecting office's own assessment (the
 * narrative indicators on the summary's TỔNG CỘNG column, typed by the officer after the first
 * run); a previous file that cannot be read is never replaced.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { memoryIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { builtInForm, nameOf } from "../../src/form/resolve";
import { isoToSerial } from "../../src/validate/dates";
import { inspectFile } from "../../src/xlsx/reader";
import { reportFixture } from "../xlsx/fixture-xlsx";

jest.setTimeout(60_000);
const form = builtInForm();
const F = (k: string): string => form.fieldByKey.get(k)?.name ?? k;
const VI = (code: string): string => nameOf(form, code, "value");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bdg-assessment-"));
  mkdirSync(join(dir, "in"));
  const values: Record<string, number | string> = {
    [F("unit")]: "Xã Cao Xá",
    [F("year")]: 2019,
    [F("reportDate")]: isoToSerial("2019-11-28"),
    [F("preparer")]: "Nguyễn Thị Lan",
    [F("head")]: "Trần Văn Hùng",
  };
  for (const ind of form.indicators)
    for (const c of ind.cells) values[c.name] = ind.kind === "text" ? "Nội dung của xã" : 3;
  writeFileSync(
    join(dir, "in", "caoxa.xlsx"),
    reportFixture(form, values, { meta: { unitCode: "XA-CAO-XA" } }).bytes
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the officer does in Excel: type texts into the summary's named cells, save. */
async function typeInto(file: string, texts: Record<string, string>): Promise<void> {
  const read = inspectFile(new Uint8Array(readFileSync(file)), form);
  if (!read.ok) throw new Error(read.reason);
  const wb = new ExcelJS.Workbook();
  // exceljs' own typing of load() predates Node's generic Buffer
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  for (const [name, text] of Object.entries(texts)) {
    const address = read.cells.get(name)?.address ?? "";
    const ref = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(address);
    const sheet = ref ? wb.getWorksheet(ref[1]) : undefined;
    if (!ref || !sheet) throw new Error(`no address for ${name}: ${address}`);
    sheet.getCell(`${ref[2]}${ref[3]}`).value = text;
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

function textAt(file: string, name: string): string | null {
  const read = inspectFile(new Uint8Array(readFileSync(file)), form);
  if (!read.ok) throw new Error(read.reason);
  const v = read.values.get(name);
  return v && v.type === "text" ? v.text : null;
}

test("a re-run keeps the assessment typed in the previous summary, and says so", async () => {
  const out = join(dir, "tong-hop.xlsx");
  expect(await main(["merge", join(dir, "in"), "--out", out, "--quiet"], memoryIo())).toBe(0);
  expect(textAt(out, VI("VI.1"))).toBeNull();
  const typed = {
    [VI("VI.1")]: "Huyện đã hoàn thành 12/14 chỉ tiêu;\nnổi bật: tỷ lệ nữ cán bộ chủ chốt tăng.",
    [VI("VI.3")]: "=Tiếp tục tuyên truyền (không phải công thức)",
  };
  await typeInto(out, typed);
  expect(textAt(out, VI("VI.1"))).toBe(typed[VI("VI.1")]);

  const io = memoryIo();
  expect(await main(["merge", join(dir, "in"), "--out", out, "--quiet", "--date", "2019-12-10"], io)).toBe(0);
  expect(io.err()).toBe("");
  expect(io.out()).toContain(
    "Đã giữ lại phần nhận định của đơn vị tổng hợp (mục VI.1, VI.3) từ bảng tổng hợp cũ / kept the assessment typed in the previous summary (VI.1, VI.3)"
  );
  expect(textAt(out, VI("VI.1"))).toBe(typed[VI("VI.1")]);
  expect(textAt(out, VI("VI.3"))).toBe(typed[VI("VI.3")]);
  expect(textAt(out, VI("VI.2"))).toBeNull();
  // And again: what was carried once is carried again.
  const again = memoryIo();
  expect(await main(["merge", join(dir, "in"), "--out", out, "--quiet"], again)).toBe(0);
  expect(again.out()).toContain("(mục VI.1, VI.3)");
  expect(textAt(out, VI("VI.3"))).toBe(typed[VI("VI.3")]);
});

test("a summary without typed assessment is replaced without that line", async () => {
  const out = join(dir, "plain.xlsx");
  expect(await main(["merge", join(dir, "in"), "--out", out, "--quiet"], memoryIo())).toBe(0);
  const io = memoryIo();
  expect(await main(["merge", join(dir, "in"), "--out", out, "--quiet"], io)).toBe(0);
  expect(io.out()).not.toContain("Đã giữ lại");
});

test("a previous --out that cannot be read is never replaced (the text in it cannot be known)", async () => {
  // Over the reader's cap: cannot tell whether it is our summary with an assessment in it.
  const big = join(dir, "big.xlsx");
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x50));
  const io = memoryIo();
  expect(await main(["merge", join(dir, "in"), "--out", big, "--quiet"], io)).toBe(2);
  expect(io.err()).toMatch(/^Lỗi: tệp ".*big\.xlsx" đã có nhưng không đọc được \(Tệp quá lớn/);
  expect(io.err()).toContain("không giữ lại được phần cán bộ đã nhập: không ghi đè");
  expect(io.err()).toMatch(/\nError: ".*big\.xlsx" exists but cannot be read/);
  expect(readFileSync(big).length).toBe(20 * 1024 * 1024 + 1);
  // A FIFO where the summary was: refused at once, not waited on.
  const fifo = join(dir, "fifo.xlsx");
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  const io2 = memoryIo();
  expect(await main(["merge", join(dir, "in"), "--out", fifo, "--quiet"], io2)).toBe(2);
  expect(io2.err()).toContain("không ghi --out vào đó");
});
