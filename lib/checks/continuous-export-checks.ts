import {
  Annotations,
  Aspects,
  DefaultTokenResolver,
  IAspect,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformLocal,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Tokenization,
} from "cdktf";
import { IConstruct } from "constructs";
import { ExportConfigError } from "../model/errors";
import { AutomationView, ResourceJson } from "../writers/automation-view";
import { WRITERS, readAutomation } from "../writers/writer";
import { instancesOf } from "../writers/instances";
import {
  CHECK_RULES,
  CheckRule,
  Finding,
  checkAutomation,
  checkBroadRoles,
  checkOutputs,
  checkPortalVisibility,
  checkRoleScopes,
  checkSendRights,
  checkSharedDelegations,
} from "./rules";
import { checkManageKeys, checkRoleGranting, checkWholeValueOutputs } from "./key-and-grant-rules";
import { checkNamespaceAccess } from "./namespace-access";
import { warnOnce } from "../internal/warnings";

const SUPPRESSION = "cdktf-defender-export:suppress";

/** Options of {@link ContinuousExportChecks}. */
export interface ContinuousExportChecksProps {
  /** Report warnings as errors (synth fails on them too). @default false */
  readonly warningsAsErrors?: boolean;
}

/**
 * An opt-in check pack, in the style of cdk-nag: add it to your stacks, and it inspects every
 * `azurerm_security_center_automation` and every automation written through azapi in each stack,
 * whether this library made it or not, plus the outputs and role assignments around them, and reports
 * each finding as an error (synth fails) or warning annotation on the resource:
 *
 * ```ts
 * ContinuousExportChecks.addTo(app);           // every stack of the app, after the stacks exist
 * ContinuousExportChecks.suppress(handWrittenAutomation, "DFC006", "the second export is API-only on purpose");
 * ```
 *
 * (cdktf invokes aspects from each stack down, so an aspect added to the app itself is never run:
 * `addTo` adds the pack to each stack.)
 *
 * The checks are listed in {@link ContinuousExportChecks.RULES} and in docs/check-pack.md.
 */
export class ContinuousExportChecks implements IAspect {
  /** Every check: id, level and what it finds. */
  public static readonly RULES: CheckRule[] = [...CHECK_RULES];

  /**
   * Silences one check for a construct and everything below it (e.g. one resource, or a whole
   * `ContinuousExport`). The reason is required and kept in the construct's metadata.
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    if (!CHECK_RULES.some((r) => r.id === ruleId)) {
      throw new ExportConfigError(
        "DFE100",
        `${construct.node.path}: "${ruleId}" is not a check. Checks: ${CHECK_RULES.map((r) => r.id).join(", ")}.`,
      );
    }
    if (typeof reason !== "string" || reason.trim().length < 8) {
      throw new ExportConfigError("DFE101", `${construct.node.path}: suppressing ${ruleId} needs a reason (a sentence, for the next reader).`);
    }
    construct.node.addMetadata(SUPPRESSION, { id: ruleId, reason });
  }

  /**
   * Adds the pack to a stack, or to every stack of an app (those that exist when this is called).
   * @returns the pack
   */
  public static addTo(scope: IConstruct, props: ContinuousExportChecksProps = {}): ContinuousExportChecks {
    const pack = new ContinuousExportChecks(props);
    const stacks = scope instanceof TerraformStack ? [scope] : scope.node.findAll().filter((c): c is TerraformStack => c instanceof TerraformStack);
    stacks.forEach((stack) => Aspects.of(stack).add(pack));
    return pack;
  }

  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly props: ContinuousExportChecksProps = {}) {}

  /** @inheritdoc */
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack) || this.checked.has(node)) return;
    this.checked.add(node);
    const elements = node.node.findAll().filter((c): c is TerraformElement => c instanceof TerraformElement);
    const byAddress = new Map<string, { element: TerraformElement; json: ResourceJson }>();
    const automations: AutomationView[] = [];
    const rules = new Map<string, ResourceJson>();
    const outputs = new Map<string, ResourceJson>();
    const roles = new Map<string, ResourceJson>();
    const delegations = new Map<string, ResourceJson>();
    const definitions = new Map<string, ResourceJson>();
    const namespaces = new Map<string, ResourceJson>();
    const locals: ResourceJson = Object.assign(
      {},
      ...elements.filter((e): e is TerraformLocal => e instanceof TerraformLocal).map((e) => resolved(node, e).locals ?? {}),
    );
    for (const element of elements) {
      if (element instanceof TerraformResource) {
        const type = element.terraformResourceType;
        const address = `${type}.${element.friendlyUniqueId}`;
        const relevant =
          WRITERS.some((w) => w.automationType === type) ||
          type === "azurerm_role_assignment" ||
          type === "azurerm_lighthouse_assignment" ||
          type === "azurerm_lighthouse_definition" ||
          type === "azurerm_eventhub_authorization_rule" ||
          type === "azurerm_eventhub_namespace_authorization_rule" ||
          type === "azurerm_eventhub_namespace";
        if (!relevant) continue;
        // A for_each resource is checked per instance (one subscription of a fleet each).
        for (const { address: at, json } of instancesOf(address, resolved(node, element).resource[type][element.friendlyUniqueId], locals)) {
          byAddress.set(at, { element, json });
          const automation = readAutomation(at, json);
          if (automation) automations.push(automation);
          else if (type === "azurerm_role_assignment") roles.set(at, json);
          else if (type === "azurerm_lighthouse_assignment") delegations.set(at, json);
          else if (type === "azurerm_lighthouse_definition") definitions.set(at, json);
          else if (type.endsWith("_authorization_rule")) rules.set(at, json);
          else if (type === "azurerm_eventhub_namespace") namespaces.set(at, json);
        }
      } else if (element instanceof TerraformDataSource && /_authorization_rule$|^azurerm_eventhub_namespace$/.test(element.terraformResourceType)) {
        // Keys read back from Azure: who holds them (a rule's rights, the namespace's root key) matters, not their text.
        const type = element.terraformResourceType;
        rules.set(`data.${type}.${element.friendlyUniqueId}`, resolved(node, element).data[type][element.friendlyUniqueId]);
      } else if (element instanceof TerraformOutput) {
        const address = `output.${element.friendlyUniqueId}`;
        const json = resolved(node, element).output[element.friendlyUniqueId];
        byAddress.set(address, { element, json });
        outputs.set(address, json);
      }
    }
    const findings: Finding[] = [
      ...automations.flatMap((a) => checkAutomation(a)),
      ...checkSendRights(automations, rules),
      ...checkNamespaceAccess(automations, rules, namespaces),
      ...checkPortalVisibility(automations),
      ...checkOutputs(outputs),
      ...checkRoleScopes(roles),
      ...checkBroadRoles(roles),
      ...checkSharedDelegations(delegations, definitions),
      ...checkRoleGranting(roles),
      ...checkManageKeys(automations, rules),
      ...checkWholeValueOutputs(outputs),
    ];
    for (const finding of findings) {
      const at = byAddress.get(finding.address);
      if (at) this.report(at.element, finding);
    }
  }

  private report(element: IConstruct, finding: Finding): void {
    if (isSuppressed(element, finding.ruleId)) return;
    const rule = CHECK_RULES.find((r) => r.id === finding.ruleId);
    if (!rule) return;
    const message = `[${rule.id}] ${finding.message} (Suppress with ContinuousExportChecks.suppress(construct, "${rule.id}", reason).)`;
    if (rule.level === "error" || this.props.warningsAsErrors) Annotations.of(element).addError(message);
    else warnOnce(element, message);
  }
}

function isSuppressed(construct: IConstruct, ruleId: string): boolean {
  return construct.node.scopes.some((scope) => scope.node.metadata.some((m) => m.type === SUPPRESSION && (m.data as { id: string }).id === ruleId));
}

function resolved(scope: IConstruct, element: TerraformElement): ResourceJson {
  return Tokenization.resolve(element.toTerraform(), { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}
