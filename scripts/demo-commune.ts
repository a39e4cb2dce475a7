/**
 * The demo's second scenario (`npm run demo`, after the first): a collection built ONLY from a
 * definition workbook. The commune's 2026 form (scripts/demo-commune-2026.ts: BDG copied to 2026,
 * one added indicator, one written compare rule, a fictional registry of villages and agencies
 * in two groups) is written to demo/out/xa-2026/dinh-nghia-bieu-mau.xlsx; from there on
 * everything goes through that file and the command line's `--form`:
 *   templates (template --form … --all-units), realistic returns (one breaking the written rule,
 *   one late, one missing), validate --form on the one that breaks it, merge --form into
 *   demo/out/xa-2026/tong-hop.xlsx with the status table.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { definitionModel } from "../src/definition/write";
import { loadForm, type ResolvedForm } from "../src/form/resolve";
import { readDefinitionFile } from "../src/xlsx/definition-file";
import { templateFileName } from "../src/xlsx/write-template";
import { writeWorkbook } from "../src/xlsx/write-workbook";
import { writeFilledTemplate } from "../tests/helpers/sample-returns";
import { communeDefinition2026, communeReturnValues, WRITTEN_EXPRESSION } from "./demo-commune-2026";

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const io = { stdout: process.stdout, stderr: process.stderr };

/** The form as the command line sees it: read back from the definition workbook. */
function formFromWorkbook(path: string): ResolvedForm {
  const read = readDefinitionFile(readFileSync(path));
  if (!read.ok) throw new Error(read.message.en);
  return loadForm(read.definition);
}

/** The returns: most units on time, Thôn Tây breaks the written rule, Đoàn Thanh niên is late, Thôn Bắc sends nothing. */
async function writeReturns(form: ResolvedForm, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let i = 0;
  for (const unit of form.units) {
    if (unit.code === "THON-BAC") continue;
    i++;
    const values = communeReturnValues(form, {
      unit,
      seed: 2026 + i,
      date: unit.code === "DOAN-TN" ? "2026-12-03" : `2026-11-${String(16 + i).padStart(2, "0")}`,
      textNumbers: unit.code === "THON-NAM",
      breakWrittenRule: unit.code === "THON-TAY",
    });
    const file = join(dir, templateFileName(form, unit).replace(/^BDG-2026_/, "BaoCao_"));
    writeFileSync(file, await writeFilledTemplate(form, unit, values, new Date(Date.UTC(2026, 10, 1))));
    files.push(file);
  }
  return files;
}

/** Runs the scenario into root/xa-2026; returns the merge's exit code and the files written. */
export async function runCommuneDemo(root: string): Promise<{ code: number; written: string[] }> {
  const dir = join(root, "xa-2026");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const def = join(dir, "dinh-nghia-bieu-mau.xlsx");
  writeFileSync(def, await writeWorkbook(definitionModel(communeDefinition2026())));
  say(`\n=== Kịch bản 2: xã Hòa Bình (giả định) tổng hợp năm 2026 từ sổ định nghĩa biểu mẫu ===`);
  say(`4. Sổ định nghĩa biểu mẫu: ${def}`);
  say(`   (BDG sao chép cho năm 2026, thêm chỉ tiêu II.7, quy tắc tự viết  ${WRITTEN_EXPRESSION};`);
  say(`    đơn vị: 5 thôn và 4 cơ quan, đoàn thể — hai nhóm)`);

  const templates = join(dir, "mau-bao-cao");
  say(`5. bdg-report template --form ${def} --all-units ${templates}`);
  const made = await main(["template", "--form", def, "--all-units", templates], io);
  if (made !== 0) return { code: made, written: [def] };

  const form = formFromWorkbook(def);
  const returns = join(dir, "bao-cao-nhan");
  const files = await writeReturns(form, returns);
  say(`6. Đã tạo ${files.length} báo cáo nhận về: ${returns}`);
  say(
    `   (Thôn Tây vi phạm quy tắc tự viết; Đoàn Thanh niên nộp muộn; Thôn Nam nhập số dạng văn bản; Thôn Bắc chưa nộp)`
  );
  const broken = files.find((f) => /Thon-Tay/.test(f)) as string;
  say(`7. bdg-report validate --form … ${broken}`);
  await main(["validate", "--form", def, broken], io);

  const out = join(dir, "tong-hop.xlsx");
  const json = join(dir, "tong-hop.json");
  say(`\n8. bdg-report merge --form … ${returns} --out ${out}\n`);
  const code = await main(
    ["merge", returns, "--form", def, "--out", out, "--json", json, "--date", "2026-12-10"],
    io
  );
  return { code, written: [def, templates, ...files, out, json] };
}
