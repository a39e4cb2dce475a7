import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FORM_OPTION_HELP, formFrom } from "./form-option";
import { matchUnit, stripDiacritics } from "../form/unit-match";
import type { Unit } from "../form/schema";
import { writeAllUnitTemplates, writeTemplate } from "../xlsx/write-template";
import type { Command } from "./io";
import { refusalText } from "./terminal";
import { checkWritable, writeOutputs } from "./write-output";

export const templateCommand: Command = {
  name: "template",
  summary: "Tạo mẫu báo cáo tự kiểm tra (.xlsx) / make the self-validating template",
  help: `Cách dùng / usage:
  bdg-report template --out TỆP.xlsx [--unit MÃ] [--password MK] [--force]
  bdg-report template --all-units THƯ_MỤC [--password MK] [--force]

Tạo mẫu báo cáo BDG-2019 dạng Excel: có kiểm tra dữ liệu trong từng ô, cột "Kiểm tra" tự báo
lỗi, nhãn bị khóa, ô nhập liệu mở khóa, tên ô (defined names) và trang thông tin ẩn.
Makes the BDG-2019 template workbook: native validation, a check column, locked labels,
unlocked inputs, defined names and a hidden metadata sheet.

  --out TỆP          ghi một tệp mẫu / write one template file
  --unit MÃ          điền sẵn và khóa ô đơn vị (mã trong "bdg-report form") / pre-fill the unit
  --all-units DIR    một tệp cho mỗi đơn vị, tên tệp theo tên đơn vị / one file per unit
  --password MK      mật khẩu bảo vệ trang tính (mặc định: không) / sheet protection password
  --force            ghi đè tệp đã có / overwrite existing files
${FORM_OPTION_HELP}
  --help             trợ giúp này / this help`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        out: { type: "string", short: "o" },
        unit: { type: "string", short: "u" },
        "all-units": { type: "string" },
        password: { type: "string" },
        force: { type: "boolean" },
        form: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const fail = (vi: string, en: string): number => {
      io.stderr.write(refusalText(vi, en));
      return 2;
    };
    const chosen = formFrom(values.form);
    if (!chosen.ok) return fail(chosen.message.vi, chosen.message.en);
    const form = chosen.form;
    const password = values.password || undefined;
    const allUnits = values["all-units"];
    if (!values.out && !allUnits)
      return fail(
        "cần --out TỆP.xlsx hoặc --all-units THƯ_MỤC (xem --help)",
        "give --out FILE.xlsx or --all-units DIR (see --help)"
      );
    if (values.out && allUnits)
      return fail("chỉ dùng một trong --out và --all-units", "use either --out or --all-units, not both");
    if (allUnits && values.unit)
      return fail("--unit không dùng cùng --all-units", "--unit cannot be combined with --all-units");

    if (values.out) {
      const out = resolve(values.out);
      if (!/\.xlsx$/i.test(out))
        return fail(
          `tệp ra phải có đuôi .xlsx: ${values.out}`,
          `the output file must end in .xlsx: ${values.out}`
        );
      let unit: Unit | undefined;
      if (values.unit !== undefined) {
        unit = form.units.find((u) => u.code.toUpperCase() === values.unit?.trim().toUpperCase());
        if (!unit) {
          const near = closeUnits(form.units, values.unit);
          const list = near.length
            ? near.map((u) => `  ${u.code.padEnd(16)} ${u.name}`).join("\n")
            : form.units.map((u) => `  ${u.code.padEnd(16)} ${u.name}`).join("\n");
          io.stderr.write(
            `Lỗi: không có đơn vị mã "${values.unit}".\nError: unknown unit code "${values.unit}".\n${near.length ? "Có phải / did you mean:" : "Các mã đơn vị / unit codes:"}\n${list}\n`
          );
          return 2;
        }
      }
      if (existsSync(out) && !values.force)
        return fail(
          `tệp đã có: ${out} (dùng --force để ghi đè)`,
          `file exists: ${out} (use --force to overwrite)`
        );
      const cannot = checkWritable([out]);
      if (cannot) return fail(cannot.vi, cannot.en);
      const t0 = performance.now();
      const bytes = await writeTemplate(form, { unitCode: unit?.code, password });
      const notWritten = writeOutputs([{ path: out, data: bytes }]);
      if (notWritten) return fail(notWritten.vi, notWritten.en);
      io.stdout.write(
        `Đã tạo / written: ${out}${unit ? ` (${unit.name})` : ""} — ${bytes.length} byte, ${Math.round(performance.now() - t0)} ms\n`
      );
      return 0;
    }

    const dir = resolve(allUnits as string);
    if (existsSync(dir) && !statSync(dir).isDirectory())
      return fail(`không phải thư mục: ${dir}`, `not a directory: ${dir}`);
    // Told before the 42 workbooks are made: the folder can hold files.
    const cannot = checkWritable([join(dir, "template.xlsx")]);
    if (cannot) return fail(cannot.vi, cannot.en);
    const t0 = performance.now();
    const files = await writeAllUnitTemplates(form, { password });
    const ms = performance.now() - t0;
    const clash = files.map((f) => join(dir, f.fileName)).filter((p) => existsSync(p));
    if (clash.length && !values.force) {
      return fail(
        `${clash.length} tệp đã có trong ${dir}, không ghi gì (dùng --force để ghi đè):\n  ${clash.join("\n  ")}`,
        `${clash.length} file(s) already exist in ${dir}; nothing written (use --force to overwrite)`
      );
    }
    const notWritten = writeOutputs(files.map((f) => ({ path: join(dir, f.fileName), data: f.bytes })));
    if (notWritten) return fail(notWritten.vi, notWritten.en);
    for (const f of files) io.stdout.write(`  ${f.fileName.padEnd(50)} ${f.unit.code}\n`);
    io.stdout.write(
      `Đã tạo ${files.length} tệp trong / wrote ${files.length} files to ${dir} — ${Math.round(ms)} ms\n`
    );
    return 0;
  },
};

/** Units whose code or name is close to what was typed. */
export function closeUnits(units: readonly Unit[], typed: string): Unit[] {
  const t = stripDiacritics(typed)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const m = matchUnit(units, typed);
  const byName = m.type === "match" ? [m.unit] : m.type === "ambiguous" ? m.candidates : [];
  const scored = units
    .map((u) => {
      const plainName = stripDiacritics(u.name)
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, "-");
      const d = Math.min(
        distance(u.code, t),
        t.length >= 3 && (u.code.includes(t) || plainName.includes(t)) ? 1 : 99
      );
      return { u, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(t.length / 4)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.u);
  return [...new Set([...byName, ...scored])].slice(0, 8);
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
