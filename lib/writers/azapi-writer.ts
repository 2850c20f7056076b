import { DefaultTokenResolver, Lazy, StringConcat, TerraformProvider, Token, Tokenization } from "cdktf";
import { TerraformFunctions } from "../internal/terraform-functions";
import { escapeLiterals } from "../internal/terraform-literal";
import { Construct } from "constructs";
import { ExportActionConfig, secretOf } from "../kinds/action";
import { DestinationKind } from "../kinds/destination-kind";
import { createHash } from "node:crypto";
import { AzapiResource, AzapiResourceConfig } from "../internal/azapi";
import { resolveAzapiProvider } from "../internal/provider-check";
import { DataType } from "../model/data-type";
import { AutomationSpec } from "./automation-spec";
import { AutomationView, ResourceJson, subscriptionOf } from "./automation-view";
import type { GroupSpec, Writer } from "./writer";
import { coded } from "../model/errors";

/** The resource type and API version the azapi writer uses. */
export const AUTOMATION_TYPE_2023_12 = "Microsoft.Security/automations@2023-12-01-preview";
/** The API version created resource groups are written and read with. */
const RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups@2021-04-01";

/**
 * The request body of `Microsoft.Security/automations@2023-12-01-preview`, with the REST API's
 * property names. Scope descriptions are those the azurerm provider writes (`scope for <id>`).
 */
export function automationBody(spec: AutomationSpec): { [key: string]: unknown } {
  return {
    properties: {
      description: spec.description,
      isEnabled: spec.enabled,
      scopes: spec.scopes.map((scopePath) => ({ description: `scope for ${scopePath}`, scopePath })),
      sources: spec.sources.map((s) => ({
        eventSource: s.eventSource,
        ...(s.ruleSets.length === 0
          ? {}
          : {
              ruleSets: s.ruleSets.map((set) => ({
                rules: set.rules.map((r) => ({
                  propertyJPath: r.propertyJPath,
                  propertyType: r.propertyType.value,
                  expectedValue: r.expectedValue,
                  operator: r.operator.value,
                })),
              })),
            }),
      })),
      actions: spec.actions.map(actionBody),
    },
  };
}

/**
 * A REST action: the kind's wire names, with the secret or, as a trusted service, none. The secret is
 * wrapped in Terraform's `sensitive()`, so that no plan prints it.
 */
function actionBody(action: ExportActionConfig): { [key: string]: unknown } {
  const { kind } = action;
  const secret = secretOf(action);
  return {
    actionType: kind.actionType,
    [kind.resourceIdProperty]: action.resourceId,
    ...(action.trustedService && kind.trustedServiceProperty
      ? { [kind.trustedServiceProperty]: true }
      : kind.secretProperty
        ? { [kind.secretProperty]: secret === undefined ? undefined : TerraformFunctions.sensitive(secret) }
        : {}),
  };
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** The secrets of the actions (connection strings, trigger URLs), as given. */
function secretsOf(spec: AutomationSpec): string[] {
  return spec.actions
    .filter((a) => !a.trustedService && a.kind.secretProperty)
    .map(secretOf)
    .filter((s): s is string => typeof s === "string");
}

/**
 * The request split for azapi's write-only `sensitive_body` (azapi 2.4+, Terraform 1.11+), which never
 * enters the plan or the state: when an action carries a secret, the whole `actions` list goes there (azapi
 * merges it into `body`; `body` keeps no `actions`, so the two never overlap). azurerm's automation resource
 * has no write-only form and stores `connection_string` / `trigger_url` in the state.
 *
 * Write-only values are not compared with the state, and with a `sensitive_body_version` azapi sends
 * `properties.actions` only on create and when its version changes. The version is a SHA-256, computed by
 * Terraform, of the secrets and a digest of the rest of the request (body, scopes, actions, tags as
 * written): a rotated secret (a regenerated key, a new callback URL) or any change to the automation changes
 * it, so the next apply re-sends the actions with their secrets, and no update reaches Azure without them.
 * The digest in the state reveals neither a key nor a URL.
 */
function writeOnlyActions(
  spec: AutomationSpec,
  body: { [key: string]: unknown },
): Pick<AzapiResourceConfig, "body" | "sensitiveBody" | "sensitiveBodyVersion"> {
  const secrets = secretsOf(spec);
  if (secrets.length === 0) return { body };
  const { actions, scopes, ...rest } = body.properties as { [key: string]: unknown };
  // Scopes below the subscription (a change of subscription replaces the resource): so a fleet's `each.key`
  // and a literal subscription give one digest, and moving between layouts changes nothing.
  const prefix = `/subscriptions/${spec.subscriptionId}`;
  const within = (scopes as Array<{ scopePath: string }>).map(({ scopePath: p }) => (p.startsWith(prefix) ? p.slice(prefix.length) || "/" : p));
  // References as the expressions synth writes (a token's placeholder changes from one program to the next).
  // Produced inside a function call, a lazy value is written as an expression: a hex digest in quotes is a string literal.
  const request = Lazy.stringValue({
    produce: (context) =>
      `"${createHash("sha256")
        .update(
          // The request as the door writes it (text that looks like a token is text), resolved as synth resolves it.
          JSON.stringify(
            Tokenization.resolve(escapeLiterals({ rest, within, actions, tags: spec.tags ?? null }), { scope: context.scope, resolver: RESOLVER }),
          ),
        )
        .digest("hex")}"`,
  });
  return {
    body: { properties: { ...rest, scopes } },
    sensitiveBody: { properties: { actions } },
    // A literal secret (a Logic App URL given as text) enters the expression as its digest, not as itself.
    sensitiveBodyVersion: {
      "properties.actions": TerraformFunctions.sha256(
        TerraformFunctions.joinTexts("|", [
          request,
          ...secrets.map((x) => (Token.isUnresolved(x) ? x : createHash("sha256").update(x).digest("hex"))),
        ]),
      ),
    },
  };
}

/** A secret as written, without the `sensitive()` the writer wraps it in: `${sensitive(x.y)}` reads back as `${x.y}`. */
function withoutSensitive(secret: unknown): string | undefined {
  if (typeof secret !== "string") return undefined;
  const wrapped = /^\$\{sensitive\((.*)\)\}$/.exec(secret);
  return wrapped ? `\${${wrapped[1]}}` : secret;
}

/**
 * `azapi_resource` of `Microsoft.Security/automations@2023-12-01-preview`, addressed by `parent_id`, so
 * one azapi provider can write into any subscription its identity may write to. Secrets go in the
 * write-only `sensitive_body`, never in the plan or the state.
 */
export const AZAPI_WRITER: Writer = {
  name: "azapi",
  writtenAs: `azapi_resource ${AUTOMATION_TYPE_2023_12}`,
  api: "API 2023-12-01-preview",
  eventSources: DataType.ALL.flatMap((t) => t.eventSources),
  exactPropertyTypes: false,
  automationType: "azapi_resource",
  resourceGroupType: "azapi_resource",
  cannotExpress: () => [],

  write(scope: Construct, id: string, spec: AutomationSpec, provider: TerraformProvider | undefined): AzapiResource {
    return new AzapiResource(scope, id, {
      resourceType: AUTOMATION_TYPE_2023_12,
      name: spec.name,
      parentId: `/subscriptions/${spec.subscriptionId}/resourceGroups/${spec.resourceGroupName}`,
      location: spec.location,
      ...writeOnlyActions(spec, automationBody(spec)),
      tags: spec.tags,
      dependsOn: spec.dependsOn.length > 0 ? [...spec.dependsOn] : undefined,
      provider,
    });
  },

  read(address: string, r: ResourceJson): AutomationView | undefined {
    if (!address.startsWith("azapi_resource.") || !String(r.type).startsWith("Microsoft.Security/automations@")) return undefined;
    // Actions with secrets are written to the write-only `sensitive_body`.
    const p = { ...(r.body?.properties ?? {}), ...(r.sensitive_body?.properties ?? {}) };
    return {
      address,
      writer: AZAPI_WRITER,
      name: String(r.name),
      subscriptionId: subscriptionOf(r.parent_id),
      location: r.location,
      enabled: p.isEnabled !== false,
      description: p.description,
      scopes: (p.scopes ?? []).map((x: ResourceJson) => String(x.scopePath)),
      sources: (p.sources ?? []).map((s: ResourceJson) => ({
        eventSource: String(s.eventSource),
        ruleSets: (s.ruleSets ?? []).map((set: ResourceJson) =>
          (set.rules ?? []).map((x: ResourceJson) => ({
            propertyJPath: String(x.propertyJPath),
            operator: String(x.operator),
            expectedValue: String(x.expectedValue),
            propertyType: String(x.propertyType),
          })),
        ),
      })),
      actions: (p.actions ?? []).map((a: ResourceJson) => {
        const kind = DestinationKind.ofActionType(a.actionType);
        return {
          actionType: String(a.actionType ?? ""),
          resourceId: String(
            (kind ? a[kind.resourceIdProperty] : undefined) ??
              DestinationKind.ALL.map((k) => a[k.resourceIdProperty]).find((v) => v !== undefined && v !== null) ??
              "",
          ),
          secret: kind?.secretProperty ? withoutSensitive(a[kind.secretProperty]) : undefined,
          trusted: DestinationKind.ALL.some((k) => k.trustedServiceProperty !== undefined && a[k.trustedServiceProperty] === true),
        };
      }),
    };
  },

  // Through azapi too, so that one azapi provider serves any number of subscriptions.
  writeResourceGroup(scope: Construct, id: string, group: GroupSpec, provider: TerraformProvider | undefined): AzapiResource {
    return new AzapiResource(scope, id, {
      resourceType: RESOURCE_GROUP_TYPE,
      name: group.name,
      parentId: `/subscriptions/${group.subscriptionId}`,
      location: group.location,
      body: {},
      tags: group.tags,
      provider,
    });
  },

  // parent_id is built from the literal name: the automation waits for the group explicitly.
  placedIn: (spec: AutomationSpec, group) => ({ ...spec, dependsOn: [...spec.dependsOn, group] }),

  // azapi reads an imported resource with the API version the id names.
  importId: (resourceId: string) =>
    `${resourceId}?api-version=${/\/providers\/Microsoft\.Security\/automations\//i.test(resourceId) ? AUTOMATION_TYPE_2023_12.split("@")[1] : RESOURCE_GROUP_TYPE.split("@")[1]}`,

  providerOf(scope, given) {
    return resolveAzapiProvider(scope, given.azapiProvider);
  },

  givenProvider: (given) => given.azapiProvider,

  recordAtSynth: () => [],

  checkProvider({ scope, given }) {
    if (AZAPI_WRITER.providerOf(scope, given)) return [];
    return [
      `${coded("DFE050", scope.node.path)}this export writes automations through azapi (API 2023-12-01-preview), but the stack has no azapi provider. ` +
        `Add one, e.g. new AzapiProvider(this, "azapi", {}) with AzapiProvider imported from "cdktf-defender-export", or pass \`azapiProvider\`.`,
    ];
  },
};
