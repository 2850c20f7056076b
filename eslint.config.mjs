// @ts-check
import eslint from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", ".bench/", "coverage/", "scratch/", "docs/api/", ".cdktn/", ".checkov/", ".python/"] },
  eslint.configs.recommended,
  tseslint.configs.strict,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The public surface is jsii-friendly: static factories on classes rather than free functions (DESIGN.md).
      "@typescript-eslint/no-extraneous-class": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
  },
  {
    // Tests and the benchmark read Terraform JSON, whose shape is the provider's, and assert what they just built.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-dynamic-delete": "off",
    },
  },
);
