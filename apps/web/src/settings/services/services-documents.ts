import { graphql } from '../../gql';

export const SettingsServicesQuery = graphql(`
  query SettingsServices {
    services(includeInactive: true) {
      id
      name
      description
      active
      defaultPriority
      version
      supplier {
        id
        code
        name
      }
    }
    departments {
      id
      code
      name
      lead {
        id
      }
    }
  }
`);

export const CreateServiceMutation = graphql(`
  mutation SettingsCreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      id
      name
    }
  }
`);

export const UpdateServiceMutation = graphql(`
  mutation SettingsUpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      id
      name
      description
      active
      defaultPriority
      version
    }
  }
`);
