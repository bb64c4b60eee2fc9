import { registerEnumType } from '@nestjs/graphql';
import { ReportGroupBy, ReportPeriod } from '../reports/report-dimensions';

registerEnumType(ReportGroupBy, {
  name: 'ReportGroupBy',
  description: 'A dimension a report groups by',
});
registerEnumType(ReportPeriod, {
  name: 'ReportPeriod',
  description: "Period length, by creation date in the root department's time zone",
});

export { ReportGroupBy, ReportPeriod };
