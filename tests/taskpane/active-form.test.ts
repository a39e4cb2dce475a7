/**
 * The active form in storage (src/taskpane/active-form.ts): saved by id with a "current" pointer,
 * read back checked again, and the built-in form with a message when what is stored no longer
 * reads. A Map stands for localStorage.
 */
import { copyForYear } from "../../src/definition/copy-year";
import { builtInForm } from "../../src/form/resolve";
import {
  FORM_CURRENT_KEY,
  FORM_DEF_PREFIX,
  chooseBuiltInForm,
  loadActiveForm,
  saveActiveForm,
  storedForm,
  storedForms,
} from "../../src/taskpane/active-form";

/** A Storage over a Map; `full` makes every write fail as a full or disabled storage does. */
function memoryStorage(full = false) {
  const m = new Map<string, string>();
  return {
    map: m,
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException("full", "QuotaExceededError");
      m.set(k, v);
    },
    removeItem: (k: string) => void m.delete(k),
  };
}

const bdg = builtInForm();
const def2026 = copyForYear(bdg.definition, 2026);

describe("the active form in storage", () => {
  it("is the built-in form when nothing is stored, or without storage", () => {
    expect(loadActiveForm(memoryStorage())).toEqual({ form: bdg, origin: "builtIn", notice: null });
    expect(loadActiveForm(null)).toEqual({ form: bdg, origin: "builtIn", notice: null });
  });

  it("saves a form under its id, makes it current, and reads it back checked", () => {
    const s = memoryStorage();
    expect(saveActiveForm(def2026, s)).toBe(true);
    expect(JSON.parse(s.getItem(FORM_CURRENT_KEY) ?? "")).toEqual({ id: "BDG-2026" });
    const load = loadActiveForm(s);
    expect(load.origin).toBe("stored");
    expect(load.notice).toBeNull();
    expect(load.form.id).toBe("BDG-2026");
    expect(load.form.definition).toStrictEqual(def2026);
    expect(load.form.definition.deadline).toBe("2026-12-01");
  });

  it("keeps every form by id, lists those that read, and switches back to the built-in one", () => {
    const s = memoryStorage();
    saveActiveForm(def2026, s);
    saveActiveForm(copyForYear(bdg.definition, 2027), s);
    s.setItem(`${FORM_DEF_PREFIX}BROKEN`, "{not json");
    expect(storedForms(s)).toEqual([
      { id: "BDG-2026", version: "1", year: 2026 },
      { id: "BDG-2027", version: "1", year: 2027 },
    ]);
    expect(loadActiveForm(s).form.id).toBe("BDG-2027");
    expect(storedForm("BDG-2026", s)?.definition.year).toBe(2026);
    chooseBuiltInForm(s);
    expect(loadActiveForm(s)).toEqual({ form: bdg, origin: "builtIn", notice: null });
    expect(storedForms(s)).toHaveLength(2);
  });

  it.each([
    ["damaged JSON", '{"v":1,"definition":'],
    ["another record version", JSON.stringify({ v: 2, definition: def2026 })],
    ["a definition the schema refuses", JSON.stringify({ v: 1, definition: { ...def2026, year: "2026" } })],
    [
      "two indicators of one code",
      JSON.stringify({
        v: 1,
        definition: { ...def2026, indicators: [...def2026.indicators, def2026.indicators[0]] },
      }),
    ],
  ])("falls back to the built-in form with a message when the stored form is %s", (_what, raw) => {
    const s = memoryStorage();
    saveActiveForm(def2026, s);
    s.setItem(`${FORM_DEF_PREFIX}BDG-2026`, raw);
    const load = loadActiveForm(s);
    expect(load.form).toBe(bdg);
    expect(load.origin).toBe("builtIn");
    expect(load.notice?.vi).toContain("Không đọc được biểu mẫu BDG-2026");
    expect(load.notice?.vi).toContain("BDG-2019");
    expect(load.notice?.en).toContain("BDG-2019");
  });

  it("falls back with a message when the pointer is damaged or names a form no longer stored", () => {
    const s = memoryStorage();
    s.setItem(FORM_CURRENT_KEY, "BDG");
    expect(loadActiveForm(s).notice?.vi).toMatch(/^Không đọc được biểu mẫu đã lưu/);
    s.setItem(FORM_CURRENT_KEY, JSON.stringify({ id: "XA-2026" }));
    expect(loadActiveForm(s).notice?.vi).toContain("XA-2026");
  });

  it("says false when the storage refuses the write (full or disabled), and never throws", () => {
    expect(saveActiveForm(def2026, memoryStorage(true))).toBe(false);
    expect(saveActiveForm(def2026, null)).toBe(false);
    expect(() => chooseBuiltInForm(memoryStorage(true))).not.toThrow();
    const throwing = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadActiveForm(throwing).form).toBe(bdg);
  });
});
