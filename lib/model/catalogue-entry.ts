/** One entry of the error catalogue: a code the library reports, when, and the fix. */
export interface CatalogueEntry {
  /** The code, `DFE…` for errors (synth fails), `DFW…` for warnings. */
  readonly code: string;
  /** When it is reported. */
  readonly when: string;
  /** What to do. */
  readonly fix: string;
}
