import {
  ConsumerAccess,
  ContinuousExport,
  CrossTenantAccess,
  ExportingPrincipal,
  EventHubDestination,
  Export,
  LogAnalyticsDestination,
  LogicAppDestination,
  WorkspaceSku,
} from "../../lib";
import { SUB, WORKSPACE_ID, errorOf, stackWithProvider } from "../helpers";

/** Names and numbers Azure would refuse are refused at synth, each with its rule. */
const place = { resourceGroupName: "rg-export", location: "westeurope" };

test("names Azure refuses: a group ending with a period, a reserved namespace suffix, the $Default consumer group, a bad workflow name", () => {
  const { stack } = stackWithProvider();
  const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
  expect(
    errorOf(
      () =>
        new ContinuousExport(stack, "A", {
          subscriptionId: SUB,
          resourceGroupName: "rg.",
          location: "westeurope",
          exports: [Export.alerts()],
          destinations: [soc],
        }),
    ),
  ).toMatch(/^\[DFE120\] test\/A: `resourceGroupName` "rg\." is not a name Azure accepts: .*not ending with a period/);
  expect(errorOf(() => new EventHubDestination(stack, "B", { namespaceName: "evhns-export-sb", ...place }))).toMatch(/DFE046.*reserved/);
  const hub = new EventHubDestination(stack, "C", { namespaceName: "evhns-export-01", ...place });
  expect(errorOf(() => hub.addConsumer("D", { consumerGroupName: "$Default" }))).toMatch(/DFE120.*consumerGroupName.*not \$Default/);
  expect(errorOf(() => new LogicAppDestination(stack, "E", { workflowName: "la/x", ...place }))).toMatch(/DFE120.*workflowName/);
});

test("numbers Azure refuses: fractional capacity, zero partitions, NaN retention, a negative daily cap", () => {
  const { stack } = stackWithProvider();
  expect(errorOf(() => new EventHubDestination(stack, "A", { namespaceName: "evhns-export-01", ...place, capacity: 1.5 }))).toMatch(
    /^\[DFE121\] test\/A: `capacity` must be a whole number from 1 to 40, got 1\.5/,
  );
  expect(errorOf(() => new EventHubDestination(stack, "B", { namespaceName: "evhns-export-02", ...place, partitionCount: 0 }))).toMatch(
    /DFE121.*partitionCount/,
  );
  expect(
    errorOf(() => new EventHubDestination(stack, "C", { namespaceName: "evhns-export-03", ...place, messageRetentionDays: Number.NaN })),
  ).toMatch(/DFE121.*messageRetentionDays/);
  expect(errorOf(() => new LogAnalyticsDestination(stack, "D", { workspaceName: "law-export", ...place, dailyQuotaGb: -5 }))).toMatch(
    /DFE121.*dailyQuotaGb/,
  );
});

test("shapes: tags that are not a map, an access that is not a ConsumerAccess, a retired tier", () => {
  const { stack } = stackWithProvider();
  expect(errorOf(() => new LogAnalyticsDestination(stack, "A", { workspaceName: "law-export", ...place, tags: ["x"] as never }))).toMatch(
    /^\[DFE122\] test\/A: `tags` must be a map/,
  );
  const hub = new EventHubDestination(stack, "B", { namespaceName: "evhns-export-01", ...place });
  expect(errorOf(() => hub.addConsumer("C", { consumerGroupName: "siem", access: "listen" as unknown as ConsumerAccess }))).toMatch(/DFE122.*access/);
  expect(errorOf(() => WorkspaceSku.of("Free"))).toMatch(/DFE041.*Free.*not a workspace tier/);
  expect(WorkspaceSku.of("pernode").value).toBe("PerNode");
});

test("tenant and principal ids must be GUIDs, not domain names or free text", () => {
  const { stack } = stackWithProvider();
  expect(errorOf(() => LogAnalyticsDestination.fromWorkspaceId(stack, "A", WORKSPACE_ID, { tenantId: "contoso.onmicrosoft.com" }))).toMatch(
    /DFE062.*not its domain name/,
  );
  // Checked where the access is used, so that the error names the consumer.
  const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", resourceGroupName: "rg", location: "westeurope" });
  expect(errorOf(() => hub.addConsumer("A", { consumerGroupName: "a", access: ConsumerAccess.dataReceiver("siem-team") }))).toMatch(
    /DFE120\] test\/Hub\/A: .*object id/,
  );
  expect(
    errorOf(() =>
      hub.addConsumer("B", { consumerGroupName: "b", access: ConsumerAccess.dataReceiver("33333333-3333-3333-3333-333333333333", "Robot") }),
    ),
  ).toMatch(/DFE120\] test\/Hub\/B: .*principal type/);
  expect(errorOf(() => hub.addConsumer("C", { consumerGroupName: "c", access: ConsumerAccess.listenRule("siem listen!") }))).toMatch(
    /DFE120\] test\/Hub\/C: `ConsumerAccess.listenRule\(name\)` "siem listen!" is not a name Azure accepts/,
  );
  expect(errorOf(() => hub.addConsumer("D", { consumerGroupName: "d", access: { ...ConsumerAccess.listenRule() } as ConsumerAccess }))).toMatch(
    /DFE122\] test\/Hub\/D/,
  );
  const forged = Object.assign(Object.create(ConsumerAccess.prototype), ConsumerAccess.listenRule("r"));
  expect(errorOf(() => hub.addConsumer("E", { consumerGroupName: "e", access: forged }))).toMatch(
    /DFE224\] test\/Hub\/E: `access` takes a consumer access made by this library/,
  );
  const ws = LogAnalyticsDestination.fromWorkspaceId(stack, "B", WORKSPACE_ID, { tenantId: "00000000-0000-0000-0000-0000000000cc" });
  expect(
    errorOf(
      () =>
        new CrossTenantAccess(stack, "C", {
          destinations: [ws],
          principal: ExportingPrincipal.guestUser("00000000-0000-0000-0000-0000000000dd"),
          exportingTenantId: "fabrikam.com",
        }),
    ),
  ).toMatch(/DFE061.*exportingTenantId.*domain name/);
});
