/**
 * Function sizes (not a test): every function, method, arrow function and function expression
 * under src/ whose body spans more than LIMIT lines (default 100), longest first, measured with the
 * TypeScript compiler's own parser (body from its `{` to its `}`, both lines counted).
 *
 *   npx tsx scripts/function-sizes.ts [--limit 100] [--all] [DIR|FILE…]
 *
 * A function nested in another is counted on its own and inside its parent too. The line just above
 * a long function may say why it is long; it is printed with the function ("// Long: …").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionSize {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** The comment line just above the function, when it starts with "Long:" (the written reason). */
  reason: string | null;
}

function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return /\.tsx?$/.test(path) && !path.endsWith(".d.ts") ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => sourceFiles(join(path, name)));
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  if (parent && ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText(sf).slice(0, 40)})`;
  return "(anonymous)";
}

/** The written reason above a function: a `Long: …` line among the comments just before it. */
function reasonOf(node: ts.Node, sf: ts.SourceFile): string | null {
  // `const f = () => …`: the comment sits above the variable statement.
  let anchor: ts.Node = node;
  const holds = (n: ts.Node): boolean =>
    ts.isVariableDeclaration(n) || ts.isVariableDeclarationList(n) || ts.isVariableStatement(n);
  while (anchor.parent && holds(anchor.parent)) anchor = anchor.parent;
  for (const r of ts.getLeadingCommentRanges(sf.text, anchor.getFullStart()) ?? []) {
    const m = /Long:\s*(.*?)\s*(\*\/)?$/m.exec(sf.text.slice(r.pos, r.end));
    if (m) return m[1];
  }
  return null;
}

export function functionSizes(paths: readonly string[], root = process.cwd()): FunctionSize[] {
  const out: FunctionSize[] = [];
  for (const file of paths.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const visit = (node: ts.Node): void => {
      if (
        (ts.isFunctionDeclaration(node) ||
          ts.isMethodDeclaration(node) ||
          ts.isArrowFunction(node) ||
          ts.isFunctionExpression(node) ||
          ts.isConstructorDeclaration(node) ||
          ts.isGetAccessorDeclaration(node) ||
          ts.isSetAccessorDeclaration(node)) &&
        node.body
      ) {
        const first = sf.getLineAndCharacterOfPosition(node.body.getStart(sf)).line;
        const last = sf.getLineAndCharacterOfPosition(node.body.getEnd()).line;
        out.push({
          file: relative(root, file),
          name: nameOf(node, sf),
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          lines: last - first + 1,
          reason: reasonOf(node, sf),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf("--limit");
  const limit = at >= 0 ? Number(args.splice(at, 2)[1]) : 100;
  const all = args.includes("--all");
  const paths = args.filter((a) => !a.startsWith("--"));
  const sizes = functionSizes(paths.length ? paths : ["src"]).filter((f) => all || f.lines > limit);
  for (const f of sizes)
    console.log(
      `${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}${f.reason ? `  — long: ${f.reason}` : ""}`
    );
  console.log(`${sizes.length} function(s) over ${limit} lines`);
}

if (require.main === module) main();
