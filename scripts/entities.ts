import { organizationEntities } from '@intradesk/organization';

// Every entity of every domain lib, for the migration tooling.
export const allEntities = [...organizationEntities];
