import type { GraphQLFormattedError } from 'graphql';

export interface GraphqlResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

// Talks to the API over real HTTP, as any client would.
export class GraphqlClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.url, token);
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  // The data of a call that must succeed.
  async data<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return result.data as T;
  }

  // The one error of a call that must fail.
  async error(query: string, variables?: Record<string, unknown>): Promise<GraphQLFormattedError> {
    const result = await this.request(query, variables);
    if (!result.errors?.length)
      throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0];
  }
}
