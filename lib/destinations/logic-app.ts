import { BRANDS } from "../model/brand";
import { TerraformProvider, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { AzurermLogicAppTriggerHttpRequest, AzurermLogicAppWorkflow, LogicAppTriggerHttpRequest, LogicAppWorkflow } from "../internal/azurerm";
import { parseResourceId } from "../internal/resource-id";
import { inWords } from "../internal/words";
import { ExportConfigError, atPath, coded, describeValue } from "../model/errors";
import { NAME_RULES, checkName, checkOptionalName, checkTags } from "../internal/inputs";
import { ExistingDestinationOptions, forgetCreatedBefore } from "./created-before";
import {
  DestinationKind,
  DestinationOptions,
  DestinationPlacement,
  ExportActionConfig,
  IExportDestination,
  IPlacedDestination,
  checkDestinationTenant,
  destinationTenant,
} from "./destination";
import { warnOnce } from "../internal/warnings";

/** Properties of a new Logic App (Consumption) workflow that Defender for Cloud triggers. */
export interface LogicAppDestinationProps extends DestinationOptions {
  /** The workflow name. */
  readonly workflowName: string;
  /** The resource group (it must exist or be created in the same stack). */
  readonly resourceGroupName: string;
  /** The Azure region. */
  readonly location: string;
  /** The name of the HTTP request trigger. @default "manual" */
  readonly triggerName?: string;
  /** Tags for the workflow. @default none */
  readonly tags?: { [key: string]: string };
}

/** An existing Consumption workflow. */
export interface ExistingLogicAppOptions extends ExistingDestinationOptions {
  /** The workflow's resource id. */
  readonly workflowId: string;
  /**
   * The callback URL of the workflow's trigger. It is a secret (it carries a signature): pass a
   * sensitive Terraform variable or another resource's attribute, not a literal.
   */
  readonly triggerUrl: string;
}

/**
 * A Logic App (Consumption) as destination: workflow automation, e.g. to open a ticket for each
 * high-severity alert. Defender for Cloud calls the trigger's callback URL with each record.
 *
 * `new LogicAppDestination(...)` creates a workflow with an HTTP request trigger whose callback URL the
 * automation uses; add the workflow's actions to {@link LogicAppDestination.workflow}.
 * `LogicAppDestination.fromWorkflow` uses an existing workflow.
 */
export class LogicAppDestination extends Construct implements IPlacedDestination {
  /** An existing Consumption workflow with its trigger URL. */
  public static fromWorkflow(scope: Construct, id: string, options: ExistingLogicAppOptions): IExportDestination {
    return new ImportedLogicApp(scope, id, options);
  }

  /** @inheritdoc */
  public readonly kind = DestinationKind.LOGIC_APP;
  /** @inheritdoc */
  public readonly description: string;
  /** The workflow, for its actions. */
  public readonly workflow: AzurermLogicAppWorkflow;
  /** The HTTP request trigger Defender for Cloud calls. */
  public readonly trigger: AzurermLogicAppTriggerHttpRequest;
  /** @inheritdoc */
  public readonly placement: DestinationPlacement;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: LogicAppDestinationProps,
  ) {
    super(scope, id);
    BRANDS.destination.mark(this);
    checkDestinationTenant(this, props);
    atPath(this.node.path, () => {
      if (props === null || typeof props !== "object")
        throw new ExportConfigError("DFE120", `the props must be an object, got ${describeValue(props)}.`);
      checkName("workflowName", props.workflowName, NAME_RULES.logicApp);
      checkName("resourceGroupName", props.resourceGroupName, NAME_RULES.resourceGroup);
      checkName("location", props.location, NAME_RULES.location);
      checkOptionalName("triggerName", props.triggerName, NAME_RULES.trigger);
      checkTags("tags", props.tags);
    });
    this.workflow = new LogicAppWorkflow(this, "Workflow", {
      name: props.workflowName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
      provider: props.provider,
    });
    this.trigger = new LogicAppTriggerHttpRequest(this, "Trigger", {
      name: props.triggerName ?? "manual",
      logicAppId: this.workflow.id,
      schema: "{}",
      provider: props.provider,
    });
    this.placement = { resourceGroupName: props.resourceGroupName, resources: [this.workflow] };
    this.description = `Logic App ${inWords(props.workflowName, "(name set at apply)")} (new, in ${inWords(props.resourceGroupName, "a resource group created with it")})`;
  }

  /** @inheritdoc */
  public get provider(): TerraformProvider | undefined {
    return this.props.provider;
  }

  /** @inheritdoc */
  public get tenantId(): string | undefined {
    return destinationTenant(this, this.props);
  }

  /** @inheritdoc */
  public bind(_automation: IConstruct): ExportActionConfig {
    return { kind: this.kind, resourceId: this.workflow.id, triggerUrl: this.trigger.callbackUrl };
  }
}

/** A URL that carries a shared access signature: a Logic App callback URL with its key. */
const SIGNED_URL = /[?&](sig|sv|sp)=/i;

class ImportedLogicApp extends Construct implements IExportDestination {
  public readonly kind = DestinationKind.LOGIC_APP;
  public readonly description: string;

  constructor(
    scope: Construct,
    id: string,
    private readonly options: ExistingLogicAppOptions,
  ) {
    super(scope, id);
    BRANDS.destination.mark(this);
    checkDestinationTenant(this, options);
    forgetCreatedBefore(this, DestinationKind.LOGIC_APP, options);
    const parts = atPath(this.node.path, () => {
      const url = options.triggerUrl;
      if (typeof url !== "string" || (!Token.isUnresolved(url) && !/^https:\/\/\S+$/.test(url))) {
        throw new ExportConfigError(
          "DFE048",
          "`triggerUrl` must be the trigger's https callback URL, passed as a sensitive variable or a resource attribute.",
        );
      }
      if (!Token.isUnresolved(url) && SIGNED_URL.test(url)) {
        throw new ExportConfigError(
          "DFE049",
          "`triggerUrl` is a literal signed URL (it carries `sig=`): a secret that would land in cdk.tf.json and in the state in plain text. " +
            'Pass it as a sensitive variable: new TerraformVariable(this, "triggerUrl", { type: "string", sensitive: true }).stringValue.',
        );
      }
      return parseResourceId(options.workflowId, DestinationKind.LOGIC_APP._idShape, "a Logic App workflow");
    });
    if (!Token.isUnresolved(options.triggerUrl)) {
      warnOnce(
        this,
        `${coded("DFW003", this.node.path)}the Logic App trigger URL is a literal: it is a secret and lands in ` +
          `cdk.tf.json. Pass it as a sensitive TerraformVariable instead.`,
      );
    }
    this.description = parts ? `Logic App ${parts.names[0]} (existing, in ${parts.resourceGroupName})` : "Logic App (existing, id known at apply)";
  }

  /** @inheritdoc */
  public get provider(): TerraformProvider | undefined {
    return this.options.provider;
  }

  public get tenantId(): string | undefined {
    return destinationTenant(this, this.options);
  }

  public bind(_automation: IConstruct): ExportActionConfig {
    return { kind: this.kind, resourceId: this.options.workflowId, triggerUrl: this.options.triggerUrl };
  }
}
