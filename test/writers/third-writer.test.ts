import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import type { AutomationSpec } from "../../lib/writers/automation-spec";
import type { AutomationView, ResourceJson } from "../../lib/writers/automation-view";
import type { Writer } from "../../lib/writers/writer";
import { WRITERS } from "../../lib/writers/writer";

/**
 * A third writer is its own file plus its line in `lib/writers/all-writers.ts` (and, for users to ask for it,
 * an `AutomationWriter` constant of its name): nothing outside lib/writers/ asks which writer it is. The
 * static test finds such questions; the others run a made-up writer, added to the list alone, through the
 * generic paths: AUTO's choice, the resource group, the write, the read back and the checks.
 */

const LIB = join(__dirname, "..", "..", "lib");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));

/** A comparison with one writer object or one writer's name. */
const WRITER_SWITCH =
  /[!=]==\s*(AZURERM_WRITER|AZAPI_WRITER|"azurerm"|"azapi")\b(?!\.)|\b(AZURERM_WRITER|AZAPI_WRITER)\s*[!=]==|\.name\s*[!=]==\s*"az/;
/**
 * Comparisons with `AutomationWriter` constants outside lib/writers/: only the fleet's, whose FOR_EACH layout
 * is written through azapi by design (one provider, `parent_id` per subscription), not a per-writer branch.
 */
const AUTOMATION_WRITER_SWITCH = /[!=]==\s*AutomationWriter\.(AZURERM|AZAPI|AUTO)\b/;
const FOR_EACH_LAYOUT = ["fleet/continuous-export-fleet.ts", "fleet/fleet-checks.ts", "fleet/for-each-export.ts"];

test("no lib file outside lib/writers/ asks which writer it is", () => {
  const found = files(LIB)
    .map((f) => relative(LIB, f).replace(/\\/g, "/"))
    .filter((f) => !f.startsWith("writers/"))
    .flatMap((f) =>
      readFileSync(join(LIB, f), "utf8")
        .split("\n")
        .filter((line) => WRITER_SWITCH.test(line) || (AUTOMATION_WRITER_SWITCH.test(line) && !FOR_EACH_LAYOUT.includes(f)))
        .map((line) => `${f}: ${line.trim()}`),
    );
  expect(found).toEqual([]);
});

test("the switch finder catches a comparison with a writer", () => {
  for (const line of ["if (a.writer === AZURERM_WRITER) x();", 'writer.name === "azapi"', "AZAPI_WRITER !== w", "w === AutomationWriter.AZAPI"]) {
    expect(WRITER_SWITCH.test(line) || AUTOMATION_WRITER_SWITCH.test(line)).toBe(true);
  }
});

test("each writer of the list has its AutomationWriter constant, by name", () => {
  const { AutomationWriter } = jest.requireActual<typeof import("../../lib/writers/writer")>("../../lib/writers/writer");
  const named = Object.values(AutomationWriter).filter((v) => v instanceof AutomationWriter);
  expect(named.map((w) => w.name).sort()).toEqual(["auto", ...WRITERS.map((w) => w.name)].sort());
});

// ---- a made-up third writer, added to the list alone ---------------------------------------------------

type Modules = {
  cdktf: typeof import("cdktf");
  lib: typeof import("../../lib");
  azurerm: typeof import("@cdktf/provider-azurerm/lib/provider");
  writer: typeof import("../../lib/writers/writer");
  rules: typeof import("../../lib/checks/rules/rule");
  dfc004: typeof import("../../lib/checks/rules/dfc004-rejected-value");
};

/** A writer as its own file would declare it: one Terraform resource per automation, the REST names as attributes. */
function fakeWriter(cdktf: typeof import("cdktf")): Writer {
  class FakeResource extends cdktf.TerraformResource {
    constructor(
      scope: Construct,
      id: string,
      private readonly attributes: { [key: string]: unknown },
      provider: TerraformProvider | undefined,
    ) {
      super(scope, id, { terraformResourceType: "fake_automation", provider });
    }
    protected override synthesizeAttributes(): { [name: string]: unknown } {
      return this.attributes;
    }
  }
  const writer: Writer = {
    name: "fake",
    writtenAs: "fake_automation (API fake-1)",
    api: "API fake-1",
    automationType: "fake_automation",
    resourceGroupType: "fake_automation",
    eventSources: ["Alerts", "Assessments"],
    exactPropertyTypes: false,
    cannotExpress: (spec) => spec.sources.filter((s) => !writer.eventSources.includes(s.eventSource)).map((s) => `${s.eventSource} (data type)`),
    write: (scope: Construct, id: string, spec: AutomationSpec, provider) =>
      new FakeResource(
        scope,
        id,
        {
          name: spec.name,
          location: spec.location,
          parent: `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroupName}`,
          scopes: [...spec.scopes],
          sources: spec.sources.map((s) => ({
            eventSource: s.eventSource,
            ruleSets: s.ruleSets.map((set) =>
              set.rules.map((r) => ({
                propertyJPath: r.propertyJPath,
                operator: r.operator.value,
                expectedValue: r.expectedValue,
                propertyType: r.propertyType.value,
              })),
            ),
          })),
          actions: spec.actions.map((a) => ({ actionType: a.kind.actionType, resourceId: a.resourceId })),
        },
        provider,
      ),
    read: (address: string, r: ResourceJson): AutomationView | undefined =>
      address.startsWith("fake_automation.") && r.sources
        ? {
            address,
            writer,
            name: r.name,
            subscriptionId: String(r.parent).split("/")[2],
            location: r.location,
            enabled: true,
            scopes: r.scopes,
            sources: r.sources,
            actions: r.actions.map((a: ResourceJson) => ({ actionType: a.actionType, resourceId: a.resourceId, trusted: false })),
          }
        : undefined,
    writeResourceGroup: (scope, id, group, provider) => new FakeResource(scope, id, { group: group.name, location: group.location }, provider),
    placedIn: (spec, group) => ({ ...spec, dependsOn: [...spec.dependsOn, group] }),
    importId: (resourceId) => resourceId,
    providerOf: (_scope, given) => given.provider,
    givenProvider: (given) => given.provider,
    recordAtSynth: () => [],
    checkProvider: () => [],
  };
  return writer;
}

/** The library loaded afresh with the fake writer first in `lib/writers/all-writers.ts` and no other change. */
function withThirdWriter(): Modules & { fake: Writer } {
  let loaded: (Modules & { fake: Writer }) | undefined;
  jest.isolateModules(() => {
    const cdktf: typeof import("cdktf") = require("cdktf");
    const fake = fakeWriter(cdktf);
    jest.doMock("../../lib/writers/all-writers", () => {
      const actual = jest.requireActual<typeof import("../../lib/writers/all-writers")>("../../lib/writers/all-writers");
      return { WRITERS: [fake, ...actual.WRITERS] };
    });
    loaded = {
      cdktf,
      fake,
      lib: require("../../lib"),
      azurerm: require("@cdktf/provider-azurerm/lib/provider"),
      writer: require("../../lib/writers/writer"),
      rules: require("../../lib/checks/rules/rule"),
      dfc004: require("../../lib/checks/rules/dfc004-rejected-value"),
    };
  });
  jest.dontMock("../../lib/writers/all-writers");
  return loaded!;
}

describe("a third writer, declared in one file and listed once", () => {
  const m = withThirdWriter();
  const SUB = "00000000-0000-0000-0000-000000000001";
  const WORKSPACE =
    "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc";

  /** Every automation of an export of `exports` to a workspace, read back by whichever writer wrote it. */
  function exportedViews(exports: () => import("../../lib").Export[], writer?: import("../../lib").AutomationWriter): AutomationView[] {
    const app = m.cdktf.Testing.app();
    const stack = new m.cdktf.TerraformStack(app, "test");
    new m.azurerm.AzurermProvider(stack, "azurerm", { features: [{}], subscriptionId: SUB });
    new m.lib.AzapiProvider(stack, "azapi", {});
    new m.lib.ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-sec",
      location: "westeurope",
      createResourceGroup: true,
      exports: exports(),
      destinations: [m.lib.LogAnalyticsDestination.fromWorkspaceId(stack, "Soc", WORKSPACE)],
      ...(writer ? { writer } : {}),
    });
    const json = JSON.parse(m.cdktf.Testing.synth(stack, true));
    return Object.entries(json.resource as Record<string, Record<string, ResourceJson>>).flatMap(([type, byName]) =>
      Object.entries(byName).flatMap(([name, r]) => {
        const view = m.writer.readAutomation(`${type}.${name}`, r);
        return view ? [view] : [];
      }),
    );
  }
  const withoutWriter = ({ writer: _w, address: _a, description: _d, ...rest }: AutomationView) => rest;

  test("AUTO picks it where it can express the automation, and it writes the created resource group", () => {
    const choice = m.writer.chooseWriters({ createResourceGroup: true }, "test/Export");
    expect(choice.group).toBe(m.fake);
    expect(choice.candidates[0]).toBe(m.fake);
    expect(m.writer.isAutomationWriter(m.writer.AutomationWriter.AZAPI)).toBe(true);
  });

  test("what it writes it reads back: the same automation the azapi writer writes and reads", () => {
    const exports = () => [m.lib.Export.alerts({ severities: [m.lib.AlertSeverity.HIGH, m.lib.AlertSeverity.MEDIUM] })];
    const ours = exportedViews(exports);
    expect(ours.map((v) => v.writer)).toEqual([m.fake]);
    const azapi = exportedViews(exports, m.writer.AutomationWriter.AZAPI);
    expect(azapi.map((v) => v.writer.name)).toEqual(["azapi"]);
    // The fake writes no description; everything else reads back as azapi's does.
    expect(withoutWriter(ours[0])).toEqual(withoutWriter(azapi[0]));
    expect(ours[0].sources.map((s) => s.ruleSets.length)).toEqual([2]); // one rule set per severity: the comparison is not of empty lists
  });

  test("AUTO passes an automation it cannot express to the next writer", () => {
    const views = exportedViews(() => [m.lib.Export.attackPaths()]);
    expect(views.map((v) => v.writer.name)).toEqual(["azapi"]);
  });

  test("the checks read its API from it: an event source its API rejects is named with its name and API", () => {
    const ours = exportedViews(() => [m.lib.Export.alerts()])[0];
    const view = { ...ours, sources: [{ eventSource: "SubAssessments", ruleSets: [] }] };
    const hits = m.dfc004.DFC004.check(m.rules.checkInput({ origin: "stack", automations: [view] }));
    expect(hits.map((h) => h.message)).toEqual([expect.stringContaining('event source "SubAssessments" is rejected by fake (API fake-1).')]);
  });
});
