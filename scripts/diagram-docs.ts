import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { flowGraphOfStacks } from "../lib/diagram/from-stacks";
import { toSvg } from "../lib/diagram/render";
import { addExampleStacks } from "../examples/stacks";

// Draws the picture the README shows (docs/images/flows.svg): three of the example stacks, the
// cross-tenant guest, the trusted event hub and the sharded fleet, as `diagram` draws cdktf.out.
// `--check` fails when the file is not what the examples draw today.
const SHOWN = /^(cross-tenant-guest|trusted-event-hub|fleet-.*)$/;
const file = join(__dirname, "..", "docs", "images", "flows.svg");
const outdir = mkdtempSync(join(tmpdir(), "diagram-docs-"));
const app = new App({ outdir });
addExampleStacks(app);
app.synth();
const stacks = readdirSync(join(outdir, "stacks"))
  .filter((name) => SHOWN.test(name))
  .map((name) => ({ name, json: JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) }));
rmSync(outdir, { recursive: true, force: true });
void toSvg(flowGraphOfStacks(stacks)).then((svg) => {
  if (!process.argv.includes("--check")) writeFileSync(file, svg);
  else if (readFileSync(file, "utf8") !== svg) {
    console.error("docs/images/flows.svg is not what the examples draw: run `npm run docs:diagram`.");
    process.exit(1);
  }
});
