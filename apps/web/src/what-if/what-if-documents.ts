import { graphql } from '../gql';

export const WhatIfOptionsQuery = graphql(`
  query WhatIfOptions($supplierId: ID, $withDepartments: Boolean!, $withPolicies: Boolean!) {
    departments @include(if: $withDepartments) {
      id
      code
      name
    }
    businessCalendars {
      id
      name
      timeZone
    }
    slaPolicies(supplierId: $supplierId) @include(if: $withPolicies) {
      id
      priority
      serviceId
      customerId
      relationshipType
      supplierId
      firstResponseMinutes
      resolutionMinutes
    }
  }
`);

// One simulation per priority, in one round trip; priorities without a proposal are left out.
export const WhatIfSimulateQuery = graphql(`
  query WhatIfSimulate(
    $p1: SimulateSlaPolicyInput!
    $p2: SimulateSlaPolicyInput!
    $p3: SimulateSlaPolicyInput!
    $p4: SimulateSlaPolicyInput!
    $with1: Boolean!
    $with2: Boolean!
    $with3: Boolean!
    $with4: Boolean!
  ) {
    p1: simulateSlaPolicy(input: $p1) @include(if: $with1) {
      ...WhatIfSimulation
    }
    p2: simulateSlaPolicy(input: $p2) @include(if: $with2) {
      ...WhatIfSimulation
    }
    p3: simulateSlaPolicy(input: $p3) @include(if: $with3) {
      ...WhatIfSimulation
    }
    p4: simulateSlaPolicy(input: $p4) @include(if: $with4) {
      ...WhatIfSimulation
    }
  }
  fragment WhatIfSimulation on SlaSimulation {
    requests
    wouldHaveBreached
    wouldHaveMet
    actual {
      ...WhatIfCompliance
    }
    simulated {
      ...WhatIfCompliance
    }
  }
  fragment WhatIfCompliance on SlaCompliance {
    firstResponseMet
    firstResponseBreached
    firstResponseCompliance
    resolutionMet
    resolutionBreached
    resolutionCompliance
  }
`);
