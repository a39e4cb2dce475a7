/**
 * The data validations of the template's input cells: what Excel accepts in each (and the input
 * message it shows when the cell is selected). Texts are Vietnamese, within Excel's limits
 * (sheet-model.ts VALIDATION_LIMITS: longer ones make Excel refuse the file).
 */
import type { ResolvedField, ResolvedIndicator } from "../form/resolve";
import type { CellPart } from "../form/schema";
import { COLUMN_HEADERS } from "../workbook/contract";
import { clipValidationMessage, clipValidationTitle, type DataValidationModel } from "./sheet-model";

/** An input cell of a numeric indicator: whole numbers ≥ 0 for counts, ≥ 0 for amounts. */
export function numberValidation(ind: ResolvedIndicator, part: CellPart, range: string): DataValidationModel {
  const what =
    ind.kind === "tf"
      ? part === "female"
        ? (ind.femaleLabel?.vi ?? COLUMN_HEADERS.female.vi)
        : COLUMN_HEADERS.total.vi
      : "Số liệu";
  if (ind.kind === "amount") {
    return {
      range,
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: ["0"],
      allowBlank: true,
      prompt: {
        title: clipValidationTitle(`${ind.code}: ${ind.unit}`),
        message: clipValidationMessage(
          `Nhập số ≥ 0, đơn vị ${ind.unit}${ind.decimals !== undefined ? `, tối đa ${ind.decimals} chữ số thập phân` : ""}. Không có thì nhập 0.`
        ),
      },
      error: {
        title: "Số liệu không hợp lệ",
        message: `Chỉ được nhập số không âm (đơn vị ${ind.unit}).`,
        style: "stop",
      },
    };
  }
  const extra = part === "female" ? " Không được lớn hơn tổng số." : "";
  return {
    range,
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: ["0"],
    allowBlank: true,
    prompt: {
      title: clipValidationTitle(`${ind.code}: ${what}`),
      message: clipValidationMessage(`Nhập số nguyên ≥ 0 (${ind.unit}).${extra} Không có thì nhập 0.`),
    },
    error: {
      title: "Số liệu không hợp lệ",
      message: "Chỉ được nhập số nguyên không âm: 0, 1, 2, …",
      style: "stop",
    },
  };
}

/** A header field's cell (unit list, year, report date, phone, names); null when it has none. */
export function fieldValidation(
  f: ResolvedField,
  range: string,
  year: number,
  unitListName: string
): DataValidationModel | null {
  switch (f.key) {
    case "unit":
      return {
        range,
        type: "list",
        formulae: [unitListName],
        allowBlank: true,
        prompt: {
          title: "Đơn vị báo cáo",
          message: "Chọn tên đơn vị trong danh sách (bấm mũi tên bên phải ô).",
        },
        error: {
          title: "Đơn vị không có trong danh sách",
          message: "Hãy chọn đúng tên đơn vị trong danh sách thả xuống.",
          style: "stop",
        },
      };
    case "year":
      return {
        range,
        type: "whole",
        operator: "equal",
        formulae: [String(year)],
        allowBlank: true,
        prompt: { title: "Năm báo cáo", message: `Nhập ${year}.` },
        error: {
          title: "Năm không đúng",
          message: `Biểu mẫu này dùng cho năm ${year}: hãy nhập ${year}.`,
          style: "stop",
        },
      };
    case "reportDate":
      return {
        range,
        type: "date",
        operator: "between",
        formulae: [`${year}-01-01`, `${year + 1}-12-31`],
        allowBlank: true,
        prompt: { title: "Ngày báo cáo", message: `Nhập ngày dạng ngày/tháng/năm, ví dụ 30/11/${year}.` },
        error: {
          title: "Ngày không hợp lệ",
          message: `Nhập ngày dạng ngày/tháng/năm, từ 01/01/${year} đến 31/12/${year + 1}.`,
          style: "stop",
        },
      };
    case "phone":
      return {
        range,
        type: "textLength",
        operator: "between",
        formulae: ["6", "20"],
        allowBlank: true,
        prompt: { title: "Số điện thoại", message: "Chỉ gồm chữ số, dấu cách, dấu + và dấu chấm." },
        error: {
          title: "Số điện thoại không hợp lệ",
          message: "Số điện thoại dài từ 6 đến 20 ký tự.",
          style: "stop",
        },
      };
    case "preparer":
    case "head":
      return {
        range,
        type: "textLength",
        operator: "between",
        formulae: ["1", "100"],
        allowBlank: true,
        prompt: { title: f.label.vi, message: "Ghi rõ họ và tên." },
        error: { title: "Họ tên không hợp lệ", message: "Họ và tên dài tối đa 100 ký tự.", style: "stop" },
      };
  }
}

/** A narrative indicator's merged cell: text up to what a cell holds. */
export function narrativeValidation(ind: ResolvedIndicator, range: string): DataValidationModel {
  return {
    range,
    type: "textLength",
    operator: "lessThanOrEqual",
    formulae: ["32000"],
    allowBlank: true,
    prompt: {
      title: `${ind.code}. Nhận xét, đánh giá`,
      message: clipValidationMessage(`${ind.label.vi}: viết ngắn gọn, có thể xuống dòng bằng Alt+Enter.`),
    },
    error: {
      title: "Nội dung quá dài",
      message: "Mỗi ô chỉ chứa được tối đa 32.000 ký tự.",
      style: "stop",
    },
  };
}

/** An indicator row's note cell (Ghi chú): at most 255 characters. */
export function noteValidation(range: string): DataValidationModel {
  return {
    range,
    type: "textLength",
    operator: "lessThanOrEqual",
    formulae: ["255"],
    allowBlank: true,
    error: {
      title: "Ghi chú quá dài",
      message: "Ghi chú tối đa 255 ký tự; nội dung dài hãy ghi vào mục đánh giá chung.",
      style: "stop",
    },
  };
}

/**
 * The validation with every title and message cut to Excel's limits (a longer one makes Excel
 * refuse the file): labels and codes come from the form's definition, of any length.
 */
export function withinLimits(v: DataValidationModel): DataValidationModel {
  return {
    ...v,
    ...(v.prompt
      ? {
          prompt: {
            title: clipValidationTitle(v.prompt.title),
            message: clipValidationMessage(v.prompt.message),
          },
        }
      : {}),
    error: {
      ...v.error,
      title: clipValidationTitle(v.error.title),
      message: clipValidationMessage(v.error.message),
    },
  };
}
