import { graphql } from '../../gql';

export const SettingsSlaPoliciesQuery = graphql(`
  query SettingsSlaPolicies {
    slaPolicies {
      id
      name
      active
      supplierId
      customerId
      serviceId
      priority
      relationshipType
      firstResponseMinutes
      resolutionMinutes
      warnAtPercent
      calendarMode
      calendarId
      version
    }
    departments {
      id
      code
      name
    }
    services {
      id
      name
      supplier {
        id
      }
    }
    businessCalendars {
      id
      name
    }
  }
`);

export const CreateSlaPolicyMutation = graphql(`
  mutation SettingsCreateSlaPolicy($input: CreateSlaPolicyInput!) {
    createSlaPolicy(input: $input) {
      id
      name
    }
  }
`);

export const UpdateSlaPolicyMutation = graphql(`
  mutation SettingsUpdateSlaPolicy($input: UpdateSlaPolicyInput!) {
    updateSlaPolicy(input: $input) {
      id
      active
      firstResponseMinutes
      resolutionMinutes
      warnAtPercent
      version
    }
  }
`);

export const ApplicableSlaPolicyQuery = graphql(`
  query SettingsApplicableSlaPolicy(
    $supplierId: ID!
    $customerId: ID!
    $serviceId: ID
    $priority: Priority!
  ) {
    applicableSlaPolicy(
      supplierId: $supplierId
      customerId: $customerId
      serviceId: $serviceId
      priority: $priority
    ) {
      relationshipType
      policy {
        id
        name
      }
      firstResponseMinutes
      resolutionMinutes
      firstResponseDueAt
      resolutionDueAt
    }
  }
`);
