/**
 * The active form, remembered across pane reloads and workbooks: in localStorage (the officer's
 * own browser or webview profile), not in a workbook — the pane is often opened in a new workbook
 * or in a returned file, and the form must follow the officer, not the document.
 *
 *   bdg-report.form.current       → {"id": "BDG-2026"} (absent, or {"id": null}: the built-in form)
 *   bdg-report.form.def:BDG-2026  → {"v": 1, "definition": {…}, "savedAt": "2026-…"}
 *
 * One entry per form id, so that switching between forms keeps each one. What is read back is
 * checked again (schema and names) before use: stored data that no longer parses falls back to
 * the built-in form, with a message saying so. No React here.
 */
import { builtInForm, resolveForm, type ResolvedForm } from "../form/resolve";
import { formSchema, type FormDefinition, type Text } from "../form/schema";

export const FORM_CURRENT_KEY = "bdg-report.form.current";
export const FORM_DEF_PREFIX = "bdg-report.form.def:";

/** Where the active form came from. */
export type FormOrigin = "builtIn" | "stored";

export interface FormLoad {
  form: ResolvedForm;
  origin: FormOrigin;
  /** Said to the officer once: the stored form could not be used, the built-in one is active. */
  notice: Text | null;
}

/** A form kept in storage, for the list of forms to switch between. */
export interface StoredFormInfo {
  id: string;
  version: string;
  year: number;
}

type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** localStorage when the page may use it (some hosts and private modes forbid it), else null. */
export function formStorage(): StorageLike | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function fallbackNotice(id: string): Text {
  const builtIn = builtInForm().id;
  const which = id ? { vi: `biểu mẫu ${id}`, en: `form ${id}` } : { vi: "biểu mẫu", en: "form" };
  return {
    vi: `Không đọc được ${which.vi} đã lưu trên máy này (dữ liệu hỏng hoặc của phiên bản cũ); đang dùng biểu mẫu có sẵn ${builtIn}. Hãy chọn lại biểu mẫu ở thẻ “Biểu mẫu”.`,
    en: `The ${which.en} saved on this computer cannot be read (damaged, or saved by an older version); the built-in form ${builtIn} is used. Choose the form again in the “Form” tab.`,
  };
}

/** A stored definition checked again: the schema, then the names (a clash throws in resolveForm). */
export function parseStoredForm(raw: string | null): ResolvedForm | null {
  if (raw === null) return null;
  try {
    const record = JSON.parse(raw) as { v?: unknown; definition?: unknown };
    if (record?.v !== 1) return null;
    const parsed = formSchema.safeParse(record.definition);
    return parsed.success ? resolveForm(parsed.data) : null;
  } catch {
    return null;
  }
}

/** The stored text of a key (a function of its own: Office's lint rules take `getItem` for Excel's). */
function itemText(storage: StorageLike, key: string): string | null {
  return storage.getItem(key);
}

/** The current form's id; null for the built-in form; "" when the pointer itself is damaged. */
function currentId(storage: StorageLike): string | null {
  const text = itemText(storage, FORM_CURRENT_KEY);
  if (text === null) return null;
  try {
    const pointer: unknown = JSON.parse(text);
    const id = pointer && typeof pointer === "object" ? (pointer as Record<string, unknown>).id : undefined;
    if (id === null) return null;
    return typeof id === "string" ? id : "";
  } catch {
    return "";
  }
}

/** The active form: the stored one the pointer names, else the built-in form. Never throws. */
export function loadActiveForm(storage: StorageLike | null = formStorage()): FormLoad {
  const builtIn: FormLoad = { form: builtInForm(), origin: "builtIn", notice: null };
  let id: string | null;
  try {
    id = storage ? currentId(storage) : null;
    if (id === null) return builtIn;
    const form = parseStoredForm(storage?.getItem(FORM_DEF_PREFIX + id) ?? null);
    if (form) return { form, origin: "stored", notice: null };
  } catch {
    return builtIn;
  }
  return { ...builtIn, notice: fallbackNotice(id) };
}

/**
 * Stores `def` under its id and makes it the current form. Returns false when the storage
 * refused (full, disabled): the form is then active for this session only.
 */
export function saveActiveForm(def: FormDefinition, storage: StorageLike | null = formStorage()): boolean {
  if (!storage) return false;
  try {
    const record = { v: 1, definition: def, savedAt: new Date().toISOString() };
    storage.setItem(FORM_DEF_PREFIX + def.id, JSON.stringify(record));
    storage.setItem(FORM_CURRENT_KEY, JSON.stringify({ id: def.id }));
    return true;
  } catch {
    return false;
  }
}

/** The built-in form becomes the current one again (stored forms are kept). */
export function chooseBuiltInForm(storage: StorageLike | null = formStorage()): void {
  try {
    storage?.setItem(FORM_CURRENT_KEY, JSON.stringify({ id: null }));
  } catch {
    // nothing to do: the built-in form is active for this session
  }
}

/** The stored forms that still read (for switching), by id. */
export function storedForms(storage: StorageLike | null = formStorage()): StoredFormInfo[] {
  if (!storage) return [];
  const out: StoredFormInfo[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (!k?.startsWith(FORM_DEF_PREFIX)) continue;
      const form = parseStoredForm(storage.getItem(k));
      if (form) out.push({ id: form.id, version: form.version, year: form.definition.year });
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The stored form of this id, checked again; null when absent or no longer readable. */
export function storedForm(id: string, storage: StorageLike | null = formStorage()): ResolvedForm | null {
  try {
    return parseStoredForm(storage?.getItem(FORM_DEF_PREFIX + id) ?? null);
  } catch {
    return null;
  }
}
