import { App, TerraformStack } from "cdktf";
import { ContinuousExportChecks, ExportReport } from "../lib";
import { addExampleStacks } from "./stacks";

// Synthesizes every example stack (into cdktf.out/, or where `cdktf synth` points), with the check
// pack on (synth fails on any of its errors), and prints what each exports where.
const app = new App();
addExampleStacks(app);
ContinuousExportChecks.addTo(app);
app.synth();

for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
  console.log(`\n${stack.node.id}: ${app.outdir}/stacks/${stack.node.id}/cdk.tf.json`);
  console.log(ExportReport.format(stack));
}
