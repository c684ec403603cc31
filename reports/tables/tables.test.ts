import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CsvTableWriter, formatCell, openCsv, parseQuotedRecord, readManifest, writeCsvAtomic } from "./index.js";

const tmp = () => mkdtempSync(join(tmpdir(), "taosim-tables-"));

async function readAll(path: string): Promise<{ columns: readonly string[]; rows: string[][] }> {
  const table = await openCsv(path);
  if (!table) throw new Error("no table");
  const rows: string[][] = [];
  for await (const r of table.rows()) rows.push(r);
  return { columns: table.columns, rows };
}

describe("CSV tables", () => {
  it("writes atomically and reads back quoted cells, doubled quotes and newlines", async () => {
    const dir = tmp();
    const path = join(dir, "t.csv");
    await writeCsvAtomic(path, ["a", "b", "c"], [
      { a: 1, b: 'say "hi", twice', c: "line1\nline2" },
      { a: 0.1 + 0.2, b: null, c: 12345678901234567890n },
    ]);
    expect(readdirSync(dir)).toEqual(["t.csv"]);
    expect(readFileSync(path, "utf8")).toBe('a,b,c\n1,"say ""hi"", twice","line1\nline2"\n0.3,,12345678901234567890\n');
    const { columns, rows } = await readAll(path);
    expect(columns).toEqual(["a", "b", "c"]);
    expect(rows).toEqual([["1", 'say "hi", twice', "line1\nline2"], ["0.3", "", "12345678901234567890"]]);
  });

  it("writes the header of an empty table", async () => {
    const path = join(tmp(), "empty.csv");
    await writeCsvAtomic(path, ["x", "y"], []);
    expect(readFileSync(path, "utf8")).toBe("x,y\n");
  });

  it("leaves no file behind when a write is aborted", async () => {
    const dir = tmp();
    const writer = CsvTableWriter.open(join(dir, "a.csv"), ["x"]);
    await writer.write({ x: 1 });
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads CRLF files and reports a missing file as null", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "w.csv"), "p,q\r\n1,2\r\n");
    expect((await readAll(join(dir, "w.csv"))).rows).toEqual([["1", "2"]]);
    expect(await openCsv(join(dir, "missing.csv"))).toBeNull();
  });

  it("spells numbers with 12 significant digits and missing values as empty", () => {
    expect(formatCell(2 / 3)).toBe("0.666666666667");
    expect(formatCell(NaN)).toBe("");
    expect(formatCell(Infinity)).toBe("");
    expect(formatCell(1e15 + 2)).toBe("1000000000000002");
    expect(formatCell(2 ** 60)).toBe("1152921504610000000"); // 12 significant digits
    expect(formatCell(360000000000)).toBe("360000000000");
    expect(parseQuotedRecord('"open')).toBeNull();
  });
});

describe("readManifest", () => {
  it("reads the fields a report needs and refuses a folder without a manifest", async () => {
    const dir = tmp();
    await expect(readManifest(dir)).rejects.toMatchObject({ code: "MANIFEST_MISSING" });
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({
      scenario: { name: "s", sha256: "ff" }, seed: 7, versions: { taosim: "0.1.0", node: "v20" },
      tasks: [{ index: 1, point: 0, replicate: 1, params: { a: 1 }, status: "failed", error: { message: "boom" } }, { index: 0, point: 0, replicate: 0, params: { a: 1 }, status: "ok" }],
    }));
    const m = await readManifest(dir);
    expect(m.scenarioName).toBe("s");
    expect(m.seed).toBe("7");
    expect(m.versions).toEqual([["node", "v20"], ["taosim", "0.1.0"]]);
    expect(m.tasks.map((t) => [t.index, t.status, t.error])).toEqual([[0, "ok", ""], [1, "failed", "boom"]]);
    expect(m.points.get(0)).toEqual({ a: 1 });
  });
});
