import { Token } from "cdktf";
import { ExportConfigError, atFactory, describeValue } from "../model/errors";
import { isGuid } from "../model/guid";

/** Where a policy assignment applies: a management group (and every subscription below it) or one subscription. */
export class PolicyScope {
  /**
   * A management group, by name (`contoso-landingzones`) or id
   * (`/providers/Microsoft.Management/managementGroups/contoso-landingzones`).
   */
  public static managementGroup(nameOrId: string): PolicyScope {
    return atFactory("PolicyScope.managementGroup", () => PolicyScope.ofManagementGroup(nameOrId));
  }

  private static ofManagementGroup(nameOrId: string): PolicyScope {
    if (typeof nameOrId !== "string") {
      throw new ExportConfigError("DFE083", `a management group is named by its name or id, got ${describeValue(nameOrId)}.`);
    }
    const id = Token.isUnresolved(nameOrId) || nameOrId.startsWith("/") ? nameOrId : `/providers/Microsoft.Management/managementGroups/${nameOrId}`;
    if (!Token.isUnresolved(id) && !/^\/providers\/Microsoft\.Management\/managementGroups\/[\w().-]{1,90}$/i.test(id)) {
      throw new ExportConfigError(
        "DFE083",
        `"${nameOrId}" is not a management group name or id. Give the name, or /providers/Microsoft.Management/managementGroups/<name>.`,
      );
    }
    return new PolicyScope("managementGroup", id);
  }

  /** One subscription, by id. */
  public static subscription(subscriptionId: string): PolicyScope {
    return atFactory("PolicyScope.subscription", () => {
      if (typeof subscriptionId !== "string" || (!Token.isUnresolved(subscriptionId) && !isGuid(subscriptionId))) {
        throw new ExportConfigError("DFE083", `${describeValue(subscriptionId)} is not a subscription id: give the subscription's GUID.`);
      }
      return new PolicyScope("subscription", `/subscriptions/${subscriptionId}`);
    });
  }

  private constructor(
    /** The kind of scope. @internal */
    public readonly _kind: "managementGroup" | "subscription",
    /** The scope's resource id. */
    public readonly id: string,
  ) {}

  /** Whether the scope is a management group. */
  public get isManagementGroup(): boolean {
    return this._kind === "managementGroup";
  }
}
