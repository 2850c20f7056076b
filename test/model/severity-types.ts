/**
 * Compiled by `tsc --noEmit` in `npm test`: the severity kinds are distinct types, so passing an alert
 * severity where a recommendation severity is expected does not compile.
 */
import { AlertSeverity, AttackPathRiskLevel, Export, Severity } from "../../lib";
// @ts-expect-error an alert severity is not a recommendation severity
Export.recommendations({ minimumSeverity: AlertSeverity.HIGH });
Export.recommendations({ minimumSeverity: Severity.HIGH });
// @ts-expect-error a recommendation severity is not an alert severity
Export.alerts({ minimumSeverity: Severity.HIGH });
// @ts-expect-error an attack path risk level is not a finding severity
Export.findings({ minimumSeverity: AttackPathRiskLevel.HIGH });
Export.alerts({ minimumSeverity: AlertSeverity.HIGH });
