import { TerraformStack, Testing } from "cdktf";
import {
  AlertSeverity,
  AzapiProvider,
  ContinuousExport,
  EventHubDestination,
  Export,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  Recommendation,
  SecurityResourceProvider,
  Severity,
} from "../../lib";
import { plainSources } from "../../lib/live/meaning";
import { AutomationView } from "../../lib/writers/automation-view";
import { WRITERS, Writer } from "../../lib/writers/writer";
import { AutomationWriter } from "../../lib/writers/writer";
import { SUB, WORKSPACE_ID, stackWithProvider } from "../helpers";

/**
 * Each writer reads back what it writes: the sources, rule sets, actions, scopes and settings of the
 * automation it synthesized are those of the request, for every request shape the library writes.
 */
const REQUESTS: ReadonlyArray<{ readonly name: string; readonly exports: () => Export[] }> = [
  { name: "alerts by severity", exports: () => [Export.alerts({ severities: [AlertSeverity.HIGH, AlertSeverity.MEDIUM] })] },
  {
    name: "findings with parents",
    exports: () => [
      Export.findings({ recommendations: [Recommendation.MACHINES_VULNERABILITIES], minimumSeverity: Severity.MEDIUM, snapshot: true }),
    ],
  },
  { name: "everything", exports: () => Export.everything() },
  { name: "attack paths", exports: () => [Export.attackPaths(), Export.secureScore()] },
];
const DESTINATIONS: ReadonlyArray<{ readonly name: string; readonly make: (stack: TerraformStack) => IExportDestination[] }> = [
  { name: "a workspace", make: (s) => [LogAnalyticsDestination.fromWorkspaceId(s, "Soc", WORKSPACE_ID)] },
  {
    name: "a new event hub",
    make: (s) => [new EventHubDestination(s, "Hub", { namespaceName: "evhns-round-01", resourceGroupName: "rg-hub", location: "westeurope" })],
  },
  {
    name: "a Logic App",
    make: (s) => [new LogicAppDestination(s, "Flow", { workflowName: "la-round", resourceGroupName: "rg-flow", location: "westeurope" })],
  },
  {
    name: "a trusted-service event hub",
    make: (s) => [
      new EventHubDestination(s, "Locked", {
        namespaceName: "evhns-locked-01",
        resourceGroupName: "rg-hub",
        location: "westeurope",
        trustedService: { principal: SecurityResourceProvider.byObjectId("22222222-2222-2222-2222-222222222222") },
      }),
    ],
  },
];

const cases = WRITERS.flatMap((writer) =>
  REQUESTS.flatMap((request) =>
    DESTINATIONS.map((destination) => [writer.name, request.name, destination.name, writer, request, destination] as const),
  ),
);

test.each(cases)("%s reads back what it wrote: %s to %s", (_w, _r, _d, writer: Writer, request, destination) => {
  const { stack } = stackWithProvider();
  new AzapiProvider(stack, "azapi", {});
  const destinations = destination.make(stack);
  let exported: ContinuousExport;
  try {
    exported = new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: request.exports(),
      destinations,
      writer: writer.name === "azapi" ? AutomationWriter.AZAPI : AutomationWriter.AZURERM,
      description: "round trip",
      enabled: false,
      scopeResourceGroups: ["rg-app"],
    });
  } catch (e) {
    // What a writer cannot express is refused, never written wrong.
    expect(String(e)).toMatch(/DFE037.*cannot express/);
    expect(writer.name).toBe("azurerm");
    return;
  }
  const json = JSON.parse(Testing.synth(stack, true));
  const [[id, body]] = Object.entries(json.resource[writer.automationType]).filter(([, r]: [string, any]) =>
    writer.read(`${writer.automationType}.x`, r),
  );
  const view = writer.read(`${writer.automationType}.${id}`, body as object) as AutomationView;
  expect(view.writer).toBe(writer);
  expect({ name: view.name, location: view.location, enabled: view.enabled, description: view.description, scopes: view.scopes }).toEqual({
    name: destinations[0].kind.portalName ?? "Export",
    location: "westeurope",
    enabled: false,
    description: "round trip",
    scopes: [`/subscriptions/${SUB}/resourceGroups/rg-app`],
  });
  expect(view.sources).toEqual(plainSources(exported.sources));
  expect(view.actions.map((a) => [a.actionType, a.trusted, a.secret === undefined])).toEqual(
    destinations.map((d) => [
      d.kind.actionType,
      /trusted service/.test(d.description),
      /trusted service/.test(d.description) || d.kind.secretProperty === undefined,
    ]),
  );
});
