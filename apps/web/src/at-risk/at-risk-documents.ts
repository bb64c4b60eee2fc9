import { graphql } from '../gql';

// The at-risk clocks of one supplier department, soonest due first (breached ones are due first).
export const AtRiskClocksQuery = graphql(`
  query AtRiskClocks($supplierId: ID!, $withinMinutes: Int!) {
    atRiskRequests(supplierId: $supplierId, withinMinutes: $withinMinutes, first: 100) {
      clock {
        kind
        state
        targetMinutes
        elapsedMinutes
        remainingMinutes
        dueAt
        breachedAt
        countingNow
      }
      request {
        id
        number
        title
        status
        priority
        version
        customer {
          id
          name
        }
        assignee {
          id
          name
        }
      }
    }
  }
`);

// Counts and each agent's share in one SQL statement, with the people a request can go to.
export const AtRiskHealthQuery = graphql(`
  query AtRiskHealth($departmentId: ID!, $withinMinutes: Int!) {
    departmentQueueHealth(departmentId: $departmentId, withinMinutes: $withinMinutes) {
      open
      unassigned
      atRisk
      breached
      withinMinutes
      workload {
        agent {
          id
          name
        }
        open
        atRisk
        breached
      }
    }
    department(id: $departmentId) {
      id
      code
      name
      members {
        id
        name
        role
      }
    }
  }
`);

export const AtRiskSuppliersQuery = graphql(`
  query AtRiskSuppliers {
    departments {
      id
      code
      name
    }
  }
`);

export const AtRiskAssignMutation = graphql(`
  mutation AtRiskAssign($id: ID!, $assigneeId: ID, $expectedVersion: Int!) {
    assignRequest(id: $id, assigneeId: $assigneeId, expectedVersion: $expectedVersion) {
      id
      number
      version
      assignee {
        id
        name
      }
    }
  }
`);

export const AtRiskEscalationsQuery = graphql(`
  query AtRiskEscalations($departmentId: ID!) {
    escalationsReceived(departmentId: $departmentId, first: 10) {
      clockKind
      rung
      occurredAt
      request {
        id
        number
        title
        status
      }
    }
  }
`);

export const AtRiskTrendQuery = graphql(`
  query AtRiskTrend($filter: ReportFilter!) {
    reportTrend(filter: $filter, period: MONTH) {
      period
      total
      resolutionCompliance
      firstResponseCompliance
      averageScore
    }
  }
`);

export const AtRiskSurveyRoundsQuery = graphql(`
  query AtRiskSurveyRounds {
    surveyRounds(first: 100) {
      edges {
        node {
          id
          title
          open
          openedAt
          closesAt
          closedAt
          periodFrom
          periodTo
          minAnswers
        }
      }
    }
  }
`);

export const AtRiskSurveyResultsQuery = graphql(`
  query AtRiskSurveyResults($roundId: ID!) {
    surveyResults(roundId: $roundId) {
      supplier {
        id
      }
      overall {
        suppressed
        answers
        averageScore
        averageRecommend
        netPromoterScore
      }
      byCustomer {
        customer {
          id
          name
        }
        scores {
          suppressed
          answers
          averageScore
          netPromoterScore
        }
      }
    }
  }
`);
