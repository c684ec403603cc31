// Reads a command's input file, or standard input for "-". Errors name the file as the user gave it.

import { readFile } from "node:fs/promises";
import type { CliIo } from "./context.js";
import { TaosimInputError } from "./errors.js";

export const STDIN_NAME = "<stdin>";

export interface InputText {
  /** The name used in messages: the path as given, or `<stdin>`. */
  file: string;
  text: string;
}

export async function readInputText(arg: string, io: CliIo): Promise<InputText> {
  if (arg === "-") return { file: STDIN_NAME, text: await io.readStdin() };
  try {
    return { file: arg, text: await readFile(arg, "utf8") };
  } catch (err) {
    throw new TaosimInputError({ file: arg, expected: "a readable file", found: describeReadError(err), code: "file-read" });
  }
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file (ENOENT)";
  if (code === "EISDIR") return "a directory (EISDIR)";
  if (code === "EACCES") return "no permission to read it (EACCES)";
  return err instanceof Error ? err.message : String(err);
}
