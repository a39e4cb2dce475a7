/** Shared set-up for the Office.js edge tests: a fake host holding the applied template. */
import { builtInForm } from "../../src/form/resolve";
import { templatePositions, templateModel } from "../../src/layout/template";
import { applyModel } from "../../src/excel/apply-model";
import { OwnWrites, type Timers } from "../../src/excel/own-writes";
import { createFakeExcel, type FakeExcelOptions, type Scalar } from "./fake-excel";

export const form = builtInForm();
export const positions = templatePositions(form);
export const REPORT = positions.sheet;

/** Deterministic timers for debounce tests (no real time involved). */
export class ManualTimers implements Timers {
  now = 0;
  private seq = 0;
  private queue: { at: number; id: number; fn: () => void }[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.queue.push({ at: this.now + ms, id, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = end;
  }
  get pending(): number {
    return this.queue.length;
  }
}

/** A fake workbook with the template applied through the add-in; events delivered by hand. */
export async function templateWorkbook(options: FakeExcelOptions = {}) {
  const h = createFakeExcel({ schedule: () => undefined, ...options });
  h.fake.addSheet("Sheet1");
  const timers = new ManualTimers();
  const own = new OwnWrites(timers, 400);
  await applyModel(h.host, templateModel(form), { ownWrites: own });
  timers.advance(1000);
  h.fake.pendingEvents.length = 0;
  return { h, fake: h.fake, timers, own };
}

/** Cell (A1, no sheet) of a defined name in the template. */
export function at(name: string): string {
  const a = positions.cells[name];
  if (!a) throw new Error(`no cell for ${name}`);
  return a;
}

export function fill(
  fake: ReturnType<typeof createFakeExcel>["fake"],
  values: Record<string, Scalar | null>,
  sheet = REPORT
): void {
  for (const [name, v] of Object.entries(values)) fake.setValues(sheet, currentAddress(fake, name), [[v]]);
}

/** Where a name points now (after renames / inserted rows). */
export function currentAddress(fake: ReturnType<typeof createFakeExcel>["fake"], name: string): string {
  const n = fake.names.get(name.toUpperCase());
  if (!n) return at(name);
  return fake.nameReference(n).replace(/^.*!/, "").replace(/\$/g, "");
}
