/**
 * What jsdom lacks and browsers (and Office's webviews) have. Import first in a jsdom test that
 * loads modules using these at import time (src/excel/apply-model.ts builds a TextEncoder).
 */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
