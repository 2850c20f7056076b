#!/usr/bin/env node
import { runCli } from "./run";
import { readInputText } from "./read-input";
import { shown } from "./shown";

// `npx cdktf-defender-export lint|explain|import …`: see run.ts. Bad input gets a message from runCli;
// anything else that goes wrong is said in one line too (DEBUG=1 shows where).

// A reader that stops early (`| head`) closes the pipe: stop writing quietly, with the exit code so far.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(process.exitCode ?? 0);
  });
}

try {
  process.exitCode = runCli(process.argv.slice(2), {
    stdin: () => readInputText(0, "standard input"),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stdinFd: 0,
  });
} catch (e) {
  process.stderr.write(`cdktf-defender-export: ${shown(e instanceof Error ? e.message : String(e))}\n`);
  if (process.env.DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
  process.exitCode = 2;
}
