import { visit, type Node, type NodeType, type ParseError, type ParseOptions } from 'jsonc-parser';

/**
 * A node of the syntax tree, of the shape jsonc-parser's `Node` has. Its offset is kept relative to its
 * parent's, so that when text is put in or taken out, the nodes after it move by one assignment at each
 * level instead of one per node: an edit in a file of 20,000 users touches the users after it, not every
 * value they hold.
 */
export class SyntaxNode implements Node {
  value: unknown = undefined;
  children: SyntaxNode[] | undefined = undefined;
  /** Offset from the parent's offset; from the start of the text for the root. */
  private relative: number;
  /** The colon's offset from this property's offset, once seen. */
  private colon = -1;

  constructor(
    readonly type: NodeType,
    public parent: SyntaxNode | undefined,
    offset: number,
    /** In UTF-16 code units; -1 while the parser has not reached the end of the node. */
    public length: number,
  ) {
    this.relative = parent ? offset - parent.offset : offset;
  }

  get offset(): number {
    let offset = this.relative;
    for (let node = this.parent; node; node = node.parent) offset += node.relative;
    return offset;
  }

  set offset(offset: number) {
    this.relative = this.parent ? offset - this.parent.offset : offset;
  }

  get colonOffset(): number | undefined {
    return this.colon < 0 ? undefined : this.offset + this.colon;
  }

  set colonOffset(offset: number | undefined) {
    this.colon = offset === undefined ? -1 : offset - this.offset;
  }

  /** Moves the node and all it holds by `delta` characters. */
  move(delta: number): void {
    this.relative += delta;
  }
}

function typeOf(value: unknown): NodeType {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    default:
      return 'string';
  }
}

/** A syntax tree, and how many objects and arrays lie inside one another at its deepest. */
export interface ParsedTree {
  readonly root: SyntaxNode | undefined;
  readonly depth: number;
}

/**
 * Parses JSON with comments into SyntaxNodes, the tree jsonc-parser's `parseTree` gives (the same nodes, offsets,
 * lengths and error recovery: it is built from the same visitor callbacks), appending what is wrong to `errors`.
 * The root is undefined for a text without a value.
 */
export function parseSyntaxTree(text: string, errors: ParseError[], options: ParseOptions): ParsedTree {
  const top: SyntaxNode[] = [];
  let current: SyntaxNode | undefined;
  let nesting = 0;
  let depth = 0;
  const open = (node: SyntaxNode) => {
    current = add(node);
    current.children = [];
    depth = Math.max(depth, ++nesting);
  };
  // The children of a property (its key and value) are held in an array of their exact size, and those of an
  // object or array are cut to size at its end: a large file has as many such arrays as values.
  // A property's key waits here for its value, so that the property gets one array of both rather than one of
  // its key first: nothing comes between a key and the start of its value.
  let key: SyntaxNode | undefined;
  const add = (node: SyntaxNode) => {
    if (!current) top.push(node);
    else if (current.type === 'property') {
      current.children = [key!, node];
      key = undefined;
    } else current.children!.push(node);
    return node;
  };
  // A property ends with its value, at a comma, or at the end of the object when its value is missing.
  const endProperty = (end: number) => {
    if (current?.type === 'property') {
      if (key) {
        current.children = [key];
        key = undefined;
      }
      current.length = end - current.offset;
      current = current.parent;
    }
  };
  const endContainer = (end: number) => {
    nesting--;
    current!.length = end - current!.offset;
    current!.children = current!.children!.slice();
    current = current!.parent;
    endProperty(end);
  };
  // The same few keys repeat in every entry: each is kept once.
  const keys = new Map<string, string>();
  visit(
    text,
    {
      onObjectBegin: (offset) => open(new SyntaxNode('object', current, offset, -1)),
      onObjectProperty: (name, offset, length) => {
        current = add(new SyntaxNode('property', current, offset, -1));
        key = new SyntaxNode('string', current, offset, length);
        let interned = keys.get(name);
        if (interned === undefined) keys.set(name, (interned = name));
        key.value = interned;
      },
      onObjectEnd: (offset, length) => {
        endProperty(offset + length);
        endContainer(offset + length);
      },
      onArrayBegin: (offset) => open(new SyntaxNode('array', current, offset, -1)),
      onArrayEnd: (offset, length) => endContainer(offset + length),
      onLiteralValue: (value, offset, length) => {
        add(new SyntaxNode(typeOf(value), current, offset, length)).value = value;
        endProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current?.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') endProperty(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    options,
  );
  // A text that ends right after a key leaves it waiting.
  if (key) key.parent!.children = [key];
  return { root: top[0], depth };
}

/**
 * After `delta` characters were put in at `from` (or taken out, for a negative delta) inside `container`, whose
 * children before `from` are already up to date: it and its ancestors grow, and every node that starts at or
 * after `from` moves.
 */
export function moveAfter(container: SyntaxNode, from: number, delta: number): void {
  for (let node: SyntaxNode | undefined = container; node; node = node.parent) {
    node.length += delta;
    const children = node.children ?? [];
    for (let i = firstIndex(children.length, (j) => children[j].offset >= from); i < children.length; i++) children[i].move(delta);
  }
}

/**
 * The first index from 0 to `count` at which `reached` holds, by binary search: `reached` must be false up to
 * some index and true from there on (as "starts at or after an offset" is for nodes in file order). `count` when
 * it never holds.
 */
export function firstIndex(count: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
