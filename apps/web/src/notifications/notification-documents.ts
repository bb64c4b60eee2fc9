import { graphql } from '../gql';

// What an item needs to be said in the reader's language: its kind, who and which request
// (with the request's history, to tell which status a change moved it to).
export const NotificationItemFragment = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    message
    createdAt
    readAt
    actor {
      id
      name
    }
    request {
      id
      number
      title
      customer {
        id
        name
      }
      history {
        kind
        at
        from
        to
      }
    }
  }
`);

export const NotificationsQuery = graphql(`
  query ShellNotifications {
    unreadNotificationCount
    notifications(first: 30) {
      edges {
        node {
          ...NotificationItem
        }
      }
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription ShellNotificationAdded {
    notificationAdded {
      ...NotificationItem
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation ShellMarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const MarkAllReadMutation = graphql(`
  mutation ShellMarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
