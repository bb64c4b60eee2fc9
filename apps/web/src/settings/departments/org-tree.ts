import type { SettingsDepartmentsQuery as Data } from '../../gql/graphql';

export type Dept = Data['departments'][number];

export interface TreeNode {
  dept: Dept;
  children: TreeNode[];
  depth: number;
}

// The flat list as a tree: children by name; a department whose parent is not in the list
// (an archived parent while archived ones are hidden) shows as a root.
export function buildTree(departments: readonly Dept[], locale: string): TreeNode[] {
  const byParent = new Map<string | null, Dept[]>();
  const ids = new Set(departments.map((d) => d.id));
  for (const d of departments) {
    const parent = d.parent && ids.has(d.parent.id) ? d.parent.id : null;
    const list = byParent.get(parent) ?? [];
    list.push(d);
    byParent.set(parent, list);
  }
  const collator = new Intl.Collator(locale);
  const grow = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((dept) => ({ dept, depth, children: grow(dept.id, depth + 1) }));
  return grow(null, 1);
}

// Depth-first order, the order of the tree on screen.
export function flatten(nodes: readonly TreeNode[], open?: (id: string) => boolean): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]) => {
    for (const node of list) {
      out.push(node);
      if (!open || open(node.dept.id)) walk(node.children);
    }
  };
  walk(nodes);
  return out;
}
