import { graphql } from '../../gql';

export const SettingsWebhookDepartmentsQuery = graphql(`
  query SettingsWebhookDepartments {
    departments {
      id
      code
      name
    }
  }
`);

export const SettingsWebhooksQuery = graphql(`
  query SettingsWebhooks($departmentId: ID!) {
    departmentWebhooks(departmentId: $departmentId) {
      id
      url
      active
      createdAt
    }
  }
`);

export const CreateWebhookMutation = graphql(`
  mutation SettingsCreateWebhook($departmentId: ID!, $url: String!) {
    createDepartmentWebhook(departmentId: $departmentId, url: $url) {
      secret
      webhook {
        id
        url
        active
        createdAt
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query SettingsWebhookDeliveries($webhookId: ID!, $status: WebhookDeliveryStatus) {
    webhookDeliveries(webhookId: $webhookId, status: $status, first: 100) {
      edges {
        node {
          id
          event
          status
          attempts
          lastError
          nextAttemptAt
          deliveredAt
          createdAt
        }
      }
    }
  }
`);

export const SetWebhookActiveMutation = graphql(`
  mutation SettingsSetWebhookActive($id: ID!, $active: Boolean!) {
    setDepartmentWebhookActive(id: $id, active: $active) {
      id
      url
      active
      createdAt
    }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation SettingsDeleteWebhook($id: ID!) {
    deleteDepartmentWebhook(id: $id)
  }
`);
