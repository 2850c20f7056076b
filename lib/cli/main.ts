#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runCli } from "./run";

// `npx cdktf-defender-export lint|explain|import …`: see run.ts.
process.exitCode = runCli(process.argv.slice(2), {
  stdin: () => readFileSync(0, "utf8"),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
