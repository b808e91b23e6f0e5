import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell, toCsv } from "../../lib/readiness/csv";
import { parseCsv } from "../../e2e/parse-csv";

test("plain cells stay as they are; numbers are numbers; null is empty", () => {
  assert.equal(csvCell("Ada Lovelace"), "Ada Lovelace");
  assert.equal(csvCell(85.4), "85.4");
  assert.equal(csvCell(-3), "-3");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(Number.NaN), "");
});

test("commas, quotes and line breaks are quoted, quotes doubled (RFC 4180)", () => {
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell("cr\rhere"), '"cr\rhere"');
});

test("cells that a spreadsheet would run as a formula are prefixed with '", () => {
  for (const evil of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\r=1"])
    assert.equal(csvCell(evil).replace(/^"/, "")[0], "'", evil);
  assert.equal(csvCell("=1,2"), `"'=1,2"`);
  assert.equal(csvCell("a=b"), "a=b");
});

test("a table reads back cell for cell, records separated by CRLF", () => {
  const rows = [
    ["person", "note", "score"],
    ['O"Brien, Pat', "line1\nline2", 70],
    ["=cmd|' /C calc'!A0", null, -1],
  ];
  const text = toCsv(rows);
  assert.ok(text.endsWith("\r\n"));
  assert.deepEqual(parseCsv(text), [
    ["person", "note", "score"],
    ['O"Brien, Pat', "line1\nline2", "70"],
    ["'=cmd|' /C calc'!A0", "", "-1"],
  ]);
});
