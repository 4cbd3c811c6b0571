// The limits a parsed YAML document must keep before it is turned into data: how deep it nests, whether every alias
// names an anchor set before it, and how much its aliases expand to (an "alias bomb": a few lines whose aliases of
// aliases stand for billions of nodes). Each fault is found with the place it is at, so validate can point at it.
// Pure, and without recursion: a document nested too deep for the call stack is still walked.
import { CST, isAlias, isMap, isNode, isPair, isSeq, Parser, type Document, type Node } from 'yaml';
import type { MessageKey, Params } from '../i18n.ts';

/** Nesting deeper than this is refused; the programme schema's deepest value is about ten levels down. */
export const MAX_DEPTH = 64;
/**
 * How many nodes all aliases together may stand for (each alias counts the nodes of what it repeats, aliases in it
 * expanded). yaml's own guard (`maxAliasCount`) throws without a place; this one names the alias.
 */
const MAX_ALIAS_NODES = 10_000;

export interface YamlFault {
  /** Offset in the text of the node at fault. */
  offset: number;
  key: MessageKey;
  params: Params;
}

interface Frame {
  node: Node;
  depth: number;
  /** Set once the node's children have been pushed: the frame is then finished when popped again. */
  open: boolean;
}

/** The child nodes of `node` in document order (a mapping's keys and values, a sequence's items). */
function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isNode(pair.key)) out.push(pair.key);
      if (isNode(pair.value)) out.push(pair.value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) if (isNode(item)) out.push(item);
  }
  return out;
}

/**
 * The first fault of `doc` in document order: a node nested deeper than `maxDepth` (`yaml.tooDeep`), an alias with no
 * anchor before it (`yaml.unknownAlias`), or the alias at which all aliases together stand for more than
 * `maxAliasNodes` nodes (`yaml.aliasBomb`); undefined when there is none. An alias inside the node its anchor names
 * counts as one node (yaml resolves it to that node itself).
 */
export function yamlFault(
  doc: Document,
  maxDepth: number = MAX_DEPTH,
  maxAliasNodes: number = MAX_ALIAS_NODES,
): YamlFault | undefined {
  const root = doc.contents;
  if (!isNode(root)) return undefined;
  /** Each finished node's size: itself plus its children, an alias counting the size of what it names. */
  const sizes = new Map<Node, number>();
  const anchors = new Map<string, Node>();
  const cap = maxAliasNodes + 1;
  let expanded = 0;
  const stack: Frame[] = [{ node: root, depth: 1, open: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { node } = frame;
    const offset = node.range?.[0] ?? 0;
    if (frame.open) {
      stack.pop();
      const size = childrenOf(node).reduce((sum, child) => sum + (sizes.get(child) ?? 1), 1);
      sizes.set(node, Math.min(size, cap));
      continue;
    }
    if (frame.depth > maxDepth) return { offset, key: 'yaml.tooDeep', params: { max: maxDepth } };
    if (isAlias(node)) {
      stack.pop();
      const target = anchors.get(node.source);
      if (!target) return { offset, key: 'yaml.unknownAlias', params: { alias: node.source } };
      const size = sizes.get(target) ?? 1;
      expanded += size;
      if (expanded > maxAliasNodes) return { offset, key: 'yaml.aliasBomb', params: { max: maxAliasNodes } };
      sizes.set(node, size);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    frame.open = true;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i] as Node, depth: frame.depth + 1, open: false });
  }
  return undefined;
}

/**
 * The offset of the first collection or value nested deeper than `maxDepth` in `text`, read as yaml's concrete syntax
 * tree (built without recursion); undefined when none is. For a document too deep for yaml to compose: yaml then
 * reports RESOURCE_EXHAUSTION wherever its call stack happened to run out, which differs from run to run.
 */
export function tooDeepInSource(text: string, maxDepth: number = MAX_DEPTH): number | undefined {
  for (const doc of new Parser().parse(text)) {
    if (doc.type !== 'document' || !doc.value) continue;
    const stack: { token: CST.Token; depth: number }[] = [{ token: doc.value, depth: 1 }];
    while (stack.length > 0) {
      const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
      if (depth > maxDepth) return token.offset;
      if (!CST.isCollection(token)) continue;
      const children = token.items.flatMap((item) => [item.key, item.value]).filter((t): t is CST.Token => !!t);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ token: children[i] as CST.Token, depth: depth + 1 });
    }
  }
  return undefined;
}
