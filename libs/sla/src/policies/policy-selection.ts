export interface PolicyMatchers {
  supplierId: string | null;
  serviceId: string | null;
  customerId: string | null;
  relationshipType: string | null;
  priority: string | null;
  createdAt: Date;
}

export interface RequestTraits {
  supplierId: string;
  serviceId: string | null;
  customerId: string;
  relationshipType: string;
  priority: string;
}

function matches(policy: PolicyMatchers, request: RequestTraits): boolean {
  return (
    (policy.supplierId === null || policy.supplierId === request.supplierId) &&
    (policy.serviceId === null || policy.serviceId === request.serviceId) &&
    (policy.customerId === null || policy.customerId === request.customerId) &&
    (policy.relationshipType === null || policy.relationshipType === request.relationshipType) &&
    (policy.priority === null || policy.priority === request.priority)
  );
}

// Specificity in API.md's order: a set service beats everything below it, then customer,
// then relationship type, then priority; a supplier-specific policy beats an organisation-wide one.
function specificity(policy: PolicyMatchers): number {
  return (
    (policy.serviceId !== null ? 16 : 0) +
    (policy.customerId !== null ? 8 : 0) +
    (policy.relationshipType !== null ? 4 : 0) +
    (policy.priority !== null ? 2 : 0) +
    (policy.supplierId !== null ? 1 : 0)
  );
}

// The most specific matching policy; among equals, the newest.
export function selectPolicy<P extends PolicyMatchers>(
  policies: readonly P[],
  request: RequestTraits,
): P | null {
  let best: P | null = null;
  for (const policy of policies) {
    if (!matches(policy, request)) continue;
    if (
      !best ||
      specificity(policy) > specificity(best) ||
      (specificity(policy) === specificity(best) && policy.createdAt > best.createdAt)
    ) {
      best = policy;
    }
  }
  return best;
}
