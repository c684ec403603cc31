// `taosim.epoch/1` text → EpochInput[]: the fast reader for the plain valid case, else the full
// position-aware reader, which either accepts the same input or throws the exact TaosimInputError.

import { fastReadEpochStates } from "./fastReadEpochStates.js";
import { parseJsonDocument } from "./jsonPositions.js";
import { readEpochStates, type EpochStates } from "./readEpochStates.js";

export function parseEpochText(text: string, file: string): EpochStates {
  return fastReadEpochStates(text) ?? readEpochStates(parseJsonDocument(text, file));
}
