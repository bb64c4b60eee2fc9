import { GraphqlClient } from '../utils/graphql-client';

export const REQUEST_FIELDS = `id number title status priority relationshipType version firstRespondedAt resolvedAt closedAt
  customer { code } supplier { code } requester { email } assignee { email } allowedStatuses`;

export const CREATE_REQUEST = `mutation($input: CreateRequestInput!) { createRequest(input: $input) { ${REQUEST_FIELDS} } }`;
export const CHANGE_STATUS = `mutation($id: ID!, $status: RequestStatus!, $v: Int!) {
  changeRequestStatus(id: $id, status: $status, expectedVersion: $v) { ${REQUEST_FIELDS} } }`;
export const ASSIGN = `mutation($id: ID!, $assigneeId: ID, $v: Int!) {
  assignRequest(id: $id, assigneeId: $assigneeId, expectedVersion: $v) { ${REQUEST_FIELDS} } }`;
export const ADD_COMMENT = `mutation($requestId: ID!, $body: String!, $internal: Boolean) {
  addComment(requestId: $requestId, body: $body, internal: $internal) { id body internal author { email } } }`;
export const REQUEST_BY_ID = `query($id: ID!) { request(id: $id) { ${REQUEST_FIELDS}
  comments { body internal author { email } } history { kind from to internal actor { email } } } }`;

export interface FiledRequest {
  id: string;
  number: string;
  version: number;
  status: string;
  [field: string]: unknown;
}

export async function fileRequest(
  client: GraphqlClient,
  supplierId: string,
  input: Record<string, unknown> = {},
): Promise<FiledRequest> {
  const data = await client.data<{ createRequest: FiledRequest }>(CREATE_REQUEST, {
    input: { supplierId, title: 'Please help', description: 'Details', ...input },
  });
  return data.createRequest;
}

export async function moveTo(
  client: GraphqlClient,
  request: FiledRequest,
  status: string,
): Promise<FiledRequest> {
  const data = await client.data<{ changeRequestStatus: FiledRequest }>(CHANGE_STATUS, {
    id: request.id,
    status,
    v: request.version,
  });
  return data.changeRequestStatus;
}
