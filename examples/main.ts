import { App, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { ContinuousExportChecks, ExportReport } from "../lib";
import { addExampleStacks } from "./stacks";
import { writeShardPlan } from "./sharded-fleet";

// Synthesizes every example stack (into cdktf.out/, or where `cdktf synth` points), with the check
// pack on (synth fails on any of its errors), and prints what each exports where, the check pack's
// result and every warning; writes the sharded fleet's deployment plan (cdktf.out/shard-plan.json),
// which the example CI workflow's job matrix reads.
const app = new App();
const { shardDeployment } = addExampleStacks(app);
ContinuousExportChecks.addTo(app);
app.synth();
const planFile = writeShardPlan(app, shardDeployment);

/** The warnings of a stack, as `path: message`. */
function warningsOf(stack: IConstruct): string[] {
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => `${c.node.path}: ${String(m.data)}`));
}

for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
  console.log(`\n${stack.node.id}: ${app.outdir}/stacks/${stack.node.id}/cdk.tf.json`);
  const report = ExportReport.format(stack);
  console.log(report.trim() === "" ? "  (no export in this stack: it holds what the others export to)" : report);
  const sentinel = ExportReport.sentinelReadiness(stack);
  if (sentinel) console.log(sentinel);
  const warnings = warningsOf(stack);
  const findings = warnings.filter((w) => /\[DFC\d{3}\]/.test(w)).length;
  console.log(`  check pack: ${findings === 0 ? "passed" : `${findings} warning${findings > 1 ? "s" : ""}`}`);
  for (const warning of warnings) console.log(`  warning  ${warning}`);
}
console.log(
  `\nshard plan: ${planFile} (${shardDeployment.first.join(", ")} first, then ${shardDeployment.shards.length} shard jobs, ` +
    `${shardDeployment.subscriptionCount} subscriptions)`,
);
