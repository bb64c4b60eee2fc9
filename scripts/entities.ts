import { catalogEntities } from '@intradesk/catalog';
import { organizationEntities } from '@intradesk/organization';
import { requestsEntities } from '@intradesk/requests';
import { slaEntities } from '@intradesk/sla';
import { notificationsEntities } from '@intradesk/notifications';
import { feedbackEntities } from '@intradesk/feedback';
import { reportingEntities } from '@intradesk/reporting';
import { inboundMailEntities } from '@intradesk/inbound-mail';

// Every entity of every domain lib, for the migration tooling.
export const allEntities = [
  ...organizationEntities,
  ...catalogEntities,
  ...slaEntities,
  ...requestsEntities,
  ...notificationsEntities,
  ...feedbackEntities,
  ...reportingEntities,
  ...inboundMailEntities,
];
