import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { copyForYear } from "../definition/copy-year";
import { definitionModel } from "../definition/write";
import { loadForm, type ResolvedForm } from "../form/resolve";
import { writeWorkbook } from "../xlsx/write-workbook";
import { FORM_OPTION_HELP, formFrom } from "./form-option";
import { formToJson } from "./form-json";
import type { CliIo, Command } from "./io";
import { refusalText, safeJson, terminalLines } from "./terminal";
import { writeOutputs } from "./write-output";

const KIND_VI: Record<string, string> = {
  count: "số đếm",
  amount: "số tiền",
  tf: "tổng|nữ",
  text: "văn bản",
  computed: "tính toán",
};

export const formCommand: Command = {
  name: "form",
  summary: "In biểu mẫu: chỉ tiêu, quy tắc, đơn vị, tên ô / print the form",
  help: `Cách dùng / usage: bdg-report form [--json] [--form TỆP.xlsx] [--out ĐỊNH-NGHĨA.xlsx [--force]] [--year NĂM]

In biểu mẫu (mặc định BDG-2019): các trường thông tin chung, chỉ tiêu, tên của từng ô nhập
liệu, quy tắc kiểm tra và danh sách đơn vị báo cáo.
Prints the resolved form: header fields, indicators with every input cell's defined name,
rules and the unit registry.

  --json          JSON cho chương trình khác đọc / machine-readable JSON
  --out TỆP.xlsx  ghi biểu mẫu thành sổ định nghĩa để cán bộ sửa trong Excel
                  / write the form as a definition workbook an officer edits in Excel
  --year NĂM      sao chép biểu mẫu cho năm khác (năm, hạn gửi, ngày trong tên) / copy the form for another year
  --force         ghi đè tệp đã có / overwrite an existing file
${FORM_OPTION_HELP}
  --help          trợ giúp này / this help`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        json: { type: "boolean" },
        form: { type: "string" },
        out: { type: "string", short: "o" },
        year: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const fail = (t: { vi: string; en: string }): number => {
      io.stderr.write(refusalText(t.vi, t.en));
      return 2;
    };
    const chosen = formFrom(values.form);
    if (!chosen.ok) return fail(chosen.message);
    let form = chosen.form;
    if (values.year !== undefined) {
      const year = Number(values.year);
      if (!/^\d{4}$/.test(values.year))
        return fail({ vi: `năm "${values.year}" phải có 4 chữ số`, en: "--year must have 4 digits" });
      form = loadForm(copyForYear(form.definition, year));
    }
    if (values.out) return writeDefinition(form, values.out, !!values.force, io);
    if (values.json) {
      io.stdout.write(`${safeJson(formToJson(form))}\n`);
      return 0;
    }
    const d = form.definition;
    const lines: string[] = [];
    lines.push(`${d.title.vi} (${d.id} v${d.version})`);
    lines.push(
      `Đơn vị tổng hợp / collector: ${d.collector.name} [${d.collector.code}] — hạn / deadline: ${d.deadline}`
    );
    lines.push("", "Thông tin chung / header fields:");
    for (const f of form.fields) lines.push(`  ${pad(f.name, 26)} ${f.label.vi}${f.required ? " *" : ""}`);
    for (const s of d.sections) {
      lines.push("", `${s.code}. ${s.title.vi}`);
      for (const i of form.indicators.filter((x) => x.section === s.code)) {
        lines.push(
          `  ${pad(i.code, 7)} ${pad(KIND_VI[i.kind], 9)} ${pad(i.unit, 11)} ${truncate(i.label.vi, 70)}`
        );
        lines.push(`          ${i.cells.map((c) => c.name).join("  ")}`);
      }
    }
    lines.push("", "Giá trị tính toán / computed:");
    for (const c of d.computed)
      lines.push(`  ${pad(c.id, 10)} ${c.label.vi} (${c.formula.op} ${c.formula.of})`);
    lines.push("", `Quy tắc / rules (${d.rules.length}):`);
    for (const r of d.rules)
      lines.push(
        `  ${pad(r.severity === "error" ? "LỖI" : "CẢNH BÁO", 9)} ${pad(r.id, 28)} ${r.description.vi}`
      );
    lines.push("", `Đơn vị báo cáo / units (${d.units.length}):`);
    for (const u of d.units) lines.push(`  ${pad(u.code, 16)} ${pad(u.group, 24)} ${u.name}`);
    io.stdout.write(terminalLines(lines)); // names and labels come from a definition: escaped
    return 0;
  },
};

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** `form --out DEF.xlsx`: the form as a definition workbook (never over an existing file without --force). */
async function writeDefinition(form: ResolvedForm, out: string, force: boolean, io: CliIo): Promise<number> {
  if (existsSync(out) && !force) {
    io.stderr.write(
      refusalText(`tệp "${out}" đã có: dùng --force để ghi đè`, `"${out}" exists: use --force to overwrite`)
    );
    return 2;
  }
  const bytes = await writeWorkbook(definitionModel(form.definition));
  const failed = writeOutputs([{ path: out, data: bytes }]);
  if (failed) {
    io.stderr.write(refusalText(failed.vi, failed.en));
    return 2;
  }
  io.stdout.write(
    `Đã ghi sổ định nghĩa biểu mẫu ${form.id} / definition workbook written: ${out}\n` +
      `Sửa trong Excel rồi dùng: bdg-report template --form ${out} … / edit it in Excel, then use --form\n`
  );
  return 0;
}
