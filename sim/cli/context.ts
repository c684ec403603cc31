// What a command needs from the outside world, so commands run the same in a process and in tests.

export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** All of standard input as UTF-8 text. */
  readStdin(): Promise<string>;
}

export interface CliContext {
  io: CliIo;
}

export const processIo: CliIo = {
  writeOut: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export const processContext: CliContext = { io: processIo };
