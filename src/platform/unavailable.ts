// The kind of failure where something Regiekamer depends on cannot be used: a tenant, Microsoft Graph or its token
// endpoint, the database, the Bot Connector, or a data directory another process holds. Its message is for people:
// it names the dependency in words, in Dutch and English, and says what to do. The command line prints the message
// alone (exit 1), never a stack trace or a library's own text.

/** A dependency is unreachable or held; `message` names it and what to do (bilingual), `dependency` is its key. */
export class DependencyUnavailableError extends Error {
  readonly dependency: 'tenant' | 'graph' | 'token' | 'database' | 'datadir' | 'botconnector';

  constructor(
    dependency: 'tenant' | 'graph' | 'token' | 'database' | 'datadir' | 'botconnector',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.dependency = dependency;
    this.name = 'DependencyUnavailableError';
  }
}
