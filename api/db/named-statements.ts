/**
 * Every statement drizzle sends through postgres.js as a named (prepared) statement.
 *
 * drizzle asks postgres.js for an unnamed statement unless the query was built with
 * `.prepare(name)`, and postgres.js sends an unnamed statement with parameters in two round
 * trips: Parse and Describe first, to learn the parameter types, then Bind and Execute. A
 * named statement is described once per connection and afterwards sent in one round trip,
 * and only then can postgres.js pipeline the statements of a transaction (several in one
 * write, answered together). That halved the round trips of a resident's submission.
 *
 * The plans stay what they were: connections run with `plan_cache_mode=force_custom_plan`
 * (client.ts), so each execution is planned for its own parameters, as an unnamed statement
 * was; only the parse and the describe are saved. (The few connections of `withSteadyPlans`,
 * for residents' input, keep plans: `plan_cache_mode=auto`.) postgres.js drops a connection's
 * statements with the connection (`max_lifetime`), which bounds the statements a long-lived
 * process keeps for queries whose text varies (`in ($1, $2, …)` of different lengths).
 */
import type postgres from 'postgres';

type Unsafe = postgres.Sql['unsafe'];

/** The same client, whose `unsafe` (drizzle's only way in) always names its statement. */
export function withNamedStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return ((query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, (parameters ?? []) as never, { ...options, prepare: true })) as Unsafe;
      }
      // A transaction and a savepoint hand their callback a client of their own.
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as (scoped: postgres.TransactionSql) => unknown;
          const method = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (scoped: postgres.TransactionSql) =>
            callback(withNamedStatements(scoped)),
          );
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
