import { registerEnumType } from '@nestjs/graphql';
import { Priority } from '../services/priority.enum';

registerEnumType(Priority, { name: 'Priority', description: 'P1 is the most urgent' });

export { Priority };
