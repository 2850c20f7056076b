import { TerraformVariable } from "cdktf";
import { LogicAppDestination } from "../../lib";
import { errorOf, onlyResource, stackWithProvider, synthJson, resolved } from "../helpers";

const WORKFLOW_ID = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Logic/workflows/la-ticket";

describe("LogicAppDestination", () => {
  test("creates a workflow with an HTTP request trigger whose callback URL the automation uses", () => {
    const { stack } = stackWithProvider();
    const d = new LogicAppDestination(stack, "Ticket", { workflowName: "la-ticket", resourceGroupName: "rg", location: "westeurope" });
    const json = synthJson(stack);
    expect(onlyResource(json, "azurerm_logic_app_workflow")).toMatchObject({ name: "la-ticket" });
    expect(onlyResource(json, "azurerm_logic_app_trigger_http_request")).toMatchObject({ name: "manual", schema: "{}" });
    expect(resolved(stack, d.bind(stack))).toMatchObject({
      resourceId: "${azurerm_logic_app_workflow.Ticket_Workflow_BF04425D.id}",
      triggerUrl: "${azurerm_logic_app_trigger_http_request.Ticket_Trigger_A243FAC9.callback_url}",
    });
  });

  test("an existing workflow takes its trigger URL as a sensitive variable", () => {
    const { stack } = stackWithProvider();
    const url = new TerraformVariable(stack, "trigger_url", { type: "string", sensitive: true });
    const d = LogicAppDestination.fromWorkflow(stack, "Ticket", { workflowId: WORKFLOW_ID, triggerUrl: url.stringValue });
    expect(resolved(stack, d.bind(stack).triggerUrl)).toBe("${var.trigger_url}");
    expect(d.description).toBe("Logic App la-ticket (existing, in rg)");
    expect(synthJson(stack).variable.trigger_url.sensitive).toBe(true);
  });

  test("a literal signed trigger URL is refused, naming the sensitive-variable fix, without the secret", () => {
    const { stack } = stackWithProvider();
    const message = errorOf(() =>
      LogicAppDestination.fromWorkflow(stack, "Ticket", {
        workflowId: WORKFLOW_ID,
        triggerUrl: "https://prod.logic.azure.com/workflows/x?api-version=2016-10-01&sp=%2Ftriggers&sig=SECRET",
      }),
    );
    expect(message).toMatch(/^\[DFE049\] test\/Ticket: .*sensitive: true/);
    expect(message).not.toContain("SECRET");
  });

  test("a literal unsigned trigger URL (e.g. behind a gateway) works but is warned about, without the URL in the warning", () => {
    const { stack } = stackWithProvider();
    LogicAppDestination.fromWorkflow(stack, "Ticket", { workflowId: WORKFLOW_ID, triggerUrl: "https://gateway.example.com/SECRET-path" });
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn");
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].data)).toMatch(/^\[DFW003\] .*trigger URL is a literal/);
    expect(String(warnings[0].data)).not.toContain("SECRET");
  });

  test("bad input is refused", () => {
    const { stack } = stackWithProvider();
    expect(errorOf(() => LogicAppDestination.fromWorkflow(stack, "A", { workflowId: WORKFLOW_ID, triggerUrl: "ftp://x" }))).toMatch(
      /DFE048\] test\/A/,
    );
    expect(errorOf(() => LogicAppDestination.fromWorkflow(stack, "B", { workflowId: "/subscriptions/x", triggerUrl: "https://x" }))).toMatch(
      /DFE040/,
    );
  });
});
