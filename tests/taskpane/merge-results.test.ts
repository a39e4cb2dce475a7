/** The Merge tab's views of a consolidation (src/taskpane/merge-results.ts). */
import { isoToVi } from "../../src/validate/dates";
import {
  asSentence,
  chaseMessage,
  filesCsv,
  groupFiles,
  typographicQuotes,
  unitsToChase,
} from "../../src/taskpane/merge-results";
import { fakeConsolidation, verdict } from "./mock-services";

const files = [
  verdict("cao-xa-moi.xlsx", "accepted", {
    unit: "XA-CAO-XA",
    unitName: "Xã Cao Xá",
    reportDate: "2019-11-28",
  }),
  verdict("cao-xa-cu.xlsx", "superseded", { reportDate: "2019-11-20", supersededBy: "cao-xa-moi.xlsx" }),
  verdict("cao-xa-cu-hon.xlsx", "superseded", { reportDate: "2019-11-10", supersededBy: "cao-xa-moi.xlsx" }),
  verdict("viet-lap.xlsx", "accepted", { unit: "XA-VIET-LAP", unitName: "Xã Việt Lập", errors: 2 }),
  verdict("ngoc-van.xlsx", "accepted", {
    unit: "XA-NGOC-VAN",
    unitName: "Xã Ngọc Vân",
    reportDate: "2019-12-05",
  }),
  verdict('ghi "chu", 1.xls', "rejected"),
];
const units = {
  "XA-VIET-LAP": { errors: 2 },
  "XA-NGOC-VAN": { status: "late" as const, reportDate: "2019-12-05" },
};

describe("merge results", () => {
  it("names the units to chase, in registry order", () => {
    const c = fakeConsolidation(files, units);
    const chase = unitsToChase(c);
    expect(chase.missing).toHaveLength(39);
    expect(chase.missing.map((u) => u.code)).not.toContain("XA-CAO-XA");
    expect(chase.late.map((u) => u.name)).toEqual(["Xã Ngọc Vân"]);
    expect(chase.withErrors.map((u) => [u.name, u.errors])).toEqual([["Xã Việt Lập", 2]]);
  });

  it("groups the files by unit, the used one first and the others newest first; rejected apart", () => {
    const g = groupFiles(fakeConsolidation(files, units));
    expect(g.units.map((u) => u.unit.code).sort()).toEqual(["XA-CAO-XA", "XA-NGOC-VAN", "XA-VIET-LAP"]);
    const caoXa = g.units.find((u) => u.unit.code === "XA-CAO-XA");
    expect(caoXa?.used?.file).toBe("cao-xa-moi.xlsx");
    expect(caoXa?.others.map((f) => f.file)).toEqual(["cao-xa-cu.xlsx", "cao-xa-cu-hon.xlsx"]);
    expect(g.rejected.map((f) => f.file)).toEqual(['ghi "chu", 1.xls']);
  });

  it("writes a message for the units, in Vietnamese, naming each one", () => {
    const text = chaseMessage(fakeConsolidation(files, units), "2019-12-06");
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "UBND huyện Tân Yên thông báo tình hình nộp báo cáo kết quả thực hiện công tác bình đẳng giới năm 2019 (hạn nộp 01/12/2019), tính đến ngày 06/12/2019:"
    );
    expect(lines[1]).toMatch(/^- Chưa nộp \(39 đơn vị\): .*Xã Ngọc Thiện.*\.$/);
    expect(lines[2]).toBe("- Nộp muộn (1 đơn vị): Xã Ngọc Vân (ngày 05/12/2019).");
    expect(lines[3]).toBe("- Báo cáo còn lỗi, đề nghị kiểm tra và gửi lại (1 đơn vị): Xã Việt Lập (2 lỗi).");
    expect(lines[4]).toMatch(/^Đề nghị các đơn vị trên khẩn trương/);
  });

  it("says when every unit is in, on time and without errors", () => {
    const c = fakeConsolidation([]);
    for (const u of c.units) u.status = "submitted";
    expect(chaseMessage(c, "2019-11-30")).toContain("Tất cả các đơn vị đã nộp đúng hạn, không có lỗi.");
  });

  it("exports the files as CSV Excel opens with its Vietnamese letters", () => {
    const csv = filesCsv(fakeConsolidation(files, units), "vi");
    expect(csv.startsWith("\uFEFFTệp,Đơn vị,Kết quả,Lỗi,Cảnh báo,Lý do\r\n")).toBe(true);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(files.length + 1);
    expect(rows[1]).toBe("cao-xa-moi.xlsx,Xã Cao Xá,Được dùng,0,0,");
    expect(rows[6]).toBe('"ghi ""chu"", 1.xls",,Bị từ chối,0,0,Tệp .xls cũ: hãy lưu lại dạng .xlsx');
    expect(filesCsv(fakeConsolidation(files, units), "en").split("\r\n")[0]).toBe(
      "\uFEFFFile,Unit,Verdict,Errors,Warnings,Reason"
    );
  });

  it("shows dates and quotes the Vietnamese way", () => {
    expect(isoToVi("2019-12-01")).toBe("01/12/2019");
    expect(isoToVi("không rõ")).toBe("không rõ");
    expect(typographicQuotes('tệp "a.xlsx" và "b.xlsx"')).toBe("tệp “a.xlsx” và “b.xlsx”");
    expect(typographicQuotes('một dấu " lẻ')).toBe('một dấu " lẻ');
    expect(asSentence('Không dùng: trùng nội dung với tệp "a.xlsx"')).toBe(
      "Không dùng: trùng nội dung với tệp “a.xlsx”."
    );
    expect(asSentence("Đã xong.")).toBe("Đã xong.");
    expect(asSentence("Xem (Tệp > Lưu thành…)")).toBe("Xem (Tệp > Lưu thành…).");
  });
});
