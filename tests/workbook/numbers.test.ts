/** The stored forms of numbers and dates, read strictly (src/workbook/numbers.ts). */
import { dateCell, numericCell, parseIsoDateSerial, parseOoxmlNumber } from "../../src/workbook/numbers";
import { isoToSerial } from "../../src/validate/dates";

test.each([
  ["12", 12],
  ["-12.5", -12.5],
  ["+3", 3],
  [".5", 0.5],
  ["5.", 5],
  ["1e3", 1000],
  ["1.5E-2", 0.015],
  ["-0", 0],
])("%j is the number %d", (text, n) => {
  expect(parseOoxmlNumber(text)).toBe(n);
  expect(numericCell(text)).toEqual({ type: "number", value: n });
});

test.each([
  "0x10",
  "0b101",
  "0o17",
  "Infinity",
  "NaN",
  "1e999",
  " 12",
  "12 ",
  "1,5",
  "1_0",
  "",
  "e5",
  "1e",
  "--1",
  "١٢",
])("%j is not a number: an invalid value carrying the text", (text) => {
  expect(parseOoxmlNumber(text)).toBeNull();
  expect(numericCell(text)).toEqual({ type: "invalid", raw: text });
});

test("dates as a date cell stores them", () => {
  expect(parseIsoDateSerial("2019-11-28")).toBe(isoToSerial("2019-11-28"));
  expect(parseIsoDateSerial("2019-11-28T12:00:00")).toBe(isoToSerial("2019-11-28") + 0.5);
  expect(parseIsoDateSerial("2019-11-28T06:00:00Z")).toBe(isoToSerial("2019-11-28") + 0.25);
  expect(parseIsoDateSerial("18:00")).toBe(0.75);
  for (const bad of ["2019-02-30", "2019-13-01", "28/11/2019", "1", "2019-11-28T25:00", " 2019-11-28"])
    expect({ bad, serial: parseIsoDateSerial(bad) }).toEqual({ bad, serial: null });
  expect(dateCell("2019-11-28")).toEqual({ type: "date", serial: isoToSerial("2019-11-28") });
  expect(dateCell("x")).toEqual({ type: "invalid", raw: "x" });
});
