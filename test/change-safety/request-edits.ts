import { Construct } from "constructs";
import type { ContinuousExportProps } from "../../lib/continuous-export";
import type { CrossTenantAccessProps } from "../../lib/access/cross-tenant-access";
import type { ContinuousExportFleetProps } from "../../lib/fleet/continuous-export-fleet";

/**
 * An edit a user makes to their request, applied to every construct of a kind in an app: the harness
 * synthesizes each example as written (before) and with the edit (after). Each hook returns the edited
 * props, or undefined where the edit does not apply to that construct.
 */
export interface RequestEdit {
  /** What the user does, in words. */
  readonly name: string;
  /** The edit of a `ContinuousExport`'s props. */
  readonly exportProps?: (props: ContinuousExportProps, scope: Construct, id: string) => ContinuousExportProps | undefined;
  /** The edit of a `CrossTenantAccess`'s props. */
  readonly grantProps?: (props: CrossTenantAccessProps, scope: Construct, id: string) => CrossTenantAccessProps | undefined;
  /** The edit of a `ContinuousExportFleet`'s props. */
  readonly fleetProps?: (props: ContinuousExportFleetProps, scope: Construct, id: string) => ContinuousExportFleetProps | undefined;
  /** The construct id a `ContinuousExport` gets: a rename. */
  readonly exportId?: (id: string) => string | undefined;
  /** The construct id an existing workspace (`LogAnalyticsDestination.fromWorkspaceId`) gets: a rename. */
  readonly existingWorkspaceId?: (id: string) => string | undefined;
  /**
   * The addresses the user removed (or changed in what forces replacement) with this edit: only these
   * may be destroyed or replaced. @default none
   */
  readonly removes?: (address: string) => boolean;
}

let active: RequestEdit | undefined;
let applied = 0;

/** Runs `fn` with `edit` applied to every construct built meanwhile; returns how many constructs it changed. */
export function withEdit<T>(edit: RequestEdit | undefined, fn: () => T): { result: T; applied: number } {
  active = edit;
  applied = 0;
  try {
    return { result: fn(), applied };
  } finally {
    active = undefined;
  }
}

/** The construct id a `ContinuousExport` gets under the active edit. Called by the mocked constructor in the harness's test. */
export function editedExportId(id: string): string {
  const renamed = active?.exportId?.(id);
  return renamed === undefined ? id : renamed;
}

/** The construct id an existing workspace gets under the active edit. Called by the mocked factory in the harness's test. */
export function editedWorkspaceId(id: string): string {
  const renamed = active?.existingWorkspaceId?.(id);
  if (renamed === undefined) return id;
  applied++;
  return renamed;
}

/** The props a construct gets under the active edit. Called by the mocked constructors in the harness's test. */
export function editedProps<P>(
  hook: keyof Pick<RequestEdit, "exportProps" | "grantProps" | "fleetProps">,
  props: P,
  scope: Construct,
  id: string,
): P {
  const fn = active?.[hook] as ((p: P, s: Construct, i: string) => P | undefined) | undefined;
  const edited = fn?.(props, scope, id);
  if (edited === undefined) return props;
  applied++;
  return edited;
}
