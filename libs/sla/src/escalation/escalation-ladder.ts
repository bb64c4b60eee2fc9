export interface OrgUnit {
  id: string;
  // Ids from the root down to this department.
  path: readonly string[];
  leadId: string | null;
}

// The lowest department that is an ancestor of (or equal to) both: the first manager
// responsible for both sides.
export function lowestCommonAncestor(a: readonly string[], b: readonly string[]): string | null {
  let lca: string | null = null;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) lca = a[i];
  return lca;
}

export interface LadderContext {
  assigneeId: string | null;
  supplier: OrgUnit;
  customer: OrgUnit;
  leadOf: (departmentId: string) => string | null;
}

// Who is told at rung 1 (the assignee, else the supplier's lead), 2 (the supplier's lead) and 3
// (the lead of the lowest common ancestor; if that is the same person, the next lead above).
export function escalationRecipient(rung: number, ctx: LadderContext): string | null {
  const supplierLead = ctx.supplier.leadId;
  if (rung === 1) return ctx.assigneeId ?? supplierLead;
  if (rung === 2) return supplierLead;
  const lca = lowestCommonAncestor(ctx.supplier.path, ctx.customer.path);
  if (!lca) return supplierLead;
  const above = ctx.supplier.path.slice(0, ctx.supplier.path.indexOf(lca) + 1).reverse();
  for (const departmentId of above) {
    const lead = ctx.leadOf(departmentId);
    if (lead && lead !== supplierLead) return lead;
  }
  return supplierLead;
}
