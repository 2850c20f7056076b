#!/usr/bin/env node
import { runAuditPage, runDiagram } from "./diagram-command";
import { readInputText } from "./read-input";
import { CliIo, runCli } from "./run";
import { shown } from "./shown";

// `npx cdktf-defender-export lint|explain|import|diagram …`: see run.ts and diagram-command.ts. Bad input
// gets a message from the command; anything else that goes wrong is said in one line too (DEBUG=1 shows where).

// A reader that stops early (`| head`) closes the pipe: stop writing quietly, with the exit code so far.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(process.exitCode ?? 0);
  });
}

const io: CliIo = {
  stdin: () => readInputText(0, "standard input"),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdinFd: 0,
};
const args = process.argv.slice(2);
const markdown = args[0] === "explain" && args.some((a, i) => a === "--format=markdown" || (a === "markdown" && args[i - 1] === "--format"));
(args[0] === "diagram"
  ? runDiagram(args.slice(1), io)
  : markdown
    ? runAuditPage(args.slice(1), io)
    : Promise.resolve().then(() => runCli(args, io))
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cdktf-defender-export: ${shown(e instanceof Error ? e.message : String(e))}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    process.exitCode = 2;
  },
);
