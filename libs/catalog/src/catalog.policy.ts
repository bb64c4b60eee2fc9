import { AuthUser, isAdministrator, leads } from '@intradesk/core';

// Who may change a supplier's catalogue: its team lead, and administrators.
export function mayManageCatalogOf(caller: AuthUser, supplierId: string): boolean {
  return leads(caller, supplierId) || isAdministrator(caller);
}
