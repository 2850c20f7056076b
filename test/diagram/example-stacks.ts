import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { addExampleStacks } from "../../examples/stacks";
import { SynthesizedStack } from "../../lib/diagram/from-stacks";

/** Every example stack, synthesized into a cdktf.out as `cdktf synth` writes it (cross-stack references and all). */
export function exampleStacks(): SynthesizedStack[] {
  const outdir = mkdtempSync(join(tmpdir(), "diagram-examples-"));
  try {
    const app = new App({ outdir });
    addExampleStacks(app);
    app.synth();
    return readdirSync(join(outdir, "stacks"))
      .sort()
      .map((name) => ({ name, json: JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
