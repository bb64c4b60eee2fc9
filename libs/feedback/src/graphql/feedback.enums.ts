import { registerEnumType } from '@nestjs/graphql';
import { RatingSide } from '../ratings/rating-side.enum';

registerEnumType(RatingSide, {
  name: 'RatingSide',
  description:
    "CUSTOMER: the customer's satisfaction; SUPPLIER: the supplier's view of the request's quality",
});

export { RatingSide };
