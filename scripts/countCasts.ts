/**
 * Counts the type assertions (`x as T`, `<T>x`) in production code, `as const` excluded (it asserts
 * nothing), with the compiler's own parser so a string or comment containing " as " is not counted.
 * Usage: node --import tsx scripts/countCasts.ts [--list]
 */
import { relative, resolve } from 'node:path';
import type { Node, SourceFile } from 'typescript/unstable/ast';
import { SyntaxKind } from 'typescript/unstable/ast';
import { API } from 'typescript/unstable/sync';

const root = resolve(import.meta.dirname, '..');
const production = /^(src|machines)\//;

const isAsConst = (node: Node) =>
  node.kind === SyntaxKind.AsExpression &&
  'type' in node &&
  (node.type as Node).kind === SyntaxKind.TypeReference &&
  (node.type as { typeName?: { text?: string } }).typeName?.text === 'const';

const isCast = (node: Node) =>
  (node.kind === SyntaxKind.AsExpression || node.kind === SyntaxKind.TypeAssertionExpression) && !isAsConst(node);

/** One per site: `x as unknown as T` is one assertion written in two steps. */
function castsIn(file: SourceFile): Node[] {
  const found: Node[] = [];
  const visit = (node: Node, insideCast: boolean): undefined => {
    const cast = isCast(node);
    if (cast && !insideCast) found.push(node);
    node.forEachChild((child) => visit(child, cast && 'expression' in node && node.expression === child));
  };
  file.forEachChild((child) => visit(child, false));
  return found;
}

const api = new API({ cwd: root });
try {
  const snapshot = api.updateSnapshot({ openProjects: [resolve(root, 'tsconfig.json')] });
  const project = snapshot.getProject(resolve(root, 'tsconfig.json'));
  if (!project) throw new Error('tsconfig.json did not open as a project');
  let total = 0;
  for (const fileName of project.program.getSourceFileNames()) {
    const path = relative(root, fileName);
    if (!production.test(path)) continue;
    const file = project.program.getSourceFile(fileName);
    if (!file) continue;
    const casts = castsIn(file);
    total += casts.length;
    if (process.argv.includes('--list'))
      for (const cast of casts) console.log(`${path}: ${file.text.slice(cast.pos, cast.end).trim().replace(/\s+/g, ' ')}`);
  }
  console.log(`${total} type assertions in src/ and machines/ (as const excluded)`);
} finally {
  api.close();
}
