/** A Terraform reference or expression: its value is known only at apply, and is not judged here (DFC017, DFC018). */
export const isExpression = (value: string) => value.includes("${");
