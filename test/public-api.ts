import * as ts from "typescript";

/**
 * What a user of the shipped types can reach that is not public API: every public member, constructor
 * and function signature of what the package root exports, with the named types they mention. A member
 * whose name starts with `_`, or a signature that names a type of the package the root does not export
 * (an internal type, like an extra constructor parameter), is a leak. Returns them as `Owner.member: Type`.
 */
export function publicApiLeaks(program: ts.Program, rootTypes: string, packageDir: string): string[] {
  const checker = program.getTypeChecker();
  const root = program.getSourceFile(rootTypes);
  if (!root) throw new Error(`${rootTypes} is not in the program`);
  const resolve = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exported = new Set(checker.getExportsOfModule(checker.getSymbolAtLocation(root)!).map(resolve));
  const ours = (s: ts.Symbol) => (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(packageDir));
  const leaks = new Set<string>();
  const seen = new Set<ts.Type>();

  const visitType = (type: ts.Type, where: string, depth = 0): void => {
    if (depth > 6) return;
    if (type.isUnionOrIntersection()) return type.types.forEach((t) => visitType(t, where, depth + 1));
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const anonymous = !symbol || symbol.name.startsWith("__");
    const named = symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum);
    if (symbol && named && !anonymous && ours(symbol) && !exported.has(resolve(symbol))) leaks.add(`${where}: ${symbol.name}`);
    if (seen.has(type)) return;
    seen.add(type);
    if (type.aliasTypeArguments) type.aliasTypeArguments.forEach((t) => visitType(t, where, depth + 1));
    if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
      checker.getTypeArguments(type as ts.TypeReference).forEach((t) => visitType(t, where, depth + 1));
    }
    if (anonymous && type.flags & ts.TypeFlags.Object) {
      for (const p of type.getProperties()) visitType(checker.getTypeOfSymbol(p), `${where}.${p.name}`, depth + 1);
      for (const sig of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(sig, where, depth + 1);
    }
  };
  const visitSignature = (sig: ts.Signature, where: string, depth = 0): void => {
    sig.getParameters().forEach((p) => visitType(checker.getTypeOfSymbol(p), `${where}(${p.name})`, depth));
    visitType(sig.getReturnType(), `${where}()`, depth);
  };
  const visitMembers = (type: ts.Type, owner: string): void => {
    for (const member of type.getProperties()) {
      const flags = ts.getCombinedModifierFlags(member.valueDeclaration ?? member.declarations?.[0] ?? ({} as ts.Declaration));
      if (member.valueDeclaration && flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (member.declarations?.some((d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))) continue;
      if (member.name === "prototype") continue;
      const where = `${owner}.${member.name}`;
      if (member.name.startsWith("_") && (member.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(packageDir))) leaks.add(where);
      const memberType = checker.getTypeOfSymbol(member);
      visitType(memberType, where);
      memberType.getCallSignatures().forEach((sig) => visitSignature(sig, where));
    }
  };

  for (const symbol of exported) {
    const name = symbol.name;
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) visitMembers(checker.getDeclaredTypeOfSymbol(symbol), name);
    if (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
      const staticSide = checker.getTypeOfSymbol(symbol);
      staticSide.getConstructSignatures().forEach((sig) => visitSignature(sig, `new ${name}`));
      staticSide.getCallSignatures().forEach((sig) => visitSignature(sig, name));
      if (symbol.flags & ts.SymbolFlags.Class) visitMembers(staticSide, name);
    }
  }
  return [...leaks].sort();
}
