import { DFC001 } from "./dfc001-contradictory-rule-set";
import { DFC002 } from "./dfc002-path-of-another-type";
import { DFC003 } from "./dfc003-findings-without-parents";
import { DFC004 } from "./dfc004-rejected-value";
import { DFC005 } from "./dfc005-send-rights";
import { DFC006 } from "./dfc006-portal-visibility";
import { DFC007 } from "./dfc007-secret-outputs";
import { DFC008 } from "./dfc008-broad-export-roles";
import { DFC009 } from "./dfc009-literal-secret";
import { DFC010 } from "./dfc010-broad-contributor";
import { DFC011 } from "./dfc011-shared-delegations";
import { DFC012 } from "./dfc012-value-outside-set";
import { DFC013 } from "./dfc013-no-value-passes";
import { DFC014 } from "./dfc014-value-not-of-type";
import { DFC015 } from "./dfc015-numeric-compare-on-text";
import { DFC016 } from "./dfc016-near-miss-path";
import { DFC017 } from "./dfc017-scopes";
import { DFC018 } from "./dfc018-action-targets";
import { DFC019 } from "./dfc019-role-granting";
import { DFC020 } from "./dfc020-manage-keys";
import { DFC021 } from "./dfc021-whole-value-outputs";
import { DFC030 } from "./dfc030-parents-filtered";
import { DFC040 } from "./dfc040-high-without-critical";
import { DFC055 } from "./dfc055-live-field-type";
import { DFC060 } from "./dfc060-namespace-access";
import { PackRule } from "./rule";

export * from "./rule";

/** Every rule of the pack, one object each (one file per rule), in the order docs/check-pack.md lists them. */
export const CHECK_RULES: readonly PackRule[] = [
  DFC001,
  DFC002,
  DFC003,
  DFC004,
  DFC005,
  DFC006,
  DFC007,
  DFC008,
  DFC009,
  DFC010,
  DFC011,
  DFC012,
  DFC013,
  DFC014,
  DFC015,
  DFC016,
  DFC017,
  DFC018,
  DFC019,
  DFC020,
  DFC021,
  DFC055,
  DFC040,
  DFC030,
  DFC060,
];
