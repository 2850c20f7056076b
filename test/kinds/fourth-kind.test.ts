import { AdoptedAutomations, AutomationNames, DestinationKind } from "../../lib";
import type { KindPropKey } from "../../lib/kinds/declaration";
import type { KindDeclaration } from "../../lib/kinds/declaration";
import { NAME_RULES } from "../../lib/internal/inputs";
import { KIND_DECLARATIONS } from "../../lib/kinds/all-kinds";

/**
 * A fourth destination kind is its declaration file plus its line in `lib/kinds/all-kinds.ts` (and its
 * destination classes): everything else is derived from that list. The types below fail to compile
 * (`tsc --noEmit`) when a per-kind props interface misses a kind's key; the tests run a made-up fourth kind
 * through the generic code paths by adding it to the list alone.
 */

// ---- compile-time: the per-kind props name every kind, and nothing else -----------------------------

/** `true` when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// KindPropKey is the union of the declared keys, not `string`.
const propKeyIsDerived: string extends KindPropKey ? false : true = true;
// Each per-kind props interface has an optional member named after each kind, and only those.
const namesCoverEveryKind: Record<KindPropKey, unknown> = {} as Required<AutomationNames>;
const adoptCoversEveryKind: Record<KindPropKey, unknown> = {} as Required<AdoptedAutomations>;
const namesHaveNoOtherKey: Same<keyof AutomationNames, KindPropKey> = true;
const adoptHasNoOtherKey: Same<keyof AdoptedAutomations, KindPropKey> = true;

test("the per-kind props are checked against the kinds at compile time", () => {
  expect([propKeyIsDerived, namesHaveNoOtherKey, adoptHasNoOtherKey]).toEqual([true, true, true]);
  expect([namesCoverEveryKind, adoptCoversEveryKind]).toEqual([{}, {}]);
});

// ---- the one list ------------------------------------------------------------------------------------

/** `eventHub` → `EVENT_HUB`: the name of a kind's static on DestinationKind. */
const constantName = (propKey: string) => propKey.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

describe("every kind comes from the one list", () => {
  test("DestinationKind.ALL is the list of declarations, in order, with distinct keys and wire names", () => {
    expect(DestinationKind.ALL.map((k) => k.actionType)).toEqual(KIND_DECLARATIONS.map((d) => d.actionType));
    for (const key of ["propKey", "actionType", "resourceIdProperty", "displayName"] as const) {
      expect(new Set(DestinationKind.ALL.map((k) => k[key].toLowerCase())).size).toBe(DestinationKind.ALL.length);
    }
  });

  test("each kind's id shape names one rule per name segment, each a rule of NAME_RULES", () => {
    for (const kind of DestinationKind.ALL) {
      expect(kind._idShape.names).toHaveLength(kind._idShape.types.length);
      for (const name of kind._idShape.names) expect(Object.keys(NAME_RULES)).toContain(name);
    }
  });

  test("each kind has its named constant on DestinationKind, and each constant is a kind of the list", () => {
    const statics = Object.entries(DestinationKind).filter(([, v]) => v instanceof DestinationKind);
    expect(Object.fromEntries(statics)).toEqual(Object.fromEntries(DestinationKind.ALL.map((k) => [constantName(k.propKey), k])));
    for (const [, kind] of statics) expect(DestinationKind.ALL).toContain(kind);
  });
});

// ---- a made-up fourth kind, added to the list alone ---------------------------------------------------

const QUEUE_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-q/providers/Microsoft.ServiceBus/namespaces/sb-soc/queues/defender";

/** A fourth kind as its own file would declare it. */
const QUEUE_KIND = {
  actionType: "ServiceBusQueue",
  diagramShape: "box3d",
  displayName: "Service Bus queue",
  propKey: "serviceBusQueue",
  resourceIdProperty: "queueResourceId",
  secretProperty: "sasConnectionString",
  idShape: {
    types: ["Microsoft.ServiceBus/namespaces", "queues"],
    names: ["eventHubNamespace", "eventHub"],
    example: "/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ServiceBus/namespaces/<namespace>/queues/<queue>",
  },
  resourceType: "azurerm_servicebus_queue",
  parentArgument: "namespace_id",
  createdResources: [["azurerm_servicebus_queue", "Queue"]],
  heartbeat: {
    watches: "metrics",
    metricsOf: (id: string) => id,
    alerts: [
      {
        id: "NoQueuedMessages",
        suffix: "no-queued",
        metric: "IncomingMessages",
        firesOn: "silence",
        describe: (d: string) => `Nothing reached ${d}.`,
      },
    ],
    summary: (hours: number) => `an alert fires after ${hours} h without a queued message`,
  },
  program: ({ n, resourceId, literal }) => ({
    className: "QueueDestination",
    variable: `queue${n}`,
    code: `QueueDestination.fromQueueId(this, "Queue${n}", ${literal(resourceId)})`,
    inputs: [],
  }),
} satisfies KindDeclaration;

type Modules = {
  cdktf: typeof import("cdktf");
  lib: typeof import("../../lib");
  azurerm: typeof import("@cdktf/provider-azurerm/lib/provider");
  writer: typeof import("../../lib/writers/writer");
  arm: typeof import("../../lib/live/arm-input");
  lint: typeof import("../../lib/live/lint");
  program: typeof import("../../lib/live/program");
  explain: typeof import("../../lib/live/explain");
  constructs: typeof import("constructs");
  brand: typeof import("../../lib/model/brand");
};

/** The library loaded afresh with the fourth kind appended to `lib/kinds/all-kinds.ts` and no other change. */
function withFourthKind(): Modules {
  let loaded: Modules | undefined;
  jest.isolateModules(() => {
    jest.doMock("../../lib/kinds/all-kinds", () => {
      const actual = jest.requireActual<typeof import("../../lib/kinds/all-kinds")>("../../lib/kinds/all-kinds");
      return { KIND_DECLARATIONS: [...actual.KIND_DECLARATIONS, QUEUE_KIND] };
    });
    loaded = {
      cdktf: require("cdktf"),
      lib: require("../../lib"),
      azurerm: require("@cdktf/provider-azurerm/lib/provider"),
      writer: require("../../lib/writers/writer"),
      arm: require("../../lib/live/arm-input"),
      lint: require("../../lib/live/lint"),
      program: require("../../lib/live/program"),
      explain: require("../../lib/live/explain"),
      constructs: require("constructs"),
      brand: require("../../lib/model/brand"),
    };
  });
  jest.dontMock("../../lib/kinds/all-kinds");
  return loaded as Modules;
}

describe("a fourth kind, declared in one file and listed once", () => {
  const m = withFourthKind();
  const queue = () => m.lib.DestinationKind.ofActionType("servicebusqueue");

  /** An export of alerts to an existing queue of the fourth kind, written by `writer`; its Terraform JSON. */
  function exportToQueue(writer: import("../../lib/writers/writer").AutomationWriter | undefined, health = false): any {
    const app = m.cdktf.Testing.app();
    const stack = new m.cdktf.TerraformStack(app, "test");
    new m.azurerm.AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: "00000000-0000-0000-0000-000000000001" });
    new m.lib.AzapiProvider(stack, "azapi", {});
    const kind = queue()!;
    // Its destination class, as `lib/destinations/` would hold it: branded as the library's, one `bind`.
    class QueueDestination extends m.constructs.Construct {
      public readonly kind = kind;
      constructor(scope: import("constructs").Construct, id: string) {
        super(scope, id);
        m.brand.BRANDS.destination.mark(this);
      }
      public readonly description = "queue defender";
      public bind() {
        return { kind, resourceId: QUEUE_ID, connectionString: "Endpoint=sb://sb-soc/;SharedAccessKey=k" };
      }
    }
    new m.lib.ContinuousExport(stack, "Export", {
      subscriptionId: "00000000-0000-0000-0000-000000000001",
      resourceGroupName: "rg-sec",
      location: "westeurope",
      exports: [m.lib.Export.alerts()],
      destinations: [new QueueDestination(stack, "Queue")],
      ...(writer ? { writer } : {}),
      ...(health
        ? {
            health: {
              emailReceivers: ["soc@contoso.example"],
              metricsWorkspaceId: QUEUE_ID.replace(/ServiceBus.*/, "OperationalInsights/workspaces/law"),
            },
          }
        : {}),
    });
    return JSON.parse(m.cdktf.Testing.synth(stack, true));
  }

  test("is a kind of DestinationKind.ALL, found by action type and by resource id, named in words", () => {
    const kind = queue();
    expect(kind).toBeDefined();
    expect(m.lib.DestinationKind.ALL[3]).toBe(kind);
    expect(m.lib.DestinationKind.ofResourceId(QUEUE_ID)).toBe(kind);
    expect(kind!.nameInId(QUEUE_ID)).toBe("sb-soc/defender");
    expect(kind!.existingInWords(QUEUE_ID, false)).toBe("Service Bus queue sb-soc/defender (existing, in rg-q)");
  });

  test.each([
    ["azapi", () => m.writer.AutomationWriter.AZAPI],
    ["azurerm", () => m.writer.AutomationWriter.AZURERM],
  ])("the %s writer writes its action by its wire names and reads it back", (_name, writer) => {
    const json = exportToQueue(writer());
    const automations = [
      ...Object.entries(json.resource?.azapi_resource ?? {}).map(([n, r]) => [`azapi_resource.${n}`, r] as const),
      ...Object.entries(json.resource?.azurerm_security_center_automation ?? {}).map(
        ([n, r]) => [`azurerm_security_center_automation.${n}`, r] as const,
      ),
    ]
      .map(([address, r]) => m.writer.readAutomation(address, r as any))
      .filter((v) => v !== undefined);
    expect(automations).toHaveLength(1);
    expect(automations[0]!.actions).toEqual([expect.objectContaining({ actionType: "ServiceBusQueue", resourceId: QUEUE_ID })]);
    const azapi = Object.values(json.resource?.azapi_resource ?? {}) as any[];
    if (azapi.length > 0) {
      // The secret goes to the write-only body, with the actions, under the kind's wire names.
      const actions = JSON.stringify(azapi[0].sensitive_body);
      expect(actions).toContain(`"queueResourceId":"${QUEUE_ID}"`);
      expect(actions).toContain('"sasConnectionString":"${sensitive(');
    }
  });

  test("its heartbeat gives the health alerts it declares", () => {
    const json = exportToQueue(undefined, true);
    const names = Object.keys(json.resource?.azurerm_monitor_scheduled_query_rules_alert_v2 ?? {});
    expect(names.some((n) => n.includes("NoQueuedMessages"))).toBe(true);
  });

  test("a live automation sending to it is explained in its words and imported as its program text", () => {
    const arm = {
      id: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-sec/providers/Microsoft.Security/automations/to-queue",
      name: "to-queue",
      type: "Microsoft.Security/automations",
      location: "westeurope",
      properties: {
        isEnabled: true,
        scopes: [{ scopePath: "/subscriptions/00000000-0000-0000-0000-000000000001" }],
        sources: [{ eventSource: "Alerts", ruleSets: [] }],
        actions: [{ actionType: "ServiceBusQueue", queueResourceId: QUEUE_ID }],
      },
    };
    const live = m.arm.readLiveAutomations(JSON.stringify({ value: [arm] }), "the test input");
    const findings = m.lint.lintAutomations(live);
    expect(m.explain.explainAutomation(live[0], findings).join("\n")).toContain("Service Bus queue sb-soc/defender (existing, in rg-q)");
    const program = m.program.importProgram(live, findings);
    expect(program.refused).toEqual([]);
    expect(program.source).toContain(`QueueDestination.fromQueueId(this, "Queue1", "${QUEUE_ID}")`);
  });
});
