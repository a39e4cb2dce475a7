/**
 * `npm run demo`: the product end to end on a machine without Excel.
 *
 * 1. templates for every unit of the registry (demo/out/templates/),
 * 2. realistic returns with seeded randomness (demo/out/returns/): most units on time, a few
 *    late, some numbers typed as text, one unit with a rule error, one unit that sent two
 *    versions, two units that never sent anything, one junk file; a few returns re-saved by
 *    LibreOffice when `soffice` exists, else re-written by another writer (SheetJS),
 * 3. `bdg-report merge` into demo/out/tong-hop.xlsx (+ tong-hop.json), printing the status table;
 * then the second scenario (scripts/demo-commune.ts): a commune's 2026 collection built only from
 * a definition workbook (demo/out/xa-2026/), and the list of the files the demo wrote.
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
import { join, relative, resolve } from "node:path";
import { builtInForm, type ResolvedForm } from "../src/form/resolve";
import type { Unit } from "../src/form/schema";
import { main } from "../src/cli/main";
import { templateFileName, writeAllUnitTemplates } from "../src/xlsx/write-template";
// The sample returns are the tests' too (tests/cli/merge-command.test.ts, tests/e2e): one generator.
import { writeReturn, type ReturnSpec } from "../tests/helpers/sample-returns";
import { runCommuneDemo } from "./demo-commune";

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
  process.stdout.write(`\n3. Mở ${out} để xem bảng tổng hợp.\n`);

  const commune = await runCommuneDemo(root);
  process.stdout.write(
    `\nCác tệp demo đã ghi / files the demo wrote (${((Date.now() - t0) / 1000).toFixed(1)} giây):\n` +
      writtenList([
        [templatesDir, `${form.units.length} mẫu báo cáo / templates`],
        [returns.dir, `${returns.files.length} báo cáo nhận về / returns`],
        [out, "bảng tổng hợp / summary"],
        [json, "báo cáo JSON / JSON report"],
        ...commune.written
          .filter((f) => !f.endsWith(".xlsx") || !f.includes("bao-cao-nhan"))
          .map((f): [string, string] => [f, describeCommuneFile(f)]),
        [
          join(root, "xa-2026", "bao-cao-nhan"),
          `${commune.written.filter((f) => f.includes("bao-cao-nhan")).length} báo cáo nhận về / returns`,
        ],
      ])
  );
  return code !== 0 ? code : commune.code;
}

function describeCommuneFile(f: string): string {
  if (f.endsWith("dinh-nghia-bieu-mau.xlsx")) return "sổ định nghĩa biểu mẫu / form definition workbook";
  if (f.endsWith("mau-bao-cao")) return "mẫu báo cáo theo sổ định nghĩa / templates from the definition";
  if (f.endsWith(".json")) return "báo cáo JSON / JSON report";
  return "bảng tổng hợp / summary";
}

function writtenList(entries: [string, string][]): string {
  const rel = (p: string): string => relative(process.cwd(), p) || p;
  return entries.map(([path, what]) => `  ${rel(path).padEnd(44)} ${what}\n`).join("");
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
