// Rules that involve more than one field, checked once the structure is valid. Each problem is a zod
// custom issue whose message starts with "expected " and whose params.found says what was found.
import type * as z from "zod";
import { formatFieldPath, parseFieldPath } from "./fieldPath.js";
import { scenarioObjectSchema, type ScenarioObject } from "./fields/scenarioObject.js";
import { BLOCKS_PER_DAY, durationInBlocks, slowestTempo } from "./scenarioDuration.js";
import { DEFAULT_MINERS, DEFAULT_VALIDATORS } from "./fields/subnet.js";
import { acceptedKinds, didYouMean, enumValues, schemaAt } from "./schemaAt.js";

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function report(ctx: Ctx, path: Path, expected: string, found: string, atKey = false): void {
  ctx.addIssue({ code: "custom", path, message: `expected ${expected}`, params: atKey ? { found, atKey } : { found } });
}

export { durationInBlocks, slowestTempo };

function checkSubnet(s: ScenarioObject, i: number, ctx: Ctx): void {
  const subnet = s.subnets[i];
  const at = (...p: Path): Path => ["subnets", i, ...p];
  const hp = subnet.hyperparameters;
  if (hp.alphaLow > hp.alphaHigh) {
    report(ctx, at("hyperparameters", "alphaLow"), `alphaLow ≤ alphaHigh (${hp.alphaHigh})`, String(hp.alphaLow));
  }
  if (hp.maxAllowedValidators > hp.maxAllowedUids) {
    report(ctx, at("hyperparameters", "maxAllowedValidators"), `at most maxAllowedUids (${hp.maxAllowedUids})`, String(hp.maxAllowedValidators));
  }
  if (hp.minBurn > hp.maxBurn) report(ctx, at("hyperparameters", "minBurn"), `minBurn ≤ maxBurn (${hp.maxBurn})`, String(hp.minBurn));
  checkStart(s, i, ctx);
  const validators = subnet.validators.reduce((a, g) => a + g.count, 0);
  const miners = subnet.miners.reduce((a, g) => a + g.count * (g.strategy === "sybil" ? g.hotkeys : 1), 0);
  if (validators + miners > hp.maxAllowedUids) {
    report(ctx, at("miners"), `at most maxAllowedUids (${hp.maxAllowedUids}) neurons`, `${validators + miners} (${validators} validators + ${miners} miner hotkeys)`);
  }
  let shares = 0;
  let unshared = 0;
  subnet.validators.forEach((g, j) => {
    if (g.stakeShare === null) {
      unshared++;
      return;
    }
    shares += g.stakeShare;
    if (shares > 1 + 1e-9) {
      report(ctx, at("validators", j, "stakeShare"), "stake shares summing to at most 1 (100 % of validatorStake)", `${+shares.toFixed(12)} in total`);
    }
  });
  if (unshared > 0 && shares >= 1 - 1e-9 && shares <= 1 + 1e-9) {
    const j = subnet.validators.findIndex((g) => g.stakeShare === null);
    report(ctx, at("validators", j, "stakeShare"), "a stakeShare (the other groups already hold 100 %)", "null");
  }
  const minerLabels = subnet.miners.map((g) => g.label).filter((l): l is string => l !== null);
  subnet.validators.forEach((g, j) => {
    if (g.strategy === "cabal" && !minerLabels.includes(g.favours)) {
      const known = minerLabels.length > 0 ? minerLabels.join(", ") : "no labelled miner groups";
      report(ctx, at("validators", j, "favours"), `the label of a miner group of this subnet (${known})`, JSON.stringify(g.favours));
    }
  });
}

/** A mature subnet's start: an age not after the run's first block, holders adding up to alphaOut. */
function checkStart(s: ScenarioObject, i: number, ctx: Ctx): void {
  const st = s.subnets[i].start;
  const first = s.chain.startBlock ?? 0; // resolved: the largest age when not given
  if (st.age > first) {
    report(ctx, ["subnets", i, "start", "age"], `an age of at most chain.startBlock (${first}) blocks: the first emission cannot be in the future`, String(st.age));
  }
  if (st.lastEpochBlock !== null && st.lastEpochBlock > first) {
    report(ctx, ["subnets", i, "start", "lastEpochBlock"], `a block at most chain.startBlock (${first})`, String(st.lastEpochBlock));
  }
  if (st.quoteWeight !== null && (st.quoteWeight <= 0 || st.quoteWeight >= 1)) {
    report(ctx, ["subnets", i, "start", "quoteWeight"], "a weight strictly between 0 and 1", String(st.quoteWeight));
  }
  if (st.alphaOut !== null) {
    const v = s.subnets[i].validatorStake;
    const sum = v + st.nominatorAlpha + st.protocolAlpha;
    if (Math.abs(sum - st.alphaOut) > 1e-9 * Math.max(1, st.alphaOut)) {
      report(ctx, ["subnets", i, "start", "alphaOut"], `validatorStake + nominatorAlpha + protocolAlpha (${v} + ${st.nominatorAlpha} + ${st.protocolAlpha} = ${sum})`, String(st.alphaOut));
    }
  }
}

/**
 * A `detail: pools` subnet has no populations: any list other than its default (the parsed object no
 * longer says what was written, so a list equal to the default counts as left out).
 */
export function poolsSubnetChecks(s: ScenarioObject, ctx: Ctx): void {
  const defaults = { validators: JSON.stringify(DEFAULT_VALIDATORS()), miners: JSON.stringify(DEFAULT_MINERS()), stakers: "[]", users: "[]" };
  s.subnets.forEach((n, i) => {
    if (n.detail !== "pools") return;
    for (const key of ["validators", "miners", "stakers", "users"] as const) {
      const v = n[key];
      if (v.length > 0 && JSON.stringify(v) !== defaults[key]) {
        const hint = key === "users" ? `; outside buyers are subnets[${i}].holders.buyers` : "";
        report(ctx, ["subnets", i, key], `no ${key} at detail: pools (its holders are subnets[${i}].holders${hint}; use detail: full for populations)`, `${(v as unknown[]).length} group(s)`, true);
      }
    }
  });
}

function checkEvents(s: ScenarioObject, ctx: Ctx): void {
  const netuids = new Set(s.subnets.map((n) => n.netuid));
  const end = durationInBlocks(s);
  const tempo = slowestTempo(s);
  s.events.forEach((e, k) => {
    const targets: [Path, number | null][] =
      e.kind === "move-stake"
        ? [[["from", "netuid"], e.from.netuid], [["to", "netuid"], e.to.netuid]]
        : "netuid" in e ? [[["netuid"], e.netuid]] : [];
    for (const [p, netuid] of targets) {
      if (netuid !== null && !netuids.has(netuid)) {
        report(ctx, ["events", k, ...p], `the netuid of a subnet (${[...netuids].join(", ")})`, String(netuid));
      }
    }
    if (e.kind === "register" && (e.miners === undefined) === (e.validators === undefined)) {
      report(ctx, ["events", k], "exactly one of miners, validators", e.miners === undefined ? "none" : "both");
    }
    const [unit, n] = Object.entries(e.at).find(([, v]) => v !== undefined) as [string, number];
    const block = unit === "block" ? n : unit === "epoch" ? n * tempo : n * BLOCKS_PER_DAY;
    if (block >= end) report(ctx, ["events", k, "at", unit], `a time before the end of the run (block < ${end})`, `block ${block}`);
  });
}

const UNSWEEPABLE = new Set(["$schema", "format", "name", "description", "seed", "replicates", "sweep", "sample"]);

function checkSweep(s: ScenarioObject, ctx: Ctx): void {
  const entries = Object.entries(s.sweep).filter(([k]) => k !== "mode") as [string, unknown[]][];
  for (const [key] of entries) {
    const here: Path = ["sweep", key];
    const path = parseFieldPath(key);
    if (path === null) {
      const hint = didYouMean(key, ["mode"]);
      report(ctx, here, hint ? `a field path or mode (did you mean "${hint}"?)` : "a field path like subnets[0].hyperparameters.kappa", JSON.stringify(key), true);
      continue;
    }
    if (UNSWEEPABLE.has(String(path[0]))) {
      report(ctx, here, "a field that can vary between runs (not format, name, description, seed, replicates, sweep or sample)", JSON.stringify(key), true);
      continue;
    }
    const walk = schemaAt(scenarioObjectSchema, path, s);
    if (!walk.ok) {
      const upTo = formatFieldPath(path.slice(0, walk.failedAt + 1));
      const seg = path[walk.failedAt];
      const known = walk.failedAt === 0 ? [...walk.knownKeys, "mode"] : walk.knownKeys;
      const hint = typeof seg === "string" ? didYouMean(seg, known) : null;
      const why = walk.listLength !== null ? `${formatFieldPath(path.slice(0, walk.failedAt))} has ${walk.listLength} ${walk.listLength === 1 ? "entry" : "entries"}` : hint ? `did you mean "${hint}"?` : "no such field";
      report(ctx, here, "a path to a scenario field", `${upTo} (${why})`, true);
      continue;
    }
    // each value is checked against its field by loadScenario (sweepValueProblems)
    const kinds = acceptedKinds(walk.schema);
    if (!kinds.has("number") && !kinds.has("boolean") && enumValues(walk.schema) === null) {
      report(ctx, here, "a numeric, boolean or choice field", `a ${[...kinds].join("/")} field`, true);
    }
  }
  if (s.sweep.mode === "zip" && entries.length > 1) {
    const n = entries[0][1].length;
    for (const [key, values] of entries.slice(1)) {
      if (values.length !== n) report(ctx, ["sweep", key], `${n} values (zip mode pairs the lists)`, `${values.length}`);
    }
  }
}

/** Adds one issue per broken cross-field rule. `s` has derived defaults filled in. */
export function crossFieldChecks(s: ScenarioObject, ctx: Ctx): void {
  if (s.subnets.length > s.chain.subnetLimit) {
    report(ctx, ["subnets"], `at most chain.subnetLimit (${s.chain.subnetLimit}) subnets`, `${s.subnets.length}`);
  }
  const seen = new Map<number | null, number>();
  s.subnets.forEach((n, i) => {
    const first = seen.get(n.netuid);
    if (first !== undefined) report(ctx, ["subnets", i, "netuid"], `a netuid not used by subnets[${first}]`, String(n.netuid));
    else seen.set(n.netuid, i);
  });
  s.subnets.forEach((_, i) => checkSubnet(s, i, ctx));
  s.subnets.forEach((n, i) => {
    if (n.imported.length > 0 && s.start === undefined) report(ctx, ["subnets", i, "imported"], "start.snapshot to import the subnet from (or no imported list)", "no start.snapshot");
    n.imported.forEach((a, k) => {
      const ways = [a.uids, a.hotkeys, a.topStake].filter((x) => x !== undefined).length;
      if (ways !== 1) report(ctx, ["subnets", i, "imported", k], "exactly one of uids, hotkeys, topStake", ways === 0 ? "none" : "several");
    });
  });
  const netuids = new Set(s.subnets.map((n, i) => n.netuid ?? i + 1));
  s.root.validators.forEach((g, i) => {
    if (g.subnets === "all") return;
    g.subnets.forEach((n, k) => {
      if (!netuids.has(n)) report(ctx, ["root", "validators", i, "subnets", k], `a netuid of the scenario's subnets (${[...netuids].join(", ")})`, String(n));
    });
  });
  if (s.root.nominators.length > 0 && s.root.validators.length === 0) report(ctx, ["root", "nominators"], "root validators to stake to (root.validators)", "none");
  checkEvents(s, ctx);
  checkSweep(s, ctx);
}
