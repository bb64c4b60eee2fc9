import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';

// One row of any report, as SQL computes it; the GraphQL and CSV shapes pick their columns.
export interface ReportRow {
  supplierId: string | null;
  customerId: string | null;
  serviceId: string | null;
  assigneeId: string | null;
  priority: Priority | null;
  relationshipType: RelationshipType | null;
  // First local date of the period (YYYY-MM-DD).
  period: string | null;
  total: number;
  open: number;
  firstResponseMet: number;
  firstResponseBreached: number;
  resolutionMet: number;
  resolutionBreached: number;
  resolutionCompliance: number | null;
  firstResponseCompliance: number | null;
  medianResolutionMinutes: number | null;
  p90ResolutionMinutes: number | null;
  ratings: number;
  averageScore: number | null;
  distribution: number[];
  stoppedResolutions: number;
  responseRate: number | null;
  qualityRatings: number;
  averageQualityScore: number | null;
  kudos: number;
}
