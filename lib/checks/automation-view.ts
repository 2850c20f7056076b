/** An automation as the checks see it, read back from either resource's Terraform JSON. */
export interface AutomationView {
  /** The resource's address, `type.name`. */
  readonly address: string;
  /** The writer: azurerm (API 2019-01-01-preview) or azapi. */
  readonly writer: "azurerm" | "azapi";
  /** The automation's name. */
  readonly name: string;
  /** The subscription it lives in, when literal. */
  readonly subscriptionId?: string;
  /** The sources with their rule sets. */
  readonly sources: ReadonlyArray<{ readonly eventSource: string; readonly ruleSets: ReadonlyArray<ReadonlyArray<RuleView>> }>;
  /** The actions. */
  readonly actions: readonly ActionView[];
}

/** One rule. */
export interface RuleView {
  readonly propertyJPath: string;
  readonly operator: string;
  readonly expectedValue: string;
  readonly propertyType: string;
}

/** One action. */
export interface ActionView {
  readonly actionType: string;
  readonly resourceId: string;
  readonly connectionString?: string;
  readonly trusted: boolean;
}

/** Reads an `azurerm_security_center_automation` from its resolved Terraform JSON. */
export function azurermView(address: string, r: any): AutomationView {
  return {
    address,
    writer: "azurerm",
    name: String(r.name),
    subscriptionId: subscriptionOf(r.scopes?.[0]),
    sources: (r.source ?? []).map((s: any) => ({
      eventSource: String(s.event_source),
      ruleSets: (s.rule_set ?? []).map((set: any) =>
        (set.rule ?? []).map((x: any) => ({
          propertyJPath: String(x.property_path),
          operator: String(x.operator),
          expectedValue: String(x.expected_value),
          propertyType: String(x.property_type),
        })),
      ),
    })),
    actions: (r.action ?? []).map((a: any) => ({
      actionType: String(a.type ?? ""),
      resourceId: String(a.resource_id),
      connectionString: a.connection_string,
      trusted: false,
    })),
  };
}

/** Reads an `azapi_resource` of type `Microsoft.Security/automations@…` from its resolved Terraform JSON. */
export function azapiView(address: string, r: any): AutomationView {
  const p = r.body?.properties ?? {};
  return {
    address,
    writer: "azapi",
    name: String(r.name),
    subscriptionId: subscriptionOf(r.parent_id),
    sources: (p.sources ?? []).map((s: any) => ({
      eventSource: String(s.eventSource),
      ruleSets: (s.ruleSets ?? []).map((set: any) =>
        (set.rules ?? []).map((x: any) => ({
          propertyJPath: String(x.propertyJPath),
          operator: String(x.operator),
          expectedValue: String(x.expectedValue),
          propertyType: String(x.propertyType),
        })),
      ),
    })),
    actions: (p.actions ?? []).map((a: any) => ({
      actionType: String(a.actionType ?? ""),
      resourceId: String(a.workspaceResourceId ?? a.eventHubResourceId ?? a.logicAppResourceId),
      connectionString: a.connectionString,
      trusted: a.isTrustedServiceEnabled === true,
    })),
  };
}

function subscriptionOf(id: unknown): string | undefined {
  const match = /^\/subscriptions\/([0-9a-f-]{36})(\/|$)/i.exec(String(id ?? ""));
  return match?.[1].toLowerCase();
}
