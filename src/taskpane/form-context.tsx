/**
 * The active form for the whole pane: loaded once from storage (active-form.ts), changed by the
 * Form tab, read by the form line of every tab and by whoever makes the services (App.tsx, the
 * browser mode). `generation` increases on every change, so that the tabs holding work for the
 * previous form (a merge in progress, a check result) start afresh.
 */
import * as React from "react";
import { builtInForm, resolveForm, type ResolvedForm } from "../form/resolve";
import type { FormDefinition, Text } from "../form/schema";
import {
  chooseBuiltInForm,
  formStorage,
  loadActiveForm,
  saveActiveForm,
  storedForm,
  storedForms,
  type FormLoad,
  type FormOrigin,
  type StoredFormInfo,
} from "./active-form";

type StorageLike = ReturnType<typeof formStorage>;

export interface ActiveForm {
  form: ResolvedForm;
  origin: FormOrigin;
  /** Increases whenever the active form changes. */
  generation: number;
  /** Said once at start: the stored form could not be read, the built-in one is used. */
  notice: Text | null;
  dismissNotice(): void;
  /** The forms kept on this computer, to switch between. */
  stored: StoredFormInfo[];
  /**
   * Makes `def` (already checked) the active form and remembers it; returns false when it could
   * not be remembered (storage off or full: active for this session only).
   */
  activate(def: FormDefinition): boolean;
  activateBuiltIn(): void;
  /** A stored form by id; false when it no longer reads (it is left as it is). */
  activateStored(id: string): boolean;
}

const FormContext = React.createContext<ActiveForm | null>(null);

export function FormProvider({
  children,
  initial,
  storage = formStorage(),
}: {
  children: React.ReactNode;
  initial?: FormLoad;
  storage?: StorageLike;
}) {
  const [state, setState] = React.useState(() => {
    const load = initial ?? loadActiveForm(storage);
    return { form: load.form, origin: load.origin, notice: load.notice, generation: 0 };
  });
  const [stored, setStored] = React.useState<StoredFormInfo[]>(() => storedForms(storage));

  const value = React.useMemo<ActiveForm>(() => {
    const change = (form: ResolvedForm, origin: FormOrigin): void =>
      setState((s) => ({ form, origin, notice: null, generation: s.generation + 1 }));
    return {
      ...state,
      stored,
      dismissNotice: () => setState((s) => ({ ...s, notice: null })),
      activate(def) {
        const form = resolveForm(def);
        const saved = saveActiveForm(def, storage);
        change(form, "stored");
        setStored(storedForms(storage));
        return saved;
      },
      activateBuiltIn() {
        chooseBuiltInForm(storage);
        change(builtInForm(), "builtIn");
      },
      activateStored(id) {
        const form = storedForm(id, storage);
        if (!form) return false;
        saveActiveForm(form.definition, storage);
        change(form, "stored");
        return true;
      },
    };
  }, [state, stored, storage]);
  return <FormContext.Provider value={value}>{children}</FormContext.Provider>;
}

export function useActiveForm(): ActiveForm {
  const v = React.useContext(FormContext);
  if (!v) throw new Error("FormProvider missing");
  return v;
}
