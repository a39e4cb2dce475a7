/** Excel date serials and typed dates. */
import fc from "fast-check";
import { DATE1904_OFFSET, isoToSerial, isoToVi, parseDateText, serialToIso } from "../../src/validate/dates";

describe("dates", () => {
  it("serials of the 1900 system", () => {
    expect(isoToSerial("2019-12-01")).toBe(43800);
    expect(serialToIso(43800)).toBe("2019-12-01");
    expect(serialToIso(43800.99)).toBe("2019-12-01");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(DATE1904_OFFSET).toBe(1462);
  });

  it.each([0, -1, NaN, Infinity, 2958466])("serial %p is not a date", (s) => {
    expect(serialToIso(s)).toBeNull();
  });

  it("property: iso → serial → iso round-trips", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-03-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(serialToIso(isoToSerial(iso))).toBe(iso);
        }
      )
    );
  });

  it.each([
    ["30/11/2019", "2019-11-30"],
    ["1/12/2019", "2019-12-01"],
    ["01-12-2019", "2019-12-01"],
    ["01.12.2019", "2019-12-01"],
    [" 01 / 12 / 2019 ", "2019-12-01"],
    ["2019-12-01", "2019-12-01"],
    ["2019-12-01T08:00:00", "2019-12-01"],
    ["ngày 01 tháng 12 năm 2019", "2019-12-01"],
    ["Tân Yên, ngày 1 tháng 12 năm 2019", "2019-12-01"],
    ["29/02/2020", "2020-02-29"],
  ])("parseDateText(%j) = %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    "",
    "31/11/2019",
    "29/02/2019",
    "12/31/2019",
    "0/1/2019",
    "1/13/2019",
    "abc",
    "2019",
    "1/12/19",
    "32/01/2019",
  ])("parseDateText(%j) = null", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("isoToVi", () => {
    expect(isoToVi("2019-12-01")).toBe("01/12/2019");
  });
});
