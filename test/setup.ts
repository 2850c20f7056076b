import { Testing } from "cdktf";

Testing.setupJest();

// Testing.app() makes a temporary output folder per app; remove those this test file made.
const fs: typeof import("fs") = require("fs");
const made: string[] = [];
const mkdtempSync = fs.mkdtempSync;
fs.mkdtempSync = ((prefix: string, options?: import("fs").EncodingOption) => {
  const dir = mkdtempSync(prefix, options);
  if (String(prefix).includes("cdktf.outdir")) made.push(String(dir));
  return dir;
}) as typeof fs.mkdtempSync;
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
