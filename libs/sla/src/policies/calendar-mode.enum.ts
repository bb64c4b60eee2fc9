// Whose working time an SLA clock counts.
export enum CalendarMode {
  SUPPLIER = 'SUPPLIER',
  CUSTOMER = 'CUSTOMER',
  // Only when both departments are working.
  BOTH = 'BOTH',
}
