#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runAuditPage, runDiagram } from "./diagram-command";
import { CliIo, runCli } from "./run";

// `npx cdktf-defender-export lint|explain|import|diagram …`: see run.ts and diagram-command.ts. Bad input
// gets a message from the command; anything else that goes wrong is said in one line too (DEBUG=1 shows where).
const io: CliIo = {
  stdin: () => readFileSync(0, "utf8"),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
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
    process.stderr.write(`cdktf-defender-export: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    process.exitCode = 2;
  },
);
