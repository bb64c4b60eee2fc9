import { registerEnumType } from '@nestjs/graphql';
import { RequestChangeKind } from '../events/request-events';
import { HistoryKind } from '../history/history-kind.enum';
import { RequestOrderField, SortDirection } from '../requests/request-filter';
import { RequestStatus } from '../requests/request-status.enum';

registerEnumType(RequestStatus, { name: 'RequestStatus' });
registerEnumType(HistoryKind, { name: 'HistoryKind' });
registerEnumType(RequestOrderField, { name: 'RequestOrderField' });
registerEnumType(SortDirection, { name: 'SortDirection' });
registerEnumType(RequestChangeKind, { name: 'RequestChangeKind' });

export { HistoryKind, RequestChangeKind, RequestOrderField, RequestStatus, SortDirection };
