// `node --import tsx --import ./importRecorder.mjs …`: appends the URL of every ES module the process
// resolves after this point to the file named by TAOSIM_IMPORT_LOG (one per line). CommonJS loads do
// not pass through these hooks; the probe adds require.cache itself.
import { register } from "node:module";

register(new URL("./importRecorderHooks.mjs", import.meta.url), { data: { file: process.env.TAOSIM_IMPORT_LOG } });
