/** Excel date serials (1900 system) and the dates officers type. */

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** Serial → "YYYY-MM-DD" (serials before 61 are off by one in Excel's 1900 leap-year bug; none are report dates). */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const d = new Date(EPOCH_1900 + Math.floor(serial) * MS_PER_DAY);
  return d.toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_1900) / MS_PER_DAY);
}

/** 1904-system serial → 1900-system serial. */
export const DATE1904_OFFSET = 1462;

function valid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

/** "30/11/2019", "30-11-2019", "30.11.2019", "2019-11-30", "ngày 30 tháng 11 năm 2019" → ISO; else null. */
export function parseDateText(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(?:[^\d]*?)?ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** "2019-11-30" → "30/11/2019". */
export function isoToVi(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d && m && y ? `${d}/${m}/${y}` : iso;
}
