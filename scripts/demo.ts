/**
 * `npm run demo`: the product end to end on a machine without Excel.
 *
 * 1. templates for every unit of the registry (demo/out/templates/),
 * 2. realistic returns with seeded randomness (demo/out/returns/): most units on time, a few
 *    late, some numbers typed as text, one unit with a rule error, one unit that sent two
 *    versions, two units that never sent anything, one junk file; a few returns re-saved by
 *    LibreOffice when `soffice` exists, else re-written by another writer (SheetJS),
 * 3. `bdg-report merge` into demo/out/tong-hop.xlsx (+ tong-hop.json), printing the status table.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import type { Unit } from "../src/form/schema";
import { REPORT_SHEET } from "../src/workbook/contract";
import { buildTemplate, formulaValues } from "../src/layout/template";
import type { CellScalar } from "../src/layout/sheet-model";
import { main } from "../src/cli/main";
import { isoToSerial } from "../src/validate/dates";
import { templateFileName, writeAllUnitTemplates } from "../src/xlsx/write-template";
import { writeWorkbook } from "../src/xlsx/write-workbook";
import { rng } from "./sample-numbers";

export interface ReturnSpec {
  unit: Unit;
  seed: number;
  /** ISO report date. */
  date: string;
  /** Type some numbers as text ("1.250"). */
  textNumbers?: boolean;
  /** Put a rule error in (female > total at I.2). */
  ruleError?: boolean;
}

const NARRATIVES = [
  'Tổ chức tốt các hội nghị tuyên truyền Luật Bình đẳng giới; phối hợp với Hội Phụ nữ duy trì mô hình "Địa chỉ tin cậy".',
  "Tỷ lệ nữ tham gia cấp ủy còn thấp; kinh phí cho công tác bình đẳng giới còn hạn chế; cán bộ phụ trách kiêm nhiệm nhiều việc.",
  "Năm 2020 tiếp tục tuyên truyền trên hệ thống truyền thanh; nhân rộng mô hình phòng, chống bạo lực gia đình.",
  "Đề nghị huyện hỗ trợ kinh phí tập huấn cho cộng tác viên thôn, khu phố.",
];

/** Input values of one realistic return, by defined name (numbers consistent with the rules unless asked). */
export function returnValues(form: ResolvedForm, spec: ReturnSpec): Map<string, CellScalar> {
  const r = rng(spec.seed);
  const scale = spec.unit.group === "Xã, thị trấn" ? 1 : 0.6;
  const int = (lo: number, hi: number): number => Math.round((lo + (hi - lo) * r()) * scale);
  const values = new Map<string, CellScalar>();
  const field = (k: string): string => form.fieldByKey.get(k)?.name ?? k;
  values.set(field("year"), form.definition.year);
  values.set(field("reportDate"), isoToSerial(spec.date));
  values.set(
    field("preparer"),
    ["Nguyễn Thị Hương", "Trần Văn Minh", "Lê Thị Thu", "Phạm Văn Đức"][Math.floor(r() * 4)]
  );
  values.set(field("phone"), `0204 3${String(100000 + Math.floor(r() * 899999))}`);
  values.set(field("head"), ["Hoàng Văn Nam", "Ngô Thị Lan", "Đỗ Văn Hải"][Math.floor(r() * 3)]);
  const nums = new Map<string, number>();
  const ranges: Record<string, [number, number]> = {
    cuộc: [2, 15],
    "lượt người": [80, 900],
    "tin, bài": [3, 30],
    bản: [50, 600],
    cái: [2, 25],
    "hoạt động": [1, 10],
    lớp: [1, 5],
    "văn bản": [2, 20],
    "mô hình": [1, 4],
    người: [5, 120],
    "địa chỉ": [1, 3],
    vụ: [0, 4],
    "tập thể": [0, 3],
    trẻ: [60, 180],
  };
  for (const ind of form.indicators) {
    if (ind.kind === "count") nums.set(ind.cells[0].name, int(...(ranges[ind.unit] ?? [0, 10])));
    else if (ind.kind === "amount")
      nums.set(ind.cells[0].name, Math.round((5 + 60 * r()) * scale * 1000) / 1000);
    else if (ind.kind === "tf") {
      const t = int(...(ranges[ind.unit] ?? [10, 100]));
      nums.set(ind.cells[0].name, t);
      nums.set(ind.cells[1].name, Math.floor(t * (0.35 + 0.3 * r())));
    }
  }
  for (const rule of form.definition.rules) {
    if (rule.type === "partOfWhole") {
      const part = form.byCode.get(rule.part);
      const whole = form.byCode.get(rule.whole);
      part?.cells.forEach((c, i) =>
        nums.set(
          c.name,
          Math.min(nums.get(c.name) ?? 0, Math.floor((nums.get(whole?.cells[i].name ?? "") ?? 0) * 0.8))
        )
      );
    }
    if (rule.type === "sumEquals") {
      const whole = form.byCode.get(rule.whole)?.cells[0].name ?? "";
      const w = nums.get(whole) ?? 0;
      const [p1, p2] = rule.parts.map((c) => form.byCode.get(c)?.cells[0].name ?? "");
      const a = Math.round(w * 0.7 * 1000) / 1000;
      nums.set(p1, a);
      nums.set(p2, Math.round((w - a) * 1000) / 1000);
    }
    if (rule.type === "notLess") {
      const left =
        form.byCode.get(rule.left.indicator)?.cells.find((c) => c.part === rule.left.part)?.name ?? "";
      const right =
        form.byCode.get(rule.right.indicator)?.cells.find((c) => c.part === rule.right.part)?.name ?? "";
      if ((nums.get(left) ?? 0) < (nums.get(right) ?? 0)) nums.set(left, nums.get(right) ?? 0);
    }
  }
  const v7 = form.byCode.get("V.7");
  if (v7) nums.set(v7.cells[1].name, Math.round((nums.get(v7.cells[0].name) ?? 0) / 2.12));
  // Female ≤ total after the adjustments above.
  for (const ind of form.indicators)
    if (ind.kind === "tf")
      nums.set(
        ind.cells[1].name,
        Math.min(nums.get(ind.cells[1].name) ?? 0, nums.get(ind.cells[0].name) ?? 0)
      );
  if (spec.ruleError) {
    const i2 = form.byCode.get("I.2");
    if (i2) nums.set(i2.cells[1].name, (nums.get(i2.cells[0].name) ?? 0) + 37);
  }
  let k = 0;
  for (const [name, n] of nums) {
    // Numbers typed as text, the way officers do it: "1.250" (Vietnamese thousands), "45".
    if (spec.textNumbers && k++ % 9 === 0 && Number.isInteger(n))
      values.set(name, n >= 1000 ? n.toLocaleString("de-DE") : String(n));
    else values.set(name, n);
  }
  form.indicators
    .filter((i) => i.kind === "text")
    .forEach((ind, i) => values.set(ind.cells[0].name, `${NARRATIVES[i % NARRATIVES.length]}`));
  return values;
}

/** One filled return as .xlsx bytes (the unit's own template, inputs filled, formulas' cached results updated). */
export async function writeReturn(form: ResolvedForm, spec: ReturnSpec): Promise<Uint8Array> {
  return writeFilledTemplate(form, spec.unit, returnValues(form, spec), new Date(Date.UTC(2019, 10, 1)));
}

/**
 * A returned report as .xlsx bytes: the unit's template (unit pre-filled) with `values` typed into
 * its input cells by defined name, and the formulas' cached results updated to match (as Excel
 * leaves them on save). Throws on a name without a cell or a name that is a formula cell.
 */
export async function writeFilledTemplate(
  form: ResolvedForm,
  unit: Unit,
  values: ReadonlyMap<string, CellScalar>,
  created: Date
): Promise<Uint8Array> {
  const t = buildTemplate(form, { unitCode: unit.code });
  const sheet = t.model.sheets.find((s) => s.name === REPORT_SHEET);
  if (!sheet) throw new Error(`no ${REPORT_SHEET} sheet in the template model`);
  const byAddress = new Map(sheet.cells.map((c) => [c.address, c]));
  for (const [name, value] of values) {
    const address = t.positions.cells[name];
    if (!address) throw new Error(`no cell for ${name}`);
    const cell = byAddress.get(address);
    if (!cell) sheet.cells.push({ address, value });
    else if (cell.formula !== undefined) throw new Error(`${name} at ${address} is a formula cell`);
    else cell.value = value;
  }
  const cached = formulaValues(t, values);
  for (const c of sheet.cells) if (c.formula !== undefined) c.value = cached.get(c.address) ?? "";
  return writeWorkbook(t.model, { created });
}

/** Re-save files with LibreOffice (one soffice run); false when soffice is missing or fails. */
export function resaveWithLibreOffice(files: string[]): boolean {
  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  if (!soffice || !files.length) return false;
  const tmp = mkdtempSync(join(tmpdir(), "bdg-lo-"));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${tmp}/profile`,
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(tmp, "out"),
        ...files,
      ],
      { stdio: "ignore", timeout: 180_000 }
    );
    for (const f of files) {
      const out = join(tmp, "out", f.split("/").pop() as string);
      if (!existsSync(out)) return false;
      renameSync(out, f);
    }
    return true;
  } catch {
    return false;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Re-write with SheetJS (a different writer: other XML, shared strings, no styles). */
export async function resaveWithSheetJs(file: string): Promise<void> {
  const XLSX = await import("@e965/xlsx");
  const wb = XLSX.read(readFileSync(file), {
    type: "buffer",
    cellFormula: true,
    cellStyles: false,
    bookVBA: false,
  });
  const out = XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
  writeFileSync(file, out);
}

export interface DemoReturns {
  dir: string;
  files: string[];
  missing: Unit[];
  resavedBy: "LibreOffice" | "SheetJS";
}

/** The demo's returns (deterministic content; file times set so that the later draft is later). */
export async function makeDemoReturns(
  form: ResolvedForm,
  dir: string,
  options: { resave?: boolean } = {}
): Promise<DemoReturns> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const units = form.units;
  const missing = [
    units.find((u) => u.code === "XA-QUE-NHAM"),
    units.find((u) => u.code === "THANH-TRA"),
  ].filter((u): u is Unit => !!u);
  const files: string[] = [];
  const base = Date.UTC(2019, 10, 20, 2, 0, 0);
  let i = 0;
  for (const unit of units) {
    if (missing.includes(unit)) continue;
    i++;
    const late = i % 11 === 5;
    const spec: ReturnSpec = {
      unit,
      seed: 1000 + i,
      date: late ? `2019-12-0${3 + (i % 5)}` : `2019-11-${String(18 + (i % 12)).padStart(2, "0")}`,
      textNumbers: i % 6 === 2,
      ruleError: unit.code === "XA-VIET-LAP",
    };
    const name = templateFileName(form, unit).replace(/^BDG-2019_/, "BaoCao_BDG_");
    const file = join(dir, name);
    writeFileSync(file, await writeReturn(form, spec));
    utimesSync(file, new Date(base + i * 3_600_000), new Date(base + i * 3_600_000));
    files.push(file);
    if (unit.code === "XA-NGOC-CHAU") {
      // The same unit sent a first draft earlier (other numbers, earlier report date).
      const draft = join(dir, "Ngoc Chau - ban nhap.xlsx");
      writeFileSync(draft, await writeReturn(form, { ...spec, seed: 77, date: "2019-11-15" }));
      utimesSync(draft, new Date(base - 86_400_000), new Date(base - 86_400_000));
      files.push(draft);
    }
  }
  const junk = join(dir, "bao-cao-xa-An-Duong (1).xlsx");
  writeFileSync(junk, "Đây là một tệp văn bản được đổi tên thành .xlsx\n");
  files.push(junk);

  let resavedBy: DemoReturns["resavedBy"] = "SheetJS";
  if (options.resave !== false) {
    const pick = files.filter((f) => /Nha-Nam|Lien-Son|Phong-Y-te/i.test(f));
    if (!resaveWithLibreOffice(pick)) for (const f of pick) await resaveWithSheetJs(f);
    else resavedBy = "LibreOffice";
  }
  return { dir, files: files.sort(), missing, resavedBy };
}

export async function runDemo(root = resolve(__dirname, "..", "demo", "out")): Promise<number> {
  const form = builtInForm();
  const t0 = Date.now();
  const templatesDir = join(root, "templates");
  rmSync(templatesDir, { recursive: true, force: true });
  mkdirSync(templatesDir, { recursive: true });
  for (const t of await writeAllUnitTemplates(form)) writeFileSync(join(templatesDir, t.fileName), t.bytes);
  process.stdout.write(
    `1. Đã tạo ${form.units.length} mẫu báo cáo (một tệp cho mỗi đơn vị): ${templatesDir}\n`
  );

  const returns = await makeDemoReturns(form, join(root, "returns"));
  process.stdout.write(
    `2. Đã tạo ${returns.files.length} tệp báo cáo nhận về: ${returns.dir}\n` +
      `   (một số tệp được lưu lại bằng ${returns.resavedBy}; có số nhập dạng văn bản; Xã Việt Lập có lỗi; Xã Ngọc Châu gửi 2 bản;\n` +
      `    chưa nộp: ${returns.missing.map((u) => u.name).join(", ")}; một tệp rác)\n\n`
  );
  const out = join(root, "tong-hop.xlsx");
  const json = join(root, "tong-hop.json");
  const code = await main(["merge", returns.dir, "--out", out, "--json", json, "--date", "2019-12-10"], {
    stdout: process.stdout,
    stderr: process.stderr,
  });
  process.stdout.write(
    `\n3. Xong trong ${((Date.now() - t0) / 1000).toFixed(1)} giây. Mở ${out} để xem bảng tổng hợp.\n`
  );
  return code;
}

if (require.main === module) {
  runDemo().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exit(1);
    }
  );
}

// Kept for tools that list the demo's inputs.
export function listReturns(dir: string): string[] {
  return readdirSync(dir).sort();
}
