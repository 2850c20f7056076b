import { runInNewContext } from "node:vm";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { Lazy, TerraformStack, Testing } from "cdktf";
import {
  AlertSeverity,
  ContinuousExport,
  ContinuousExportFleet,
  ContinuousExportPolicy,
  CrossTenantAccess,
  EventHubDestination,
  Export,
  ExportingPrincipal,
  IExportDestination,
  LogAnalyticsDestination,
  LogicAppDestination,
  PolicyScope,
  Recommendation,
  Operator,
  PropertyType,
  Rule,
  RuleSet,
  SecurityResourceProvider,
  Severity,
  ShardPlan,
} from "../../lib";
import { EVENT_HUB_ID, OTHER_SUB, SUB, WORKSPACE_ID, errorOf, stackWithProvider } from "../helpers";

const place = { resourceGroupName: "rg-export", location: "westeurope" };
const exportTo = (stack: TerraformStack, destinations: IExportDestination[], extra: object = {}) =>
  new ContinuousExport(stack, "Export", { subscriptionId: SUB, ...place, exports: [Export.alerts()], destinations, ...extra });
const warnings = (stack: TerraformStack) =>
  stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data)));

describe("existing resources: every segment of the id is a name Azure gives (DFE220)", () => {
  const hub = (ns: string, eh = "eh-export", rg = "rg") =>
    `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.EventHub/namespaces/${ns}/eventhubs/${eh}`;
  test.each([
    ["a namespace too short", hub("ns")],
    ["a reserved namespace suffix", hub("evhns-export-sb")],
    ["a hub name with a space", hub("evhns-export", "my hub")],
    ["a resource group ending with a period", hub("evhns-export", "eh", "rg.")],
  ])("%s is refused with the construct path", (_, id) => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "Hub", id, { sendRuleName: "send" }))).toMatch(
      /^\[DFE220\] test\/Hub: ".*? is not an event hub resource id: its .* name ".*" is not one Azure gives/,
    );
  });
  test("workspace and workflow ids too; well-formed ids, in any letter case, pass", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => LogAnalyticsDestination.fromWorkspaceId(stack, "W", WORKSPACE_ID.replace("law-soc", "-law")))).toMatch(
      /DFE220\] test\/W: .*workspace name "-law"/,
    );
    expect(
      errorOf(() =>
        LogicAppDestination.fromWorkflow(stack, "L", {
          workflowId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Logic/workflows/flow%2F1`,
          triggerUrl: "https://x.logic.azure.com/y",
        }),
      ),
    ).toMatch(/DFE220\] test\/L: /);
    expect(() =>
      LogAnalyticsDestination.fromWorkspaceId(stack, "Fine", WORKSPACE_ID.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/")),
    ).not.toThrow();
    expect(() => EventHubDestination.fromEventHubId(stack, "FineHub", EVENT_HUB_ID, { sendRuleName: "send" })).not.toThrow();
  });
  test("the send rule name of an existing hub is checked by Azure's rule for authorization rules", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => EventHubDestination.fromEventHubId(stack, "Hub", EVENT_HUB_ID, { sendRuleName: "send rule!" }))).toMatch(
      /^\[DFE120\] test\/Hub: `sendRuleName` "send rule!" is not a name Azure accepts/,
    );
  });
});

describe("texts: NUL, control characters and lone surrogates are refused (DFE221)", () => {
  test.each([
    ["a NUL", "export\u0000", /a NUL character/],
    ["a lone high surrogate", "export \uD83D", /U\+D83D.*half of a surrogate pair/],
    ["a lone low surrogate", "\uDE00 export", /U\+DE00/],
    ["an escape character", "export \u001B[31m", /U\+001B/],
  ])("%s in a description", (_, description, words) => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const message = errorOf(() => exportTo(stack, [soc], { description }));
    expect(message).toMatch(/^\[DFE221\] test\/Export: `description` /);
    expect(message).toMatch(words);
  });
  test("in tags, filter texts and rule values too; a paired emoji and a newline are fine", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(
      errorOf(
        () =>
          new ContinuousExport(stack, "A", {
            subscriptionId: SUB,
            ...place,
            exports: [Export.alerts()],
            destinations: [soc],
            tags: { team: "sec\u0000" },
          }),
      ),
    ).toMatch(/DFE221\] test\/A: `tags.team`/);
    expect(errorOf(() => Export.alerts({ displayNameContains: ["ransom\uDC00"] }))).toMatch(
      /DFE221\] Export.alerts\(…\) called at .*`displayNameContains`/,
    );
    expect(errorOf(() => Rule.equalTo("AlertType", "x\u0000"))).toMatch(/DFE221.*`expectedValue`/);
    expect(() => exportTo(stack, [soc], { description: "Alerts 🔒\nto the SOC" })).not.toThrow();
  });
});

describe("Lazy values are produced and checked, not waved through (DFE222)", () => {
  test("a Lazy name Azure would refuse is refused; a good one passes; a failing producer is named", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(errorOf(() => exportTo(stack, [soc], { resourceGroupName: Lazy.stringValue({ produce: () => "rg export!" }) }))).toMatch(
      /^\[DFE120\] test\/Export: `resourceGroupName` "rg export!" is not a name Azure accepts/,
    );
    const other = stackWithProvider().stack;
    const soc2 = LogAnalyticsDestination.fromWorkspaceId(other, "Soc", WORKSPACE_ID);
    expect(() => exportTo(other, [soc2], { resourceGroupName: Lazy.stringValue({ produce: () => "rg-export" }) })).not.toThrow();
    const third = stackWithProvider().stack;
    const soc3 = LogAnalyticsDestination.fromWorkspaceId(third, "Soc", WORKSPACE_ID);
    expect(
      errorOf(() =>
        exportTo(third, [soc3], {
          description: Lazy.stringValue({
            produce: () => {
              throw new Error("not ready");
            },
          }),
        }),
      ),
    ).toMatch(/^\[DFE222\] test\/Export: `description` is a Lazy value whose producer failed .*not ready/);
  });
  test("a Lazy number out of range is refused; a Lazy id of an existing resource is read", () => {
    const { stack } = stackWithProvider();
    expect(
      errorOf(
        () =>
          new LogAnalyticsDestination(stack, "Ws", { workspaceName: "law-export", ...place, dailyQuotaGb: Lazy.numberValue({ produce: () => -1 }) }),
      ),
    ).toMatch(/DFE121\] test\/Ws: `dailyQuotaGb` must be a number from 0.023/);
    expect(
      errorOf(() => LogAnalyticsDestination.fromWorkspaceId(stack, "W", Lazy.stringValue({ produce: () => WORKSPACE_ID.replace("law-soc", "x") }))),
    ).toMatch(/DFE220\] test\/W/);
  });
});

describe("allowedIpRanges (DFE223, DFW045)", () => {
  const locked = (stack: TerraformStack, allowedIpRanges: unknown[]) =>
    new EventHubDestination(stack, "Hub", {
      namespaceName: "evhns-export-01",
      ...place,
      trustedService: {
        principal: SecurityResourceProvider.byObjectId("33333333-3333-3333-3333-333333333333"),
        allowedIpRanges: allowedIpRanges as string[],
      },
    });
  test.each(["999.1.1.1", "10.0.0.0/33", "010.0.0.1", "1.2.3", "1.2.3.4/", "1.2.3.4/08", " 1.2.3.4"])("%j is refused with the path", (ip) => {
    expect(errorOf(() => locked(stackWithProvider().stack, [ip]))).toMatch(/^\[DFE223\] test\/Hub: `trustedService.allowedIpRanges` takes IPv4/);
  });
  test("0.0.0.0/0 and a /8 are warned about, once, naming them; a /24 and a single address are not", () => {
    const { stack } = stackWithProvider();
    locked(stack, ["0.0.0.0/0", "10.0.0.0/8", "203.0.113.0/24"]);
    expect(warnings(stack).filter((w) => w.includes("DFW045"))).toEqual([
      expect.stringMatching(/^\[DFW045\] test\/Hub: `trustedService.allowedIpRanges` lets 0.0.0.0\/0, 10.0.0.0\/8 in: the whole internet/),
    ]);
    const fine = stackWithProvider().stack;
    locked(fine, ["203.0.113.0/24", "198.51.100.7", "0.0.0.0/32"]);
    expect(warnings(fine).filter((w) => w.includes("DFW045"))).toEqual([]);
  });
});

describe("forged objects are refused by a brand check (DFE224)", () => {
  test("an Export copied, or made from its prototype, is refused", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const copy = Object.assign(Object.create(Export.prototype), Export.alerts());
    expect(errorOf(() => new ContinuousExport(stack, "A", { subscriptionId: SUB, ...place, exports: [copy], destinations: [soc] }))).toMatch(
      /^\[DFE224\] test\/A: `exports` takes an Export made by this library .*, got an Export, which only looks like one/,
    );
  });
  test("a destination look-alike, a forged principal, a forged shard and a forged severity are refused with a code", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    const lookAlike = { kind: soc.kind, node: soc.node, bind: () => soc.bind(soc), description: "fake" } as unknown as IExportDestination;
    expect(errorOf(() => exportTo(stack, [lookAlike]))).toMatch(
      /^\[DFE224\] test\/Export: `destinations` takes an export destination made by this library/,
    );
    const principal = Object.assign(Object.create(ExportingPrincipal.prototype), { _mode: "guest", objectId: SUB, _principalType: "User" });
    expect(errorOf(() => new CrossTenantAccess(stack, "Grant", { exportingTenantId: SUB, principal, destinations: [soc] }))).toMatch(
      /\[DFE224\] test\/Grant: `principal`/,
    );
    const [shard] = ShardPlan.of([SUB], { shardCount: 1 });
    expect(
      errorOf(
        () =>
          new ContinuousExportFleet(stack, "Fleet", {
            subscriptions: [{ subscriptionId: SUB }],
            exports: [Export.alerts()],
            destinations: [soc],
            ...place,
            shard: { ...shard },
          }),
      ),
    ).toMatch(/\[DFE224\] test\/Fleet: `shard` takes a shard made by this library/);
    expect(errorOf(() => ShardPlan.deployment([{ ...shard }], { naming: { stackOf: (s) => s.name, backendKeyOf: (s) => s.name } }))).toMatch(
      /^\[DFE224\] ShardPlan.deployment\(…\) called at test\/internal\/validation.test.ts:\d+: `shards`/,
    );
    const forgedHigh = Object.assign(Object.create(AlertSeverity.prototype), { name: "High", rank: 3 });
    expect(errorOf(() => Export.alerts({ severities: [forgedHigh] }))).toMatch(/DFE020/);
    expect(errorOf(() => Export.alerts({ where: [Object.assign(Object.create(RuleSet.prototype), { rules: [] })] }))).toMatch(/DFE003/);
  });
});

describe("coded errors of factories name the factory and the caller's line", () => {
  test.each([
    ["DFE012", () => Export.alerts({ snapshot: true })],
    ["DFE014", () => Export.recommendations({ severities: [Severity.HIGH], minimumSeverity: Severity.LOW })],
    ["DFE020", () => AlertSeverity.of("Hight")],
    ["DFE021", () => Recommendation.of("not-a-guid")],
    [
      "DFE094",
      () => ShardPlan.of([SUB, "00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000003"], { shardCount: 1, maxShardSize: 2 }),
    ],
  ])("%s", (code, make) => {
    expect(errorOf(make)).toMatch(new RegExp(`^\\[${code}\\] \\w+\\.\\w+\\(…\\) called at test/internal/validation\\.test\\.ts:\\d+: `));
  });
});

describe("factory errors under jsii's runtime (a Python, Java, C# or Go caller)", () => {
  afterEach(() => delete process.env.JSII_AGENT);

  test("name the factory but no JavaScript place: every frame is the runtime's", () => {
    process.env.JSII_AGENT = "Python/3.11.7";
    const message = errorOf(() => Export.recommendations({ severities: [Severity.HIGH], minimumSeverity: Severity.LOW }));
    expect(message).toMatch(/^\[DFE014\] Export\.recommendations\(…\): /);
    expect(message).not.toMatch(/called at/);
  });

  test("a frame without a function name is read as its file, not as `at file`", () => {
    // A script's top level has such frames: `at /work/user-program.js:1:1`.
    const program = "Export.recommendations({ severities: [Severity.HIGH], minimumSeverity: Severity.LOW })";
    const message = errorOf(() => runInNewContext(program, { Export, Severity }, { filename: "/work/user-program.js" }));
    expect(message).toMatch(/^\[DFE014\] Export\.recommendations\(…\) called at \/work\/user-program\.js:1: /);
  });
});

describe("messages say what was given", () => {
  test("NaN and Infinity are said as such, not as null", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => new LogAnalyticsDestination(stack, "Ws", { workspaceName: "law-export", ...place, retentionInDays: Number.NaN }))).toMatch(
      /retentionInDays NaN is out of range/,
    );
    expect(errorOf(() => new LogAnalyticsDestination(stack, "Ws2", { workspaceName: "law-export", ...place, dailyQuotaGb: Number.NaN }))).toMatch(
      /got NaN\./,
    );
    const hub = new EventHubDestination(stack, "Hub", { namespaceName: "evhns-export-01", ...place });
    expect(errorOf(() => hub.addConsumer("A", { consumerGroupName: "a", access: { forged: true } as never }))).toMatch(/got an object\./);
    expect(
      errorOf(
        () =>
          new EventHubDestination(stack, "Hub2", {
            namespaceName: "evhns-export-02",
            ...place,
            trustedService: { principal: { principalId: "x" } as never },
          }),
      ),
    ).toMatch(/^\[DFE224\] test\/Hub2: `trustedService.principal` takes a principal made by this library/);
    expect(errorOf(() => ShardPlan.of([SUB], { shardCount: Infinity }))).toMatch(/shardCount must be a whole number of at least 1, got Infinity\./);
  });
});

describe("a resource group name in another script", () => {
  test("Cyrillic, Greek and accented names are accepted, as Azure accepts them", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    exportTo(stack, [soc], { resourceGroupName: "ресурсы-безопасности" });
    expect(Testing.synth(stack)).toContain("ресурсы-безопасности");
    const other = stackWithProvider().stack;
    expect(() =>
      exportTo(other, [LogAnalyticsDestination.fromWorkspaceId(other, "Soc", WORKSPACE_ID)], { resourceGroupName: "sécurité.(ομάδα)" }),
    ).not.toThrow();
    const third = stackWithProvider().stack;
    expect(
      errorOf(() => exportTo(third, [LogAnalyticsDestination.fromWorkspaceId(third, "Soc", WORKSPACE_ID)], { resourceGroupName: "ресурсы." })),
    ).toMatch(/DFE120/);
  });
});

describe("the policy route checks its group, region and name", () => {
  test.each([
    ["resourceGroupName", { resourceGroupName: "rg export" }],
    ["location", { location: "west europe!" }],
    ["displayName", { displayName: "x".repeat(129) }],
  ])("%s", (field, wrong) => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    expect(
      errorOf(
        () =>
          new ContinuousExportPolicy(stack, "Policy", {
            scope: PolicyScope.subscription(SUB),
            exports: [Export.alerts()],
            destinations: [soc],
            ...place,
            ...wrong,
          }),
      ),
    ).toMatch(new RegExp(`^\\[DFE1(2\\d|72)\\] test/Policy: \`${field}\``));
  });
});

describe("what Azure holds once is made once in the app (DFE225, DFE226, DFE227)", () => {
  test("two new workspaces of one name in one group, also across stacks; other groups and subscriptions are fine", () => {
    const { app, stack } = stackWithProvider();
    new LogAnalyticsDestination(stack, "A", { workspaceName: "law-export", ...place });
    new LogAnalyticsDestination(stack, "Elsewhere", { workspaceName: "law-export", ...place, resourceGroupName: "rg-other" });
    const second = new TerraformStack(app, "second");
    new AzurermProvider(second, "azurerm", { features: [{}], subscriptionId: SUB });
    expect(
      errorOf(() => new LogAnalyticsDestination(second, "B", { workspaceName: "LAW-export", ...place, resourceGroupName: "RG-export" })),
    ).toMatch(/^\[DFE225\] second\/B: test\/A already makes the workspace/);
    const third = new TerraformStack(app, "third");
    new AzurermProvider(third, "azurerm", { features: [{}], subscriptionId: OTHER_SUB });
    expect(() => new LogAnalyticsDestination(third, "C", { workspaceName: "law-export", ...place })).not.toThrow();
  });
  test("two new namespaces of one name anywhere (the name is global)", () => {
    const { stack } = stackWithProvider();
    new EventHubDestination(stack, "A", { namespaceName: "evhns-export-01", ...place });
    expect(errorOf(() => new EventHubDestination(stack, "B", { namespaceName: "evhns-export-01", ...place, resourceGroupName: "rg-2" }))).toMatch(
      /^\[DFE225\] test\/B: test\/A already makes the Event Hubs namespace "evhns-export-01"/,
    );
  });
  test("a guest granted the same role on one destination twice; another destination is fine", () => {
    const { stack } = stackWithProvider();
    const central = LogAnalyticsDestination.fromWorkspaceId(stack, "Central", WORKSPACE_ID, { tenantId: OTHER_SUB });
    const other = LogAnalyticsDestination.fromWorkspaceId(stack, "Other", WORKSPACE_ID.replace("law-soc", "law-other"), { tenantId: OTHER_SUB });
    const principal = ExportingPrincipal.guestUser("44444444-4444-4444-4444-444444444444");
    new CrossTenantAccess(stack, "Grant", { exportingTenantId: SUB, principal, destinations: [central] });
    expect(() => new CrossTenantAccess(stack, "GrantOther", { exportingTenantId: SUB, principal, destinations: [other] })).not.toThrow();
    new CrossTenantAccess(stack, "Again", { exportingTenantId: SUB, principal, destinations: [central] });
    expect(errorOf(() => Testing.synth(stack, true))).toMatch(
      /\[DFE226\] test\/Again: test\/Grant already grants 44444444-4444-4444-4444-444444444444 the role .* on test\/Central/,
    );
  });
  test("an export and a policy route on one subscription; two policies on one management group; two exports share a subscription", () => {
    const { stack } = stackWithProvider();
    const soc = LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE_ID);
    exportTo(stack, [soc]);
    new ContinuousExport(stack, "Second", {
      subscriptionId: SUB,
      ...place,
      exports: [Export.secureScore()],
      destinations: [soc],
      names: { workspace: "second" },
    });
    expect(
      errorOf(
        () =>
          new ContinuousExportPolicy(stack, "Policy", {
            scope: PolicyScope.subscription(SUB.toUpperCase()),
            exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
            destinations: [soc],
            ...place,
          }),
      ),
    ).toMatch(/^\[DFE227\] test\/Policy: test\/Export already exports \/subscriptions\/0{8}-/i);
    const other = stackWithProvider().stack;
    const soc2 = LogAnalyticsDestination.fromWorkspaceId(other, "Soc", WORKSPACE_ID);
    const mg = () => ({
      scope: PolicyScope.managementGroup("mg-security"),
      exports: [Export.alerts({ minimumSeverity: AlertSeverity.LOW })],
      destinations: [soc2],
      ...place,
    });
    new ContinuousExportPolicy(other, "One", mg());
    expect(errorOf(() => new ContinuousExportPolicy(other, "Two", { ...mg(), assignmentName: "second" }))).toMatch(
      /^\[DFE227\] test\/Two: test\/One already exports/,
    );
  });
});

describe("a raw rule on a JPath with a closed set of values (DFE228)", () => {
  test.each([
    [
      "a misspelt severity",
      Rule.raw("Severity", Operator.EQUAL_TO, "Hight"),
      /matches nothing: Severity is text, one of Informational, Low, Medium, High\. Write "High"/,
    ],
    ["a padded one", Rule.raw("Severity", Operator.EQUAL_TO, "High "), /Write "High"/],
    ["a NotEquals that excludes nothing", Rule.raw("Severity", Operator.NOT_EQUALS, "Severe"), /excludes nothing/],
    ["a number type on text", Rule.raw("Severity", Operator.EQUAL_TO, "3", PropertyType.INTEGER), /matches nothing/],
  ])("%s is refused", (_, rule, words) => {
    const message = errorOf(() => Export.alerts({ where: [RuleSet.of(rule)] }));
    expect(message).toMatch(/^\[DFE228\] Export\.alerts\(…\) called at test\/internal\/validation\.test\.ts:\d+: Security alerts: the rule /);
    expect(message).toMatch(words);
  });
  test("values of the set in any letter case, and open paths, pass", () => {
    expect(() => Export.alerts({ where: [RuleSet.of(Rule.raw("Severity", Operator.EQUAL_TO, "high"))] })).not.toThrow();
    expect(() => Export.alerts({ where: [RuleSet.of(Rule.raw("Severity", Operator.CONTAINS, "igh"))] })).not.toThrow();
    expect(() => Export.alerts({ where: [RuleSet.of(Rule.equalTo("AlertType", "Hight"))] })).not.toThrow();
  });
});
