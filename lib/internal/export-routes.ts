import { IConstruct } from "constructs";
import { claimInApp } from "./app-claims";

/**
 * Claims the export route of a subscription or management group: a policy assignment deploys and
 * remediates the automations of every subscription under its scope, so it may share that scope with
 * nothing (another policy would deploy the same automations; a `ContinuousExport` or fleet would be
 * overwritten by remediation, and overwrite it back). Exports and fleets share a subscription freely:
 * their automation names are claimed on their own (DFE032). A management group's subscriptions are not
 * known at synth, so an export under a policy's management group is not seen here.
 */
export function claimExportRoute(scope: IConstruct, scopeId: string, policy: boolean): void {
  claimInApp(scope, {
    key: ["export-route", scopeId],
    exclusive: policy,
    code: "DFE227",
    words: (other) =>
      `${other} already exports ${scopeId}${policy ? "" : " through a policy assignment"}, and ${policy ? "this policy assignment" : "this export"} would too: ` +
      "the policy's remediation and the other route would overwrite each other's automations. Keep one route per subscription (or management group).",
  });
}
