import { graphql } from '../gql';

// The reports page: the filters' choices, then one query per report so each section shows as
// soon as its own numbers are in (the SLA report's chart first).

export const ReportsOptionsQuery = graphql(`
  query ReportsOptions($supplierId: ID) {
    departments {
      id
      code
      name
      timeZone
      parent {
        id
      }
    }
    services(supplierId: $supplierId) {
      id
      name
      supplier {
        id
        code
      }
    }
  }
`);

export const ReportsSlaQuery = graphql(`
  query ReportsSla($filter: ReportFilter, $groupBy: [ReportGroupBy!]!, $period: ReportPeriod) {
    slaReport(filter: $filter, groupBy: $groupBy, period: $period) {
      supplier {
        id
        code
        name
      }
      customer {
        id
        code
        name
      }
      service {
        id
        name
      }
      priority
      relationshipType
      period
      total
      open
      firstResponseMet
      firstResponseBreached
      firstResponseCompliance
      resolutionMet
      resolutionBreached
      resolutionCompliance
    }
  }
`);

// The resolution percentiles of the same rows, asked for once the compliance is in: they cost
// the database a sort of every request (several times the counts), and the chart needs none.
export const ReportsSlaTimesQuery = graphql(`
  query ReportsSlaTimes($filter: ReportFilter, $groupBy: [ReportGroupBy!]!, $period: ReportPeriod) {
    slaReport(filter: $filter, groupBy: $groupBy, period: $period) {
      supplier {
        id
      }
      customer {
        id
      }
      service {
        id
      }
      priority
      relationshipType
      period
      medianResolutionMinutes
      p90ResolutionMinutes
    }
  }
`);

export const ReportsSatisfactionQuery = graphql(`
  query ReportsSatisfaction(
    $filter: ReportFilter
    $groupBy: [ReportGroupBy!]!
    $period: ReportPeriod
  ) {
    satisfactionReport(filter: $filter, groupBy: $groupBy, period: $period) {
      supplier {
        id
        code
        name
      }
      customer {
        id
        code
        name
      }
      service {
        id
        name
      }
      priority
      relationshipType
      period
      total
      ratings
      averageScore
      distribution
      responseRate
    }
  }
`);

export const ReportsTrendQuery = graphql(`
  query ReportsTrend($filter: ReportFilter, $period: ReportPeriod!) {
    reportTrend(filter: $filter, period: $period) {
      period
      total
      open
      resolutionCompliance
      firstResponseCompliance
      medianResolutionMinutes
      averageScore
    }
  }
`);

export const ReportsMatrixQuery = graphql(`
  query ReportsMatrix($filter: ReportFilter) {
    departmentMatrix(filter: $filter) {
      customer {
        id
        code
        name
      }
      supplier {
        id
        code
        name
      }
      requests
      open
      relationshipType
      resolutionCompliance
      averageScore
    }
  }
`);

export const ReportsPairRankingQuery = graphql(`
  query ReportsPairRanking($filter: ReportFilter, $minRequests: Int!, $limit: Int!) {
    departmentPairRanking(filter: $filter, minRequests: $minRequests, limit: $limit) {
      best {
        customer {
          id
          code
          name
        }
        supplier {
          id
          code
          name
        }
        requests
        resolutionCompliance
        averageScore
      }
      worst {
        customer {
          id
          code
          name
        }
        supplier {
          id
          code
          name
        }
        requests
        resolutionCompliance
        averageScore
      }
    }
  }
`);
