/**
 * Input that `lint`, `explain` and `import` cannot read: not JSON, not one of the shapes, over a limit,
 * or a field the checks need of the wrong type. `problems` holds one line per problem, each with its code.
 */
export class LiveInputError extends Error {
  /** One line per problem, each starting with its code (`[DFE151] …`). */
  public readonly problems: readonly string[];

  constructor(code: string, problems: readonly string[]) {
    const lines = problems.map((p) => `[${code}] ${p}`);
    super(lines.join("\n"));
    this.problems = lines;
  }
}
