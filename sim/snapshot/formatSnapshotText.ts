// Writes a snapshot as JSON text that diffs well: 2-space indentation, one neuron per line
// (a neuron's weight and bond rows can hold hundreds of entries).
import type { SnapshotInput } from "./snapshotSchema.js";

const MARK = "\u0000neuron:";

export function formatSnapshotText(snapshot: SnapshotInput): string {
  const neurons: string[] = [];
  const text = JSON.stringify(
    snapshot,
    (key, value: unknown) => {
      if (key !== "neurons" || !Array.isArray(value)) return value;
      return value.map((neuron) => {
        neurons.push(JSON.stringify(neuron));
        return `${MARK}${neurons.length - 1}`;
      });
    },
    2,
  );
  return `${text.replace(/"\\u0000neuron:(\d+)"/g, (_, i: string) => neurons[Number(i)])}\n`;
}
