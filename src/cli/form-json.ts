/** The resolved form as the JSON other tools read (`form --json`). */
import type { ResolvedForm } from "../form/resolve";

export function formToJson(form: ResolvedForm): unknown {
  const d = form.definition;
  return {
    id: d.id,
    version: d.version,
    title: d.title.vi,
    titleEn: d.title.en,
    year: d.year,
    deadline: d.deadline,
    collector: { code: d.collector.code, name: d.collector.name },
    units: d.units.map((u) => ({ code: u.code, name: u.name, group: u.group })),
    fields: form.fields.map((f) => ({
      key: f.key,
      name: f.name,
      required: f.required,
      label: f.label.vi,
      labelEn: f.label.en,
    })),
    sections: d.sections.map((s) => ({ code: s.code, title: s.title.vi, titleEn: s.title.en })),
    indicators: form.indicators.map((i) => ({
      code: i.code,
      section: i.section,
      label: i.label.vi,
      labelEn: i.label.en,
      unit: i.unit,
      kind: i.kind,
      cells: i.cells.map((c) => ({ part: c.part, name: c.name })),
    })),
    computed: d.computed.map((c) => ({
      id: c.id,
      label: c.label.vi,
      labelEn: c.label.en,
      unit: c.unit,
      kind: "computed",
      formula: c.formula,
    })),
    rules: d.rules.map((r) => ({
      id: r.id,
      type: r.type,
      severity: r.severity,
      description: r.description.vi,
      descriptionEn: r.description.en,
    })),
  };
}
