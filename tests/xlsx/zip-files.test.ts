/** Several files stored in one .zip: read back by an independent reader (fflate's unzipSync), names and bytes as given. */
import { unzipSync } from "fflate";
import { zipFiles } from "../../src/xlsx/zip-files";

describe("zipFiles", () => {
  it("stores each file under its name, bytes unchanged, in order, with the given date", () => {
    const a = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
    const b = new TextEncoder().encode("Báo cáo — Xã Cao Xá");
    const date = new Date(2026, 0, 15, 10, 30, 0);
    const zip = zipFiles(
      [
        { name: "BDG-2026_Xa-Cao-Xa.xlsx", bytes: a },
        { name: "BDG-2026_Thi-tran-Cao-Thuong.xlsx", bytes: b },
      ],
      date
    );
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(["BDG-2026_Xa-Cao-Xa.xlsx", "BDG-2026_Thi-tran-Cao-Thuong.xlsx"]);
    expect(back["BDG-2026_Xa-Cao-Xa.xlsx"]).toEqual(a);
    expect(back["BDG-2026_Thi-tran-Cao-Thuong.xlsx"]).toEqual(b);
    // Stored, not deflated: the archive is the files plus headers.
    expect(zip.length).toBeGreaterThan(a.length + b.length);
    expect(zip.length).toBeLessThan(a.length + b.length + 400);
    // The entry time (DOS date/time, local) of the first local header.
    const dv = new DataView(zip.buffer, zip.byteOffset);
    const dosDate = dv.getUint16(12, true);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2026, 1, 15]);
  });

  it("makes an empty archive of no files", () => {
    expect(Object.keys(unzipSync(zipFiles([])))).toEqual([]);
  });
});
