// The loader's fast path takes plain rows out of the text and must agree with the ordinary path:
// same snapshot for a valid text, and null (ordinary path) for anything unusual.
import { describe, expect, it } from "vitest";
import { SMALL_SNAPSHOT, withReplaced } from "../../test/helpers/snapshotText.js";
import { attachRows, extractRows } from "./extractRows.js";
import { checkSnapshotText } from "./loadSnapshot.js";
import { validateSnapshotData } from "./validateSnapshotData.js";

describe("extractRows", () => {
  it("takes every weights and bonds row out of the text, in document order", () => {
    const fast = extractRows(SMALL_SNAPSHOT);
    expect(fast?.rows.map((r) => r.entries())).toEqual([[[1, 65535], [2, 30000]], [[1, 1000]], [[1, 100]]]);
    expect(fast?.text).toContain('"weights": "\\u00010", "bonds": "\\u00011"');
  });

  it("gives the same snapshot as the ordinary path", () => {
    const slow = validateSnapshotData(JSON.parse(SMALL_SNAPSHOT));
    const fast = checkSnapshotText(SMALL_SNAPSHOT, "s.json");
    expect(fast.ok && slow.ok).toBe(true);
    if (fast.ok && slow.ok) expect(fast.snapshot).toEqual(slow.snapshot);
    const parsed = JSON.parse(extractRows(SMALL_SNAPSHOT)?.text ?? "null");
    attachRows(parsed, extractRows(SMALL_SNAPSHOT)?.rows ?? []);
    expect(parsed.subnets[0].neurons[2].weights.entries()).toEqual([[1, 100]]);
  });

  it("accepts any JSON whitespace inside rows", () => {
    const text = withReplaced(SMALL_SNAPSHOT, "[[1, 65535], [2, 30000]]", "[ [ 1 ,65535 ]\n,\t[2,30000] ]");
    expect(extractRows(text)?.rows[0].entries()).toEqual([[1, 65535], [2, 30000]]);
  });

  it("leaves anything unusual to the ordinary path", () => {
    for (const [from, to] of [
      ["[1, 100]", "[1, 1e2]"],
      ["[1, 100]", "[1, 65536]"],
      ["[1, 100]", "[-1, 100]"],
      ["[1, 100]", "[01, 100]"],
      ["[1, 100]", "[1, 100, 3]"],
      ['"network": "test"', '"network": "\\u0001"'],
    ]) {
      expect(extractRows(withReplaced(SMALL_SNAPSHOT, from, to))).toBeNull();
    }
  });

  it("does not take a string that only looks like a row key", () => {
    const text = withReplaced(SMALL_SNAPSHOT, '"network": "test"', '"network": "\\"weights\\": [[1, 2]]"');
    const fast = extractRows(text);
    expect(fast?.rows.length).toBe(3);
    expect(checkSnapshotText(text, "s.json").ok).toBe(true);
  });
});
