// Where a field path lives in a parsed YAML document, as 1-based line:col (yaml's LineCounter).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { FieldPath } from "./fieldPath.js";

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/**
 * The position of the node at `path`: its key when `atKey`, else its value (or its key if the value
 * is empty); when the path leaves the document (a missing field), the deepest node that exists.
 */
export function positionOf(doc: Document, lc: LineCounter, path: FieldPath, atKey = false): { line: number; col: number } {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  for (const seg of path) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (pair === undefined) break;
      keyNode = (pair.key as Node | null) ?? null;
      node = pair.value;
      best = (pair.value as Node | null) ?? keyNode ?? best;
    } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
      node = node.items[seg];
      best = (node as Node | null) ?? best;
    } else {
      break;
    }
  }
  const target = atKey && keyNode !== null ? keyNode : best;
  const offset = target?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, col: pos.col };
}

/** `positionOf` on scenario text (parses it again; for problems found after loading). */
export function positionInText(text: string, path: FieldPath, atKey = false): { line: number; col: number } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return positionOf(doc, lc, path, atKey);
}
