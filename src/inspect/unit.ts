/**
 * Whose report this is — decided once, here, for validate, merge and the add-in.
 *
 * Two witnesses: the unit the officer typed on the sheet, and the unit the template was issued to
 * (the metadata sheet of a pre-filled template). The typed unit wins when it matches the registry:
 * a neighbour's template retyped for another unit is that other unit's report (a note says so).
 * A typed name that matches nothing is an error, never silently resolved for the template's unit:
 * the report is counted for the template's unit only with that error on it, and without a
 * template unit it has no unit at all (the merge refuses it, suggesting the closest names).
 */
import type { ResolvedForm } from "../form/resolve";
import type { Issue } from "../validate/issue";
import type { ReportHeader } from "../validate/engine";
import { shown } from "../validate/stored-values";
import type { UnitMatcher } from "../form/unit-match";
import type { Text, Unit } from "../form/schema";
import type { UnitIdentity } from "./types";

export const RULE_UNIT_OVERRIDES_TEMPLATE = "unit.typed-over-template";
export const RULE_TEMPLATE_UNIT_UNKNOWN = "unit.template-unit-unknown";

const names = (units: readonly Unit[]): string => units.map((u) => u.name).join(" hay ");
const namesEn = (units: readonly Unit[]): string => units.map((u) => u.name).join(" / ");

function suggestion(matcher: UnitMatcher, typed: string): Text {
  const close = matcher.suggest(typed);
  if (!close.length) return { vi: "", en: "" };
  return { vi: ` (có phải ${names(close)}?)`, en: ` (did you mean ${namesEn(close)}?)` };
}

export function unknownUnitText(matcher: UnitMatcher, typed: string): Text {
  const s = suggestion(matcher, typed);
  return {
    vi: `Đơn vị "${shown(typed)}" không có trong danh sách đơn vị báo cáo${s.vi}: hãy chọn đúng tên trong danh sách.`,
    en: `Unit "${shown(typed)}" is not in the registry${s.en}: pick it from the list.`,
  };
}

function ambiguousText(typed: string, candidates: readonly Unit[]): Text {
  return {
    vi: `Đơn vị "${shown(typed)}" không rõ là ${names(candidates)}: hãy chọn đúng tên trong danh sách.`,
    en: `Unit "${shown(typed)}" is ambiguous (${namesEn(candidates)}): pick it from the list.`,
  };
}

interface Found {
  identity: UnitIdentity;
  issues: Issue[];
}

function issue(form: ResolvedForm, severity: Issue["severity"], rule: string, message: Text): Issue {
  return {
    severity,
    rule,
    indicator: null,
    field: "unit",
    cell: form.fieldByKey.get("unit")?.name ?? null,
    message,
  };
}

/** The header rule's id in this form (unit problems are header problems). */
function headerRule(form: ResolvedForm): string {
  return form.definition.rules.find((r) => r.type === "header")?.id ?? "header";
}

export function identifyUnit(
  form: ResolvedForm,
  matcher: UnitMatcher,
  header: ReportHeader,
  metaUnitCode: string | null
): Found {
  const metaCode = metaUnitCode?.trim() || null;
  const template = metaCode ? (matcher.byUnitCode(metaCode) ?? null) : null;
  const typed = header.unitText;
  const m = header.unitMatch;
  const issues: Issue[] = [];
  const unknownTemplate = (): void => {
    if (metaCode && !template)
      issues.push(
        issue(form, "warning", RULE_TEMPLATE_UNIT_UNKNOWN, {
          vi: `Mẫu được phát cho đơn vị mã "${metaCode}" không có trong danh sách đơn vị hiện dùng: đơn vị được xác định theo ô đơn vị`,
          en: `The template was issued to unit code "${metaCode}", which is not in the registry in use: the unit cell decides`,
        })
      );
  };
  if (m.type === "match") {
    unknownTemplate();
    if (template && template.code !== m.unit.code)
      issues.push(
        issue(form, "warning", RULE_UNIT_OVERRIDES_TEMPLATE, {
          vi: `Ô đơn vị ghi "${shown(typed ?? "")}" nhưng mẫu được phát cho ${template.name}: báo cáo được tính cho ${m.unit.name} theo ô đơn vị; nếu sai, hãy sửa ô đơn vị`,
          en: `The unit cell says "${shown(typed ?? "")}" but the template was issued to ${template.name}: the report counts for ${m.unit.name}, as the unit cell says; if that is wrong, correct the unit cell`,
        })
      );
    return { identity: { unit: m.unit, source: "cell", problem: null }, issues };
  }
  if (m.type === "ambiguous" && template && m.candidates.some((u) => u.code === template.code))
    return { identity: { unit: template, source: "meta", problem: null }, issues };
  if (m.type === "none" && !typed) {
    // Blank unit cell: the engine reports the required field; the template's unit, if any, decides.
    unknownTemplate();
    if (template) return { identity: { unit: template, source: "meta", problem: null }, issues };
    return {
      identity: {
        unit: null,
        source: null,
        problem: { reason: "unknownUnit", message: noUnitText(metaCode) },
      },
      issues,
    };
  }
  const text =
    m.type === "ambiguous" ? ambiguousText(typed ?? "", m.candidates) : unknownUnitText(matcher, typed ?? "");
  if (template) {
    issues.push(
      issue(form, "error", headerRule(form), {
        vi: `${text.vi.replace(/: hãy chọn.*$/, "")}; mẫu được phát cho ${template.name} nên báo cáo tạm tính cho ${template.name}: hãy sửa ô đơn vị`,
        en: `${text.en.replace(/: pick it.*$/, "")}; the template was issued to ${template.name}, so the report counts for ${template.name} for now: correct the unit cell`,
      })
    );
    return { identity: { unit: template, source: "meta", problem: null }, issues };
  }
  unknownTemplate();
  issues.push(issue(form, "error", headerRule(form), text));
  const reason = m.type === "ambiguous" ? ("ambiguousUnit" as const) : ("unknownUnit" as const);
  return { identity: { unit: null, source: null, problem: { reason, message: text } }, issues };
}

function noUnitText(metaCode: string | null): Text {
  return metaCode
    ? {
        vi: `Không xác định được đơn vị báo cáo: ô đơn vị để trống và mã đơn vị "${metaCode}" của mẫu không có trong danh sách. Hãy chọn tên đơn vị trong danh sách rồi gửi lại.`,
        en: `The reporting unit cannot be told: the unit cell is blank and the template's unit code "${metaCode}" is not in the registry. Pick the unit from the list and send it again.`,
      }
    : {
        vi: "Không xác định được đơn vị báo cáo: ô đơn vị để trống và mẫu không ghi sẵn đơn vị. Hãy chọn tên đơn vị trong danh sách rồi gửi lại.",
        en: "The reporting unit cannot be told: the unit cell is blank and the template names no unit. Pick the unit from the list and send it again.",
      };
}
