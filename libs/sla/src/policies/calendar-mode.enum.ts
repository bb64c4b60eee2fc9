// Whose working time an SLA clock counts.
export enum CalendarMode {
  SUPPLIER = 'SUPPLIER',
  CUSTOMER = 'CUSTOMER',
}
