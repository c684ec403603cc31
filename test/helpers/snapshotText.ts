// A small valid taosim.snapshot/1 text (one subnet, three neurons) with a known layout, for tests
// that break one field and check the exact file:line:col of the error.
export const SMALL_SNAPSHOT = `{
  "format": "taosim.snapshot/1",
  "source": { "network": "test", "block": 1000 },
  "chain": { "totalIssuance": "1000000000000000", "taoWeight": "18446744073709551615" },
  "rootStakes": [{ "hotkey": "hk0", "coldkey": "ck0", "tao": "5000000000" }, { "hotkey": "hk0", "coldkey": "ck1", "tao": "1000000000" }],
  "subnets": [
    {
      "netuid": 1, "tempo": 100, "lastEpochBlock": 900, "lastMechanismStepBlock": 900, "ownerHotkey": "hk2",
      "pool": { "taoReserve": "2000000000", "alphaReserve": "4000000000" },
      "alphaOut": "4000000000", "movingPriceI96F32": "2147483648",
      "pendingServerEmission": "500000000", "pendingValidatorEmission": "400000000", "pendingRootAlphaDivs": "100000000",
      "hyperparameters": { "kappa": 32767, "maxAllowedValidators": 2 },
      "neurons": [
        { "uid": 0, "hotkey": "hk0", "alphaStake": "2000000000", "lastUpdate": 990, "validatorPermit": true, "weights": [[1, 65535], [2, 30000]], "bonds": [[1, 1000]] },
        { "uid": 1, "hotkey": "hk1", "alphaStake": "0", "lastUpdate": 900 },
        { "uid": 2, "hotkey": "hk2", "alphaStake": "1000000000", "lastUpdate": 950, "blockAtRegistration": 10, "weights": [[1, 100]] }
      ]
    }
  ]
}
`;

/** The text with the first occurrence of `from` replaced (throws if absent, so a test cannot pass vacuously). */
export function withReplaced(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `line:col` (1-based) of the first occurrence of `marker` in `text`. */
export function positionOf(text: string, marker: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`not in the text: ${marker}`);
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
