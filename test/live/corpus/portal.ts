import { PolicyParameters, policyAutomation } from "./policy-templates";

type Json = { [key: string]: any };

/**
 * What the portal's continuous-export page (Environment settings → Continuous export) writes for its choices.
 *
 * Source of the shape: the page's choices are the built-in policy's parameters (exported data types with their
 * per-type filters: recommendation severities or chosen recommendations, "Include security findings", alert
 * severities, controls, standards; "Streaming updates" / "Snapshots"), and the automations it saves carry the
 * policy template's rule-set layout: `type Contains Microsoft.Security/assessments` AND
 * `properties.metadata.severity Equals <severity>` per chosen severity, `SubAssessments` without rule sets,
 * `Severity Equals <severity in lower case>` per alert severity (as users read them back with
 * `az security automation show`). No Microsoft page publishes the saved body: this is the documented choice list
 * mapped onto the policy template's layout, unconfirmed beyond that. The names are fixed per destination kind:
 * `ExportToWorkspace`, `ExportToEventHub` (DOMAIN.md §1, portal visibility).
 */
export interface PortalChoice {
  /** The choice in the page's words. */
  readonly choice: string;
  /** Workspace or event hub. */
  readonly target: "workspace" | "eventHub";
  /** The page's selections, in the policy's parameter names. */
  readonly selection: Partial<PolicyParameters>;
}

const ALL = ["High", "Medium", "Low"];

/** Each choice of the page, one at a time and as people combine them. */
export const PORTAL_CHOICES: readonly PortalChoice[] = [
  {
    choice: "recommendations at High, security findings, alerts (every severity), to a workspace",
    target: "workspace",
    selection: {
      exportedDataTypes: ["Security recommendations", "Security alerts"],
      recommendationSeverities: ["High"],
      isSecurityFindingsEnabled: true,
    },
  },
  {
    choice: "every data type, streaming, to a workspace",
    target: "workspace",
    selection: {
      exportedDataTypes: ["Security recommendations", "Security alerts", "Overall secure score", "Secure score controls", "Regulatory compliance"],
      isSecurityFindingsEnabled: true,
    },
  },
  {
    choice: "every data type, streaming and snapshots, to an event hub",
    target: "eventHub",
    selection: {
      exportedDataTypes: [
        "Security recommendations",
        "Security alerts",
        "Overall secure score",
        "Secure score controls",
        "Regulatory compliance",
        "Overall secure score - snapshot",
        "Secure score controls - snapshot",
        "Regulatory compliance - snapshot",
        "Security recommendations - snapshot",
        "Security findings - snapshot",
      ],
      isSecurityFindingsEnabled: true,
    },
  },
  {
    choice: "alerts of High and Medium severity, to an event hub",
    target: "eventHub",
    selection: { exportedDataTypes: ["Security alerts"], alertSeverities: ["High", "Medium"] },
  },
  {
    choice: "chosen recommendations at High and Medium with their findings, to a workspace",
    target: "workspace",
    selection: {
      exportedDataTypes: ["Security recommendations"],
      recommendationNames: ["1195afff-c881-495e-9bc5-1486211ae03f", "4fb67663-9ab9-475d-b026-8c544cced439"],
      recommendationSeverities: ["High", "Medium"],
      isSecurityFindingsEnabled: true,
    },
  },
  {
    choice: "secure score and chosen controls, snapshots only, to a workspace",
    target: "workspace",
    selection: {
      exportedDataTypes: ["Overall secure score - snapshot", "Secure score controls - snapshot"],
      secureScoreControlsNames: ["ee7e6de7-5d9a-4fc0-9ad2-4d13bb7ec9a2"],
    },
  },
  {
    choice: "regulatory compliance for chosen standards, to an event hub",
    target: "eventHub",
    selection: { exportedDataTypes: ["Regulatory compliance"], regulatoryComplianceStandardsNames: ["Azure-CIS-1.1.0"] },
  },
];

/** The automation the page saves for a choice in a subscription. */
export function portalAutomation(c: PortalChoice, subscriptionId: string): Json {
  const p: PolicyParameters = {
    exportedDataTypes: [],
    recommendationNames: [],
    recommendationSeverities: ALL,
    isSecurityFindingsEnabled: false,
    secureScoreControlsNames: [],
    alertSeverities: ALL,
    regulatoryComplianceStandardsNames: [],
    ...c.selection,
  };
  const a = policyAutomation(c.target, subscriptionId, p, "rg-portal");
  const name = c.target === "workspace" ? "ExportToWorkspace" : "ExportToEventHub";
  return { ...a, id: a.id.replace(/[^/]+$/, name), name, properties: { ...a.properties, description: "" } };
}
