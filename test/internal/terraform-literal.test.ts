import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  AzapiProvider,
  ContinuousExport,
  CrossTenantAccess,
  EventHubDestination,
  Export,
  ExportingPrincipal,
  LogAnalyticsDestination,
  LogicAppDestination,
  Rule,
  RuleSet,
  Operator,
  PropertyType,
} from "../../lib";
import { escapeTemplate } from "../../lib/internal/terraform-literal";
import { SUB, stackWithProvider } from "../helpers";

const FILE = '${file("/etc/passwd")}';
const DIRECTIVE = "%{ if true }x%{ endif }";
const HOSTILE = `a${FILE}b${DIRECTIVE}c`;

/** Every `${` or `%{` in the synthesized text that Terraform would evaluate and that is not a reference the library made. */
function evaluated(json: string): string[] {
  const text = JSON.parse(json);
  const found: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(/(?<![$%])(\$\{|%\{)([^}]*)\}/g)) {
        const reference =
          /^[a-z][\w-]*(\.[\w-]+)+(\[[^\]]*\])*(\.[\w-]+)*$/.test(m[2]) || /^(join|slice|split|element|sensitive|sha256)\(/.test(m[2]);
        if (m[1] === "%{" || !reference) found.push(m[0]);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") Object.entries(v).forEach(([k, x]) => (visit(k), visit(x)));
  };
  visit(text);
  return found;
}

describe("escapeTemplate", () => {
  test("escapes literal template sequences, and only those", () => {
    expect(escapeTemplate(HOSTILE)).toBe('a$${file("/etc/passwd")}b%%{ if true }x%%{ endif }c');
    expect(escapeTemplate("plain $ and % and {braces}")).toBe("plain $ and % and {braces}");
  });

  test("leaves cdktf tokens in a mixed string as references", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const reference = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    const escaped = escapeTemplate(`${reference}-${FILE}`);
    expect(escaped.startsWith(reference)).toBe(true);
    expect(escaped.endsWith('-$${file("/etc/passwd")}')).toBe(true);
  });
});

describe("no text a user gives is evaluated by Terraform", () => {
  test("hostile text in descriptions, tags, filters, raw rules and names reaches the JSON escaped, through both writers", () => {
    for (const azapi of [false, true]) {
      const { stack } = stackWithProvider();
      new AzapiProvider(stack, "azapi", {});
      const tags = { "k${env.HOME}": HOSTILE };
      const ws = new LogAnalyticsDestination(stack, "Ws", {
        workspaceName: "law-export",
        resourceGroupName: "rg-export",
        location: "westeurope",
        tags,
      });
      const hub = new EventHubDestination(stack, "Hub", {
        namespaceName: "evhns-export-01",
        resourceGroupName: "rg-export",
        location: "westeurope",
        tags,
      });
      const flow = new LogicAppDestination(stack, "Flow", {
        workflowName: "la-export",
        resourceGroupName: "rg-export",
        location: "westeurope",
        tags,
      });
      new ContinuousExport(stack, "Export", {
        subscriptionId: SUB,
        resourceGroupName: "rg-export",
        location: "westeurope",
        description: HOSTILE,
        tags,
        exports: [
          Export.alerts({ displayNameContains: [HOSTILE] }),
          Export.recommendations({ where: [RuleSet.of(Rule.raw(`properties.${FILE}`, Operator.CONTAINS, HOSTILE, PropertyType.STRING))] }),
          ...(azapi ? [Export.attackPaths()] : []),
        ],
        destinations: [ws, hub, flow],
      });
      const json = Testing.synth(stack, true);
      expect(json).toContain("$${file(");
      expect(evaluated(json)).toEqual([]);
    }
  });

  test("the HCL form (`cdktf synth --hcl`) is escaped too", () => {
    const { stack } = stackWithProvider();
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      description: HOSTILE,
      exports: [Export.alerts({ displayNameContains: [HOSTILE] })],
      destinations: [
        LogAnalyticsDestination.fromWorkspaceId(
          stack,
          "Ws",
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-export",
        ),
      ],
    });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toContain("$${file(");
    expect(hcl).toContain("%%{ if true }");
    expect(hcl.match(/(?<![$%])(\$\{file|%\{ if)/g)).toBeNull();
  });

  test("a secret that starts with a reference and goes on as text: the text is escaped inside sensitive()", () => {
    const { stack } = stackWithProvider();
    new AzapiProvider(stack, "azapi", {});
    const reference = new TerraformVariable(stack, "trigger", { type: "string", sensitive: true }).stringValue;
    new ContinuousExport(stack, "Export", {
      subscriptionId: SUB,
      resourceGroupName: "rg-export",
      location: "westeurope",
      exports: [Export.attackPaths()],
      destinations: [
        LogicAppDestination.fromWorkflow(stack, "Flow", {
          workflowId: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Logic/workflows/la-export",
          triggerUrl: `${reference}${FILE}`,
        }),
      ],
    });
    const json = Testing.synth(stack, true);
    // The text's quotes escaped too: a quote that ended the string would make the rest of the text an expression.
    const uri = JSON.stringify(JSON.parse(json).resource.azapi_resource).match(/"uri":("(?:[^"\\]|\\.)*")/)?.[1];
    expect(uri && JSON.parse(uri)).toBe('${sensitive("${var.trigger}$${file(\\"/etc/passwd\\")}")}');
    expect(evaluated(json)).toEqual([]);
  });

  test("hostile display names of a Lighthouse delegation are escaped", () => {
    const { stack } = stackWithProvider();
    const ws = LogAnalyticsDestination.fromWorkspaceId(
      stack,
      "Ws",
      "/subscriptions/00000000-0000-0000-0000-000000000099/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law-central",
      { tenantId: "00000000-0000-0000-0000-0000000000cc" },
    );
    new CrossTenantAccess(stack, "Grant", {
      destinations: [ws],
      principal: ExportingPrincipal.lighthouse({ principalId: "00000000-0000-0000-0000-0000000000dd", displayName: HOSTILE }),
      exportingTenantId: "00000000-0000-0000-0000-0000000000aa",
    });
    const json = Testing.synth(stack);
    expect(json).toContain("$${file(");
    expect(evaluated(json)).toEqual([]);
  });
});
