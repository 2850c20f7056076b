import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";
import { App, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { ContinuousExport, ContinuousExportChecks, EventHubDestination, Export, LogAnalyticsDestination } from "../lib";
import { addExampleStacks } from "../examples/stacks";
import { EVENT_HUB_ID, WORKSPACE_ID, stackWithProvider } from "./helpers";

/** Every warning of the app's constructs, as `path: message`. */
const warningsOf = (scope: IConstruct) =>
  scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => `${c.node.path}: ${String(m.data)}`));

test("a warning a construct reaches twice (one automation per destination kind) is shown once", () => {
  const { stack } = stackWithProvider("00000000-0000-0000-0000-000000000099");
  const rg = new ResourceGroup(stack, "Group", { name: "rg-export", location: "westeurope" });
  new ContinuousExport(stack, "Export", {
    subscriptionId: "00000000-0000-0000-0000-000000000099",
    resourceGroupName: rg.name,
    location: "westeurope",
    exports: [Export.recommendations()],
    destinations: [
      LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID),
      EventHubDestination.fromEventHubId(stack, "Siem", EVENT_HUB_ID, { sendRuleName: "export-send" }),
    ],
  });
  Testing.synth(stack, true);
  Testing.synth(stack, true);
  expect(warningsOf(stack).filter((w) => w.includes("DFW001"))).toEqual([expect.stringMatching(/^test\/Export: \[DFW001\] test\/Export: /)]);
});

test("no construct of the examples shows the same warning twice", () => {
  const app = new App({ outdir: Testing.app().outdir });
  addExampleStacks(app);
  ContinuousExportChecks.addTo(app);
  app.synth();
  const warnings = app.node.children.filter((c) => c instanceof TerraformStack).flatMap((s) => warningsOf(s));
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings.filter((w, i) => warnings.indexOf(w) !== i)).toEqual([]);
});
