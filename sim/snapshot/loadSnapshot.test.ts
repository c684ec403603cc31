// The snapshot loader as a contract: a valid file loads with the storage defaults filled in; every
// kind of bad field is reported at its exact file:line:col with its path and expected/found, and
// every problem of a file is listed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf, SMALL_SNAPSHOT, withReplaced } from "../../test/helpers/snapshotText.js";
import { checkSnapshotFile, checkSnapshotText } from "./loadSnapshot.js";

const FILE = "s.json";

function problems(text: string): string[] {
  const check = checkSnapshotText(text, FILE);
  if (check.ok) return [];
  return check.errors.map((e) => e.message);
}

/** Replaces `from` by `to` and expects exactly one problem, at the first occurrence of `at` (default `to`). */
function expectOne(from: string, to: string, path: string, expected: string, found: string, at = to): void {
  const text = withReplaced(SMALL_SNAPSHOT, from, to);
  expect(problems(text)).toEqual([`${FILE}:${positionOf(text, at)}: ${path}: expected ${expected}, found ${found}`]);
}

describe("loading a valid snapshot", () => {
  it("fills every absent field with the chain's storage default", () => {
    const check = checkSnapshotText(SMALL_SNAPSHOT, FILE);
    if (!check.ok) throw new Error(check.errors.map((e) => e.message).join("\n"));
    const s = check.snapshot;
    expect(s.chain).toEqual({ totalIssuance: "1000000000000000", taoWeight: "18446744073709551615", subnetOwnerCut: 11_796, stakeThreshold: "0" });
    expect(s.subnets[0].pool).toEqual({ taoReserve: "2000000000", alphaReserve: "4000000000", quoteWeight: "500000000000000000", feeRate: 33 });
    expect(s.subnets[0].hyperparameters).toMatchObject({ kappa: 32_767, maxAllowedValidators: 2, bondsMovingAverage: 900_000, yuma3: false });
    expect(s.subnets[0].firstEmissionBlock).toBeNull();
    const { weights, bonds, ...rest } = s.subnets[0].neurons[1];
    expect(rest).toEqual({ uid: 1, hotkey: "hk1", coldkey: null, alphaStake: "0", lastUpdate: 900, blockAtRegistration: 0, validatorPermit: false });
    expect([weights.entries(), bonds.entries()]).toEqual([[], []]);
    expect(s.subnets[0].neurons[0].weights.entries()).toEqual([[1, 65535], [2, 30000]]);
  });
});

describe("every kind of bad field, at its exact position", () => {
  it("missing required fields", () => {
    expectOne('"format": "taosim.snapshot/1",\n', "", "format", '"taosim.snapshot/1"', "nothing (the field is required)", "{");
    expectOne('"totalIssuance": "1000000000000000", ', "", "chain.totalIssuance", "a decimal u64 string (0 to 18446744073709551615)", "nothing (the field is required)", '{ "taoWeight"');
    expectOne('"uid": 1, "hotkey": "hk1", ', '"uid": 1, ', "subnets[0].neurons[1].hotkey", "an account id (SS58 address string)", "nothing (the field is required)", '{ "uid": 1');
  });

  it("wrong types", () => {
    expectOne('"tempo": 100', '"tempo": "100"', "subnets[0].tempo", "a u16 integer from 0 to 65535", '"100"', '"100"');
    expectOne('"validatorPermit": true', '"validatorPermit": "yes"', "subnets[0].neurons[0].validatorPermit", "true or false", '"yes"', '"yes"');
    expectOne('"alphaStake": "0"', '"alphaStake": 0', "subnets[0].neurons[1].alphaStake", "a decimal u64 string (0 to 18446744073709551615)", "0", '0, "lastUpdate": 900');
  });

  it("u16 and netuid out of range", () => {
    expectOne('"kappa": 32767', '"kappa": 65536', "subnets[0].hyperparameters.kappa", "a u16 integer from 0 to 65535", "65536", "65536");
    expectOne('"netuid": 1', '"netuid": 0', "subnets[0].netuid", "a netuid from 1 to 65535", "0", "0,");
  });

  it("negative and over-u64 amounts", () => {
    expectOne('"alphaStake": "0"', '"alphaStake": "-1"', "subnets[0].neurons[1].alphaStake", "a decimal u64 string (0 to 18446744073709551615)", '"-1"', '"-1"');
    expectOne('"tao": "5000000000"', '"tao": "18446744073709551616"', "rootStakes[0].tao", "a decimal u64 string (0 to 18446744073709551615)", '"18446744073709551616"', '"18446744073709551616"');
  });

  it("malformed fixed-point bits, and a moving price outside [0, 1]", () => {
    const i96 = "the raw bits of an I96F32 as a decimal string (an integer from -2^127 to 2^127-1)";
    expectOne('"movingPriceI96F32": "2147483648"', '"movingPriceI96F32": "0.5"', "subnets[0].movingPriceI96F32", i96, '"0.5"', '"0.5"');
    expectOne('"movingPriceI96F32": "2147483648"', '"movingPriceI96F32": "170141183460469231731687303715884105728"', "subnets[0].movingPriceI96F32", i96, '"170141183460469231731687303715884105728"', '"170141183460469231731687303715884105728"');
    expectOne('"movingPriceI96F32": "2147483648"', '"movingPriceI96F32": "4294967297"', "subnets[0].movingPriceI96F32", "a moving price from 0 to 1.0 (raw bits 0 to 4294967296)", "4294967297", '"4294967297"');
  });

  it("unknown keys, with a suggestion", () => {
    expectOne('"tempo": 100', '"tempoo": 100', "subnets[0].tempoo", 'a known key (did you mean "tempo"?)', 'unknown key "tempoo"', '"tempoo"');
    expectOne('"uid": 1, ', '"uid": 1, "stake": "5", ', "subnets[0].neurons[1].stake", "one of the keys uid, hotkey, coldkey, alphaStake, lastUpdate, blockAtRegistration, validatorPermit, weights, bonds", 'unknown key "stake"', '"stake"');
  });

  it("duplicate and missing uids", () => {
    let text = withReplaced(SMALL_SNAPSHOT, '"uid": 1,', '"uid": 0,');
    expect(problems(text)).toEqual([
      `${FILE}:13:18: subnets[0].neurons: expected every uid from 0 to 2 exactly once, found no neuron with uid 1`,
      `${FILE}:${positionOf(text, '0, "hotkey": "hk1"')}: subnets[0].neurons[1].uid: expected a uid not used by another neuron, found 0 (also at neurons[0])`,
    ]);
    text = withReplaced(SMALL_SNAPSHOT, '"uid": 2,', '"uid": 5,');
    expect(problems(text)).toEqual([
      `${FILE}:13:18: subnets[0].neurons: expected every uid from 0 to 2 exactly once, found no neuron with uid 2`,
      `${FILE}:${positionOf(text, "5, ")}: subnets[0].neurons[2].uid: expected a uid from 0 to 2 (uids are 0..n-1 for n = 3 neurons), found 5`,
    ]);
  });

  it("weights and bonds pointing at a missing uid, repeated, or not u16", () => {
    expectOne("[2, 30000]", "[7, 30000]", "subnets[0].neurons[0].weights[1][0]", "a uid of this subnet (0 to 2)", "7 (no such neuron)", "7, 30000");
    expectOne('"bonds": [[1, 1000]]', '"bonds": [[1, 1000], [1, 5]]', "subnets[0].neurons[0].bonds[1][0]", "a uid not already in this row", "1 again", "1, 5]");
    expectOne("[1, 100]", "[1, 65536]", "subnets[0].neurons[2].weights[0][1]", "a u16 value (an integer from 0 to 65535)", "65536", "65536");
    expectOne("[1, 100]", "[1, 100, 3]", "subnets[0].neurons[2].weights[0]", "a [uid, u16] entry", "[1,100,3]", "[1, 100, 3]");
  });

  it("duplicate hotkeys and netuids, duplicate root stake rows", () => {
    expectOne('"hotkey": "hk1"', '"hotkey": "hk0"', "subnets[0].neurons[1].hotkey", "a hotkey not registered twice on this subnet", '"hk0" (also at neurons[0])', '"hk0", "alphaStake": "0"');
    expectOne('"coldkey": "ck1"', '"coldkey": "ck0"', "rootStakes[1]", "one row per (hotkey, coldkey)", "the pair of rootStakes[0] again", '{ "hotkey": "hk0", "coldkey": "ck0", "tao": "1000000000"');
  });

  it("a netuid used by two subnets", () => {
    const start = SMALL_SNAPSHOT.indexOf("    {\n      \"netuid\"");
    const end = SMALL_SNAPSHOT.indexOf("\n    }\n  ]") + 6;
    const subnet = SMALL_SNAPSHOT.slice(start, end);
    const text = `${SMALL_SNAPSHOT.slice(0, end)},\n${subnet}${SMALL_SNAPSHOT.slice(end)}`;
    const second = text.lastIndexOf('"netuid": 1') + '"netuid": '.length;
    const line = text.slice(0, second).split("\n").length;
    const col = second - text.lastIndexOf("\n", second - 1);
    expect(problems(text)).toEqual([`${FILE}:${line}:${col}: subnets[1].netuid: expected a netuid not used by another subnet, found 1 (also subnets[0])`]);
  });

  it("reserves below the chain's minimum, a balancer weight outside [0.01, 0.99], a fee rate above the maximum", () => {
    expectOne('"taoReserve": "2000000000"', '"taoReserve": "999999"', "subnets[0].pool.taoReserve", "a reserve of at least the chain's MinimumReserve (1000000 rao)", "999999", '"999999"');
    expectOne('"alphaReserve": "4000000000" }', '"alphaReserve": "4000000000", "quoteWeight": "995000000000000000" }', "subnets[0].pool.quoteWeight", "a balancer weight from 0.01 to 0.99 (10000000000000000 to 990000000000000000)", "995000000000000000", '"995000000000000000"');
    expectOne('"alphaReserve": "4000000000" }', '"alphaReserve": "4000000000", "feeRate": 10001 }', "subnets[0].pool.feeRate", "a u16 fee rate from 0 to 10000", "10001", "10001");
  });

  it("stake sums above what was issued", () => {
    expectOne('"alphaOut": "4000000000"', '"alphaOut": "3999999999"', "subnets[0].alphaOut", "at least the alpha staked on the subnet's hotkeys plus the pending emission (4000000000 rao)", "3999999999", '"3999999999"');
    expectOne('"totalIssuance": "1000000000000000"', '"totalIssuance": "5999999999"', "chain.totalIssuance", "at least the TAO staked on root (6000000000 rao)", "5999999999", '"5999999999"');
  });

  it("blocks after the snapshot's block", () => {
    expectOne('"lastUpdate": 990', '"lastUpdate": 1001', "subnets[0].neurons[0].lastUpdate", "a block not after the snapshot's block (source.block = 1000)", "1001", "1001");
  });

  it("an empty subnet list, bad JSON, a wrong format name", () => {
    const empty = SMALL_SNAPSHOT.slice(0, SMALL_SNAPSHOT.indexOf('"subnets": [') + 12) + "]\n}\n";
    expect(problems(empty)).toEqual([`${FILE}:6:14: subnets: expected a list of at least one subnet, found a list (0 entries)`]);
    expect(problems(withReplaced(SMALL_SNAPSHOT, '"tempo": 100,', '"tempo": 100,,'))).toEqual([`${FILE}:8:33: subnets[0]: expected a string key in double quotes, found ','`]);
    expectOne('"taosim.snapshot/1"', '"taosim.snapshot/2"', "format", '"taosim.snapshot/1"', '"taosim.snapshot/2"');
  });

  it("a missing file and a directory, with nothing else read", () => {
    const dir = mkdtempSync(join(tmpdir(), "taosim-snapshot-"));
    try {
      const missing = checkSnapshotFile(join(dir, "nope.json"));
      expect(missing.ok ? [] : missing.errors.map((e) => [e.expected, e.found, e.code])).toEqual([["a readable snapshot file", "no such file (ENOENT)", "file-read"]]);
      const isDir = checkSnapshotFile(dir);
      expect(isDir.ok ? [] : isDir.errors.map((e) => e.found)).toEqual(["a directory (EISDIR)"]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("every problem is listed", () => {
  it("reports all problems of a file, sorted by position", () => {
    let text = withReplaced(SMALL_SNAPSHOT, '"tempo": 100', '"tempo": -1');
    text = withReplaced(text, '"kappa": 32767', '"kappa": "high"');
    text = withReplaced(text, "[2, 30000]", "[9, 30000]");
    text = withReplaced(text, '"hotkey": "hk1", ', '"hotkey": "hk1", "extra": 1, ');
    expect(problems(text).map((m) => m.split(": ")[1])).toEqual([
      "subnets[0].tempo",
      "subnets[0].hyperparameters.kappa",
      "subnets[0].neurons[0].weights[1][0]",
      "subnets[0].neurons[1].extra",
    ]);
  });
});
