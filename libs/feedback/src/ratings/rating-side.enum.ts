// Who gave a rating: the customer rates the service; the supplier rates the request's quality.
export enum RatingSide {
  CUSTOMER = 'CUSTOMER',
  SUPPLIER = 'SUPPLIER',
}
