import { parseArgs } from "node:util";
import { builtInForm } from "../form/resolve";
import { formToJson } from "./form-json";
import type { Command } from "./io";

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
  help: `Cách dùng / usage: bdg-report form [--json]

In biểu mẫu BDG-2019: các trường thông tin chung, chỉ tiêu, tên của từng ô nhập liệu,
quy tắc kiểm tra và danh sách đơn vị báo cáo.
Prints the resolved form: header fields, indicators with every input cell's defined name,
rules and the unit registry.

  --json   JSON cho chương trình khác đọc / machine-readable JSON
  --help   trợ giúp này / this help`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const form = builtInForm();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(formToJson(form), null, 2)}\n`);
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
    io.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  },
};

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
