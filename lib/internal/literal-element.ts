import { TerraformElement, TerraformLocal } from "cdktf";
import { IConstruct } from "constructs";
import { escapeLiterals } from "./terraform-literal";

/**
 * The one door between the library and Terraform's text: every element the library writes (resources,
 * data sources, providers, locals, and the `moved`, `import` and `removed` blocks) is a class made by
 * {@link literalElement}, which passes the element's whole output through `escapeLiterals` — its
 * arguments, `lifecycle` (conditions and error messages), `import` ids, addresses and keys alike. A new
 * block type is written through it or not at all (`test/layout.test.ts` refuses element classes made
 * elsewhere); the library's own expressions are tokens and stay expressions.
 */
const PASSED = Symbol.for("cdktf-defender-export.literal-element");

/** A class of Terraform elements, abstract or not. */
type ElementClass = abstract new (...args: any[]) => TerraformElement; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The element class whose instances write their output through the door. */
export function literalElement<T extends ElementClass>(Base: T): T {
  abstract class LiteralElement extends Base {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      throughTheDoor(this);
    }
  }
  return LiteralElement as unknown as T;
}

/**
 * Wraps the element's own output (the most derived `toTerraform`, whatever subclass defines it) and its
 * HCL form: an instance property shadows every method of the prototype chain.
 */
function throughTheDoor(element: TerraformElement): void {
  const json = element.toTerraform.bind(element);
  const hcl = element.toHclTerraform.bind(element);
  Object.defineProperty(element, "toTerraform", { value: () => escapeLiterals(json()) });
  Object.defineProperty(element, "toHclTerraform", { value: () => escapeLiterals(hcl()) });
  Object.defineProperty(element, PASSED, { value: true });
}

/** Whether a construct is an element written through the door. */
export function passedTheDoor(construct: IConstruct): boolean {
  return (construct as unknown as { [PASSED]?: boolean })[PASSED] === true;
}

/** A `locals` entry, written through the door. */
export class Local extends literalElement(TerraformLocal) {}
